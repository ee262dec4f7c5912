package com.disputehub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A Mirakl on loopback for the benchmarks: OR11 pages of {@code orders} orders with an incident each (the adapter
 * kit's order, as the Mirakl fixtures write it), served instantly; M11 without threads; RE01 from the fixture; and
 * OR28 refunds, answered after {@code latency}, at most {@code writeLimit} in any second (0: any), the others answered
 * 429 as a strict marketplace does. It keeps only the refunds it took, per order line; it is far lighter than the
 * sandbox simulator, so that a benchmark measures the connector rather than the fake. Shop key {@code bench-key}.
 */
final class LoopbackMirakl implements AutoCloseable {

    static final String KEY = "bench-key";

    static {
        // the JDK's server writes an answer's head and body apart; without TCP_NODELAY, Nagle's algorithm holds the
        // body until the client's delayed acknowledgement (up to 40 ms on Linux), a wait no real marketplace adds
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final int orders;
    private final String order;
    private final String reasons;
    private final Duration latency;
    private final int writeLimit;
    private final Deque<Long> recentWrites = new ArrayDeque<>();
    private final AtomicInteger refused = new AtomicInteger();
    private long firstWrite;
    private long lastWrite;
    private long writes;
    private final AtomicLong refundIds = new AtomicLong();
    private final Map<String, Integer> refunds = new ConcurrentHashMap<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean held;

    LoopbackMirakl(int orders) {
        this(orders, Duration.ZERO, 0);
    }

    LoopbackMirakl(int orders, Duration latency, int writeLimit) {
        this.orders = orders;
        this.latency = latency;
        this.writeLimit = writeLimit;
        this.order = resource("mirakl/kit/order.json").replace("${reasonCode}", "2")
                .replace("${reasonLabel}", "Artículo recibido dañado").replace("${price}", "34.90").replace("${refunds}", "[]");
        this.reasons = resource("mirakl/reasons.json");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // answers wait out their latency on these threads: at 1,000 a second and 50 ms, 50 at a time
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/orders", this::orders);
        server.createContext("/api/orders/refund", this::refund);
        server.createContext("/api/inbox/threads", exchange -> answer(exchange, 200,
                "{\"data\": [], \"next_page_token\": null, \"previous_page_token\": null}"));
        server.createContext("/api/reasons", exchange -> answer(exchange, 200, reasons));
        server.start();
    }

    /** Holds every orders page until {@link #open}: a benchmark's warm-up goes first. */
    LoopbackMirakl held() {
        held = true;
        return this;
    }

    void open() {
        gate.countDown();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void orders(HttpExchange exchange) throws IOException {
        if (held) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"message\": \"Unauthorized\", \"status\": 401}");
            return;
        }
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        StringBuilder page = new StringBuilder("{\"orders\": [");
        if (q.containsKey("order_ids")) {
            String[] ids = q.get("order_ids").split(",");
            for (int i = 0; i < ids.length; i++) {
                page.append(i == 0 ? "" : ",").append(order.replace("${id}", ids[i].replace("KIT-", "").replace("-A", "")));
            }
            page.append("], \"total_count\": ").append(ids.length).append('}');
        } else {
            int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
            int max = Integer.parseInt(q.getOrDefault("max", "100"));
            boolean since = q.containsKey("start_update_date");
            int end = since ? offset : Math.min(orders, offset + max);
            for (int n = offset; n < end; n++) {
                page.append(n == offset ? "" : ",").append(order.replace("${id}", String.valueOf(n)));
            }
            page.append("], \"total_count\": ").append(since ? 0 : orders).append('}');
        }
        answer(exchange, 200, page.toString());
    }

    /** OR28: {@code PUT /api/orders/refund}; one entry per refund in the answer, as Mirakl gives. */
    private void refund(HttpExchange exchange) throws IOException {
        if (!KEY.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"message\": \"Unauthorized\", \"status\": 401}");
            return;
        }
        if (!admitted()) {
            refused.incrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "1");
            answer(exchange, 429, "{\"message\": \"Too Many Requests\", \"status\": 429}");
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in);
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 503, "{\"message\": \"Service Unavailable\", \"status\": 503}");
            return;
        }
        ArrayNode answered = JSON.createArrayNode();
        String orderRefundId = "oref-" + refundIds.incrementAndGet();
        for (JsonNode r : body.path("refunds")) {
            String line = r.path("order_line_id").asString();
            refunds.merge(line, 1, Integer::sum);
            answered.addObject().put("order_line_id", line).put("refund_id", "ref-" + refundIds.incrementAndGet())
                    .put("order_refund_id", orderRefundId).set("amount", r.path("amount"));
        }
        answer(exchange, 200, JSON.createObjectNode().set("refunds", answered).toString());
    }

    /** Whether one more write fits in the last second. */
    private synchronized boolean admitted() {
        if (writeLimit <= 0) {
            return true;
        }
        long now = System.nanoTime();
        while (!recentWrites.isEmpty() && now - recentWrites.peekFirst() >= 1_000_000_000L) {
            recentWrites.removeFirst();
        }
        if (recentWrites.size() >= writeLimit) {
            return false;
        }
        recentWrites.addLast(now);
        firstWrite = writes++ == 0 ? now : firstWrite;
        lastWrite = now;
        return true;
    }

    /** Writes taken a second between the first and the last this marketplace took (when it has a write limit). */
    synchronized double writeRate() {
        return writes < 2 ? 0 : (writes - 1) / ((lastWrite - firstWrite) / 1e9);
    }

    /** How many refunds each order line received. */
    Map<String, Integer> refundsPerLine() {
        return Map.copyOf(refunds);
    }

    /** Writes answered 429. */
    int refused() {
        return refused.get();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String resource(String path) {
        try (InputStream in = LoopbackMirakl.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
