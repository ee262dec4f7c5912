package com.disputehub.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An ERP's webhook endpoint on loopback: it verifies every request as the Standard Webhooks specification says,
 * with an implementation of its own (HMAC-SHA256 over {@code id.timestamp.body} with the base64-decoded secret,
 * any {@code v1} signature of the header, constant-time comparison, a timestamp at most five minutes away), keeps
 * what it accepted by {@code webhook-id} (so a retried event counts once), and answers as scripted.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A scripted answer: status and headers; the queue is used up first, then 200. */
    public record Script(int status, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Script> script = new ConcurrentLinkedQueue<>();
    private final Map<String, JsonNode> accepted = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private final List<Instant> requestTimes = new CopyOnWriteArrayList<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final List<String> signatureHeaders = new CopyOnWriteArrayList<>();
    private volatile List<String> secrets = List.of();
    private volatile long delayMillis;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The secrets it verifies with (one, or two during a rotation). */
    public WebhookReceiver secrets(String... secrets) {
        this.secrets = List.of(secrets);
        return this;
    }

    /** Answers each request only after this long, so that a crash can find deliveries in flight. */
    public WebhookReceiver slow(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public WebhookReceiver then(int status, Map<String, String> headers) {
        script.add(new Script(status, headers));
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requestTimes.add(Instant.now());
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readAllBytes();
        }
        String body = new String(bytes, StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        signatureHeaders.add(String.valueOf(signature));
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Script answer = script.poll();
        int status = answer == null ? 200 : answer.status();
        if (!verified(id, timestamp, signature, body)) {
            badSignatures.add(id);
            status = 401;
        } else if (status / 100 == 2) {
            JsonNode event = JSON.readTree(body);
            if (accepted.putIfAbsent(id, event) == null) {
                arrivals.add(id);
            }
        }
        if (answer != null) {
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        }
        byte[] reply = ("{\"received\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    boolean verified(String id, String timestamp, String header, String body) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(Instant.now().getEpochSecond() - sent) > 300) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = hmac(secret, id + "." + timestamp + "." + body);
            for (String part : header.split(" ")) {
                if (part.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(part.substring(3)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many requests came, retries and repeats included. */
    public int requests() {
        return requestTimes.size();
    }

    /** The events accepted, each once, in the order they first arrived. */
    public List<JsonNode> events() {
        synchronized (accepted) {
            List<JsonNode> events = new ArrayList<>();
            arrivals.forEach(id -> events.add(accepted.get(id)));
            return events;
        }
    }

    public List<Instant> requestTimes() {
        return List.copyOf(requestTimes);
    }

    public List<String> badSignatures() {
        return List.copyOf(badSignatures);
    }

    public List<String> signatureHeaders() {
        return List.copyOf(signatureHeaders);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
