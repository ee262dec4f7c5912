package com.disputehub.channel.support;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelOutcomeUnknownException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.ChannelUnavailableException;

import jakarta.annotation.PreDestroy;

/**
 * HTTP for adapters: clients with connect and read timeouts, and one translation of HTTP failures into
 * {@link ChannelException}s, so that every adapter reports errors the same way.
 */
@Component
public class ChannelHttp {

    private static final int MAX_MESSAGE = 500;

    private final CloseableHttpClient http;
    private final HttpComponentsClientHttpRequestFactory factory;

    /**
     * One pool of connections for every account: a thousand accounts must not make a thousand clients (issue 17).
     * Apache's classic client does its blocking I/O on the caller's thread: the JDK client's asynchronous machinery
     * (worker and selector threads) cost more CPU per call than the rest of a dispatch. It never retries by itself
     * (a write lost on the way may well have taken effect; the channel guards decide) and follows no redirects.
     */
    public ChannelHttp(@Value("${disputehub.http.connect-timeout:5s}") Duration connectTimeout,
                       @Value("${disputehub.http.read-timeout:30s}") Duration readTimeout,
                       @Value("${disputehub.http.max-connections-per-host:100}") int perHost,
                       @Value("${disputehub.http.max-connections:400}") int total) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(perHost)
                .setMaxConnTotal(total)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        // a connection idle for a second is checked before a request goes on it
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.factory = new HttpComponentsClientHttpRequestFactory(http);
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
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
            if (idempotent || neverSent(cause)) {
                throw new ChannelUnavailableException(what + ": " + describe(e), null, e);
            }
            if (cause instanceof IOException) {
                throw new ChannelOutcomeUnknownException(what + ": no answer after sending (" + describe(e) + ")", e);
            }
            throw new ChannelUnavailableException(what + ": " + describe(e), null, e);
        }
    }

    /** Failures before anything was written: no connection, or none free in the pool in time. */
    private static boolean neverSent(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof ConnectTimeoutException
                || cause instanceof ConnectionRequestTimeoutException;
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
