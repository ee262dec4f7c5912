package com.disputehub.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Mirakl that serves pages instantly, on loopback, for the sync benchmark: OR11 pages of {@code orders} orders with
 * an incident each (the adapter kit's order, as the Mirakl fixtures write it), M11 without threads, RE01 from the
 * fixture. Nothing but what the sync reads; shop key {@code bench-key}.
 */
final class LoopbackMirakl implements AutoCloseable {

    static final String KEY = "bench-key";

    private final HttpServer server;
    private final int orders;
    private final String order;
    private final String reasons;

    LoopbackMirakl(int orders) {
        this.orders = orders;
        this.order = resource("mirakl/kit/order.json").replace("${reasonCode}", "2")
                .replace("${reasonLabel}", "Artículo recibido dañado").replace("${price}", "34.90").replace("${refunds}", "[]");
        this.reasons = resource("mirakl/reasons.json");
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/orders", this::orders);
        server.createContext("/api/inbox/threads", exchange -> answer(exchange, 200,
                "{\"data\": [], \"next_page_token\": null, \"previous_page_token\": null}"));
        server.createContext("/api/reasons", exchange -> answer(exchange, 200, reasons));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void orders(HttpExchange exchange) throws IOException {
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
