package com.disputehub.channel.mirakl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelProtocolException;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.FetchResult;
import com.disputehub.channel.RawRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads changed orders page by page. Each raw record is one order with its message threads attached, so that
 * it normalizes on its own; a malformed order only spoils its own record.
 */
@Component
class MiraklChangeReader {

    private static final Logger log = LoggerFactory.getLogger(MiraklChangeReader.class);

    static final int THREADS_LIMIT = 50;
    static final int ORDER_IDS_PER_CALL = 100;
    /** Threads changed while the first full pass ran must not be missed. */
    private static final Duration FIRST_PASS_MARGIN = Duration.ofMinutes(15);

    private final MiraklClient client;
    private final Clock clock;

    MiraklChangeReader(MiraklClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    FetchResult fetch(ChannelAccount account, String cursorText) {
        MiraklCursor c = MiraklCursor.parse(cursorText);
        return MiraklCursor.THREADS.equals(c.phase()) ? threadsPage(account, c) : ordersPage(account, c);
    }

    /** Orders by id with their threads, whatever their incident state, so that closed incidents are seen. */
    List<RawRecord> ordersById(ChannelAccount account, Set<String> orderIds) {
        List<String> ids = new ArrayList<>(orderIds);
        List<RawRecord> records = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ORDER_IDS_PER_CALL) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + ORDER_IDS_PER_CALL));
            Map<String, String> q = new LinkedHashMap<>();
            q.put("order_ids", String.join(",", batch));
            q.put("max", String.valueOf(ORDER_IDS_PER_CALL));
            records.addAll(withThreads(account, orders(client.listOrders(account, q))));
        }
        return records;
    }

    private FetchResult ordersPage(ChannelAccount account, MiraklCursor c) {
        int max = pageSize(account);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("has_incident", "true");
        if (c.ordersSince() != null) {
            q.put("start_update_date", c.ordersSince().toString());
        }
        q.put("offset", String.valueOf(c.offset()));
        q.put("max", String.valueOf(max));
        JsonNode page = client.listOrders(account, q);
        List<JsonNode> orders = orders(page);
        Instant high = c.ordersHigh();
        for (JsonNode order : orders) {
            high = MiraklCursor.later(high, instant(order.path("last_updated_date")));
        }
        List<RawRecord> records = withThreads(account, orders);
        int next = c.offset() + orders.size();
        long total = page.path("total_count").asLong(-1);
        boolean more = !orders.isEmpty() && (total >= 0 ? next < total : orders.size() == max);
        if (more) {
            return new FetchResult(records, new MiraklCursor(MiraklCursor.ORDERS, c.ordersSince(), next, high,
                    c.threadsSince(), null, null).text(), true);
        }
        Instant ordersSince = high != null ? high : c.ordersSince();
        if (c.threadsSince() == null) {
            // First full pass: these orders came with their threads; follow thread changes from now on.
            Instant threadsSince = clock.instant().minus(FIRST_PASS_MARGIN);
            return new FetchResult(records, new MiraklCursor(MiraklCursor.ORDERS, ordersSince, 0, null,
                    threadsSince, null, null).text(), false);
        }
        return new FetchResult(records, new MiraklCursor(MiraklCursor.THREADS, ordersSince, 0, null,
                c.threadsSince(), null, null).text(), true);
    }

    private FetchResult threadsPage(ChannelAccount account, MiraklCursor c) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("entity_type", "MMP_ORDER");
        q.put("updated_since", c.threadsSince().toString());
        q.put("limit", String.valueOf(THREADS_LIMIT));
        if (c.pageToken() != null) {
            q.put("page_token", c.pageToken());
        }
        JsonNode page;
        try {
            page = client.listThreads(account, q);
        } catch (ChannelRejectedException e) {
            log.warn("account {}: thread changes not read: {}", account.id(), e.getMessage());
            return new FetchResult(List.of(), new MiraklCursor(MiraklCursor.ORDERS, c.ordersSince(), 0, null,
                    c.threadsSince(), null, null).text(), false);
        }
        Set<String> orderIds = new LinkedHashSet<>();
        Instant high = c.threadsHigh();
        for (JsonNode thread : array(page, "data", "M11 list threads")) {
            high = MiraklCursor.later(high, instant(thread.path("date_updated")));
            for (JsonNode entity : thread.path("entities")) {
                if ("MMP_ORDER".equals(entity.path("type").asString(null)) && entity.hasNonNull("id")) {
                    orderIds.add(entity.get("id").asString());
                }
            }
        }
        List<RawRecord> records = ordersById(account, orderIds);
        String nextToken = page.path("next_page_token").asString(null);
        if (nextToken != null && !nextToken.isBlank()) {
            return new FetchResult(records, new MiraklCursor(MiraklCursor.THREADS, c.ordersSince(), 0, null,
                    c.threadsSince(), nextToken, high).text(), true);
        }
        Instant threadsSince = MiraklCursor.later(high, c.threadsSince());
        return new FetchResult(records, new MiraklCursor(MiraklCursor.ORDERS, c.ordersSince(), 0, null,
                threadsSince, null, null).text(), false);
    }

    /** Attaches each order's threads (M11 by entity id, all pages) to it: {"order": ..., "threads": [...]}. */
    private List<RawRecord> withThreads(ChannelAccount account, List<JsonNode> orders) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode order : orders) {
            String id = order.path("order_id").asString(null);
            if (id != null && !id.isBlank()) {
                ids.add(id);
            }
        }
        Map<String, ArrayNode> threadsByOrder = threadsOf(account, ids);
        List<RawRecord> records = new ArrayList<>(orders.size());
        for (JsonNode order : orders) {
            String id = order.path("order_id").asString("(no order_id)");
            ObjectNode record = MiraklJson.MAPPER.createObjectNode();
            record.set("order", order);
            record.set("threads", threadsByOrder.getOrDefault(id, MiraklJson.MAPPER.createArrayNode()));
            records.add(RawRecord.json("order " + id, MiraklJson.MAPPER.writeValueAsString(record)));
        }
        return records;
    }

    /**
     * The threads of these orders. A key without inbox rights (M11 answers 4xx) still syncs incidents, without
     * messages, and says so in the log; a transient failure fails the page as usual.
     */
    private Map<String, ArrayNode> threadsOf(ChannelAccount account, Set<String> orderIds) {
        Map<String, ArrayNode> byOrder = new LinkedHashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        try {
            readThreads(account, orderIds, byOrder);
        } catch (ChannelRejectedException e) {
            log.warn("account {}: messages not read, incidents synced without them: {}", account.id(), e.getMessage());
            byOrder.clear();
        }
        return byOrder;
    }

    private void readThreads(ChannelAccount account, Set<String> orderIds, Map<String, ArrayNode> byOrder) {
        String token = null;
        do {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("entity_type", "MMP_ORDER");
            q.put("entity_id", String.join(",", orderIds));
            q.put("with_messages", "true");
            q.put("limit", String.valueOf(THREADS_LIMIT));
            if (token != null) {
                q.put("page_token", token);
            }
            JsonNode page = client.listThreads(account, q);
            for (JsonNode listed : array(page, "data", "M11 list threads")) {
                JsonNode thread = complete(account, listed);
                for (JsonNode entity : thread.path("entities")) {
                    String id = entity.path("id").asString(null);
                    if (id != null && orderIds.contains(id)) {
                        byOrder.computeIfAbsent(id, k -> MiraklJson.MAPPER.createArrayNode()).add(thread);
                    }
                }
            }
            token = page.path("next_page_token").asString(null);
        } while (token != null && !token.isBlank());
    }

    /** M11 carries the last 100 messages of a thread; a longer one is read whole with M10. */
    private JsonNode complete(ChannelAccount account, JsonNode thread) {
        int total = thread.path("metadata").path("total_count").asInt(0);
        String id = thread.path("id").asString(null);
        if (id == null || total <= thread.path("messages").size()) {
            return thread;
        }
        return client.thread(account, id);
    }

    private static List<JsonNode> orders(JsonNode page) {
        List<JsonNode> orders = new ArrayList<>();
        array(page, "orders", "OR11 list orders").forEach(orders::add);
        return orders;
    }

    private static JsonNode array(JsonNode page, String field, String what) {
        JsonNode node = page.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return MiraklJson.MAPPER.createArrayNode();
        }
        if (!node.isArray()) {
            throw new ChannelProtocolException(what + ": '" + field + "' is not an array", null);
        }
        return node;
    }

    private static Instant instant(JsonNode node) {
        String text = node.asString(null);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null; // that order is quarantined by the mapper; the cursor ignores it
        }
    }

    private static int pageSize(ChannelAccount account) {
        return MiraklOptions.of(account).pageSize();
    }
}
