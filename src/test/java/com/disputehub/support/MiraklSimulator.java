package com.disputehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** What the built-in Mirakl simulator holds, read through its own OR11, for tests that send it decisions. */
public final class MiraklSimulator {

    private MiraklSimulator() {
    }

    /** Every line's refunds, as the simulator on this port shows them. */
    public static Map<String, Integer> refundsPerLine(int port) {
        Api marketplace = new Api(port);
        Map<String, Integer> counts = new HashMap<>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page = marketplace.get("/sandbox/mirakl/api/orders?max=100&offset=" + offset,
                    "Authorization", "sandbox-mirakl-shop-key").body();
            if (page.path("orders").isEmpty()) {
                return counts;
            }
            for (JsonNode order : page.get("orders")) {
                for (JsonNode line : order.get("order_lines")) {
                    if (!line.get("refunds").isEmpty()) {
                        counts.merge(line.get("order_line_id").asString(), line.get("refunds").size(), Integer::sum);
                    }
                }
            }
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
