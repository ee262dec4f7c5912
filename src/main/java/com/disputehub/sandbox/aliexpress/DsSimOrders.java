package com.disputehub.sandbox.aliexpress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.disputehub.supplier.SupplierOrder;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated dropshipping side of the AliExpress gateway: supplier orders a Spanish shop placed, in the
 * seed's situations (late, out of stock, held at customs, delivered), answered as
 * {@code aliexpress.trade.ds.order.get} and {@code aliexpress.ds.order.tracking.get} do. A {@link #tick()}
 * ships the late order and releases the parcel from customs.
 */
class DsSimOrders {

    final Map<String, Order> orders = new LinkedHashMap<>();
    private final Clock clock;

    DsSimOrders(Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        add("8100000000000001", "ES-204002-A", "ES", "CN", now.minus(Duration.ofDays(8)), "WAIT_SELLER_SEND_GOODS", null, List.of());
        add("8100000000000002", "PED-31002", "ES", "CN", now.minus(Duration.ofDays(14)), "WAIT_SELLER_SEND_GOODS", null, List.of());
        add("8100000000000003", "PED-31003", "ES", "CN", now.minus(Duration.ofDays(3)), "FINISH", "out_of_stock", List.of());
        add("8100000000000004", "PED-31004", "ES", "CN", now.minus(Duration.ofDays(12)), "WAIT_BUYER_ACCEPT_GOODS", null,
                List.of("Accepted by carrier", "Departed from origin country", "Held by customs, awaiting clearance"));
        add("8100000000000005", "ES-204003-A", "ES", "CN", now.minus(Duration.ofDays(20)), "FINISH", "buyer_accept_goods",
                List.of("Accepted by carrier", "Arrived at destination country", "Delivered"));
        add("8100000000000006", "PED-31006", "ES", "ES", now.minus(Duration.ofDays(1)), "WAIT_SELLER_SEND_GOODS", null, List.of());
    }

    /** What the shop's ERP registered in DisputeHub for these orders. */
    List<SupplierOrder> registrations() {
        List<SupplierOrder> list = new ArrayList<>();
        orders.values().forEach(o -> list.add(new SupplierOrder(o.id, o.storeOrder, o.shipTo, o.shipFrom, o.placedAt, 3)));
        return list;
    }

    synchronized void tick() {
        Order late = orders.get("8100000000000001");
        if ("WAIT_SELLER_SEND_GOODS".equals(late.status)) {
            late.status = "WAIT_BUYER_ACCEPT_GOODS";
            late.events.add("Accepted by carrier");
            return;
        }
        Order customs = orders.get("8100000000000004");
        if (customs.events.get(customs.events.size() - 1).contains("customs")) {
            customs.events.add("Released by customs");
        }
    }

    synchronized ObjectNode order(String orderId) {
        Order o = find(orderId);
        ObjectNode result = AeSimGateway.JSON.createObjectNode();
        ObjectNode r = result.putObject("result");
        r.put("order_status", o.status).put("logistics_status", o.events.isEmpty() ? "NO_LOGISTICS" : "SELLER_SEND_GOODS")
                .put("gmt_create", o.placedAt.toString());
        r.putObject("order_amount").put("amount", "18.40").put("currency_code", "USD");
        ObjectNode child = r.putObject("child_order_list").putArray("aeop_child_order_info").addObject();
        child.put("product_id", 1005001234567L).put("product_name", "Lámpara LED de escritorio").put("product_count", 1);
        if (o.endReason != null) {
            child.put("end_reason", o.endReason);
        }
        if (!o.events.isEmpty()) {
            r.putObject("logistics_info_list").putArray("aeop_order_logistics_info").addObject()
                    .put("logistics_no", "LP" + o.id.substring(8)).put("logistics_service", "AliExpress Standard Shipping");
        }
        return result;
    }

    synchronized ObjectNode tracking(String orderId) {
        Order o = find(orderId);
        ObjectNode result = AeSimGateway.JSON.createObjectNode();
        ObjectNode r = result.putObject("result");
        if (o.events.isEmpty()) {
            r.put("ret", false).put("code", "1001").put("msg", "TRACKING DATA NOT FOUND");
            return result;
        }
        r.put("ret", true).put("code", "0");
        ObjectNode line = r.putObject("data").putArray("tracking_detail_line_list").addObject();
        line.put("mail_no", "LP" + o.id.substring(8)).put("carrier_name", "Cainiao");
        ArrayNode nodes = line.putArray("detail_node_list");
        long t = o.placedAt.plus(Duration.ofDays(2)).toEpochMilli();
        for (String event : o.events) {
            nodes.addObject().put("tracking_name", event).put("tracking_detail_desc", event).put("time_stamp", t);
            t += Duration.ofDays(2).toMillis();
        }
        return result;
    }

    private Order find(String orderId) {
        Order o = orders.get(orderId);
        if (o == null) {
            throw new AeSimGateway.SimError("isv.invalid-authorization", "Order " + orderId + " does not belong to this account");
        }
        return o;
    }

    private void add(String id, String storeOrder, String shipTo, String shipFrom, Instant placedAt, String status,
                     String endReason, List<String> events) {
        Order o = new Order();
        o.id = id;
        o.storeOrder = storeOrder;
        o.shipTo = shipTo;
        o.shipFrom = shipFrom;
        o.placedAt = placedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        o.status = status;
        o.endReason = endReason;
        o.events = new ArrayList<>(events);
        orders.put(id, o);
    }

    static final class Order {
        String id;
        String storeOrder;
        String shipTo;
        String shipFrom;
        Instant placedAt;
        String status;
        String endReason;
        List<String> events;
    }
}
