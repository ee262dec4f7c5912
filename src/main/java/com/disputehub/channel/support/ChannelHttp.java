package com.disputehub.channel.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelOutcomeUnknownException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;

/**
 * HTTP for adapters: clients with connect and read timeouts, and one translation of HTTP failures into
 * {@link ChannelException}s, so that every adapter reports errors the same way.
 */
@Component
public class ChannelHttp {

    private static final int MAX_MESSAGE = 500;

    private final JdkClientHttpRequestFactory factory;

    /**
     * One JDK client for every account: a client has a selector thread and connection pool of its own, and a
     * thousand accounts must not make a thousand of them (issue 17). HTTP/1.1: on plain http the JDK client's h2c
     * upgrade of a POST breaks on some servers (Jetty among them), losing the answer to a write; channel APIs gain
     * nothing from HTTP/2.
     */
    public ChannelHttp(@Value("${disputehub.http.connect-timeout:5s}") Duration connectTimeout,
                       @Value("${disputehub.http.read-timeout:30s}") Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
    }

    public RestClient client(ChannelAccount account, Consumer<RestClient.Builder> customizer) {
        RestClient.Builder builder = RestClient.builder().baseUrl(account.baseUrl().toString()).requestFactory(factory);
        customizer.accept(builder);
        return builder.build();
    }

    /**
     * The URI of {@code builder} with {@code query}'s parameters, each value encoded as a URI variable (so dots in
     * names and reserved characters in values are safe); a collection value repeats the parameter, a null is left out.
     */
    public static java.net.URI withQuery(org.springframework.web.util.UriBuilder builder, java.util.Map<String, ?> query) {
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        query.forEach((name, value) -> {
            java.util.Collection<?> all = value instanceof java.util.Collection<?> c ? c : value == null ? java.util.List.of() : java.util.List.of(value);
            for (Object one : all) {
                String key = "q" + values.size();
                builder.queryParam(name, "{" + key + "}");
                values.put(key, one);
            }
        });
        return builder.build(values);
    }

    /**
     * Runs a call. A read that may be repeated ({@code idempotent}) reports a lost answer as unavailable; a
     * write reports it as an unknown outcome, since it may have taken effect.
     */
    public static <T> T call(String what, boolean idempotent, Supplier<T> call) {
        try {
            return call.get();
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            String message = what + ": HTTP " + status + " " + ChannelMessages.extract(e.getResponseBodyAsString(), MAX_MESSAGE);
            if (status == 429 || status >= 500) {
                Duration retryAfter = RetryAfter.parse(e.getResponseHeaders() == null ? null
                        : e.getResponseHeaders().getFirst("Retry-After"));
                throw new ChannelUnavailableException(message, retryAfter, e);
            }
            throw new ChannelRejectedException(status, message);
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause();
            if (idempotent || cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                throw new ChannelUnavailableException(what + ": " + describe(e), null, e);
            }
            if (cause instanceof IOException) {
                throw new ChannelOutcomeUnknownException(what + ": no answer after sending (" + describe(e) + ")", e);
            }
            throw new ChannelUnavailableException(what + ": " + describe(e), null, e);
        }
    }

    /** The cause's kind and message, and the URL Spring names (credentials travel in headers, never in it). */
    private static String describe(ResourceAccessException e) {
        Throwable cause = e.getCause();
        String kind = cause == null ? "connection failed"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        String where = e.getMessage() == null ? "" : e.getMessage().replaceAll("^I/O error on (\\w+) request for \"([^\"]*)\".*$", "$1 $2");
        return where.isEmpty() || where.equals(e.getMessage()) ? kind : kind + " (" + where + ")";
    }
}
