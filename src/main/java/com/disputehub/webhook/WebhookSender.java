package com.disputehub.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;

import com.disputehub.channel.support.RetryAfter;
import com.disputehub.event.Event;

import tools.jackson.databind.ObjectMapper;

/**
 * One signed POST of one event to one endpoint (Standard Webhooks headers), bounded by the endpoint's timeout; the
 * answer's status, its first kilobyte and its Retry-After. Redirects are not followed: a webhook URL is exact.
 */
@Component
class WebhookSender {

    static final int EXCERPT_BYTES = 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json;
    private final Clock clock;

    WebhookSender(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** What came back; {@code status} null when nothing did (refused, timed out, reset). */
    record Answer(Integer status, long latencyMs, String excerpt, String error, Duration retryAfter) {

        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    String body(Event event) {
        return json.writeValueAsString(event);
    }

    Answer send(URI url, int timeoutSeconds, List<String> secrets, Event event) {
        String body = body(event);
        String id = event.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .header("content-type", "application/json")
                .header("user-agent", "DisputeHub-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.signature(secrets, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                excerpt = new String(in.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), millisSince(start), excerpt, null,
                    RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null)));
        } catch (HttpTimeoutException e) {
            return new Answer(null, millisSince(start), null, "no answer within " + timeoutSeconds + " s", null);
        } catch (IOException e) {
            return new Answer(null, millisSince(start), null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, millisSince(start), null, "interrupted while sending", null);
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
