package com.disputehub.support;

import static com.disputehub.support.MiraklFake.authorized;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Orders with an open incident, written as Mirakl's OR11 sends them, served page by page ({@code offset}, as the
 * test accounts' page size of 3 asks) with their M11 threads: many incidents through the real sync path.
 */
public final class MiraklOrders {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One order with one order line in an incident; {@code reasonCode} 2 is "damaged" in the reasons fixture. */
    public record Order(String id, String sku, String reasonCode, String reasonLabel, String firstName, String lastName,
                        String price, Instant updated, String productTitle, String imageUrl, String lineState, int lines) {

        public static Order damagedLamp(int n, Instant updated) {
            return new Order(String.format("LMP-%03d", n), String.format("LAMP-%03d", n), "2", "Artículo recibido dañado",
                    "Cliente", "Número " + n, "34.90", updated, "Lámpara de mesa " + n, "https://img.example.com/lamp.jpg",
                    "INCIDENT_OPEN", 1);
        }

        public Order withSku(String s) {
            return new Order(id, s, reasonCode, reasonLabel, firstName, lastName, price, updated, productTitle, imageUrl, lineState, lines);
        }

        public Order withPrice(String p) {
            return new Order(id, sku, reasonCode, reasonLabel, firstName, lastName, p, updated, productTitle, imageUrl, lineState, lines);
        }

        public Order withBuyer(String first, String last) {
            return new Order(id, sku, reasonCode, reasonLabel, first, last, price, updated, productTitle, imageUrl, lineState, lines);
        }

        public Order withReason(String code, String label) {
            return new Order(id, sku, code, label, firstName, lastName, price, updated, productTitle, imageUrl, lineState, lines);
        }

        public Order withProduct(String title, String image) {
            return new Order(id, sku, reasonCode, reasonLabel, firstName, lastName, price, updated, title, image, lineState, lines);
        }

        /** The order with {@code n} lines in the same incident (one buyer, one thread). */
        public Order withLines(int n) {
            return new Order(id, sku, reasonCode, reasonLabel, firstName, lastName, price, updated, productTitle, imageUrl, lineState, n);
        }

        /** A line whose incident ended (CLOSED, REFUNDED...): the incident is closed. */
        public Order withLineState(String state) {
            return new Order(id, sku, reasonCode, reasonLabel, firstName, lastName, price, updated, productTitle, imageUrl, state, lines);
        }
    }

    /** A message in a thread on one order: the buyer's to shop and operator, or the shop's to the operator only. */
    public record Message(String orderId, String body, String authorName, Instant at, boolean fromShop) {

        public static Message fromBuyer(String orderId, String body, String authorName, Instant at) {
            return new Message(orderId, body, authorName, at, false);
        }

        /** The shop wrote to the operator last: the incident waits for the platform. */
        public static Message shopToOperator(String orderId, String body, Instant at) {
            return new Message(orderId, body, "Tienda", at, true);
        }
    }

    private MiraklOrders() {
    }

    public static void serve(WireMockServer server, List<Order> orders, List<Message> messages) {
        int pageSize = 3;
        for (int offset = 0; offset < Math.max(orders.size(), 1); offset += pageSize) {
            ObjectNode page = JSON.createObjectNode();
            ArrayNode list = page.putArray("orders");
            orders.subList(offset, Math.min(orders.size(), offset + pageSize)).forEach(o -> list.add(order(o)));
            page.put("total_count", orders.size());
            server.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("has_incident", equalTo("true"))
                    .withQueryParam("offset", equalTo(String.valueOf(offset))).willReturn(MiraklFake.json(page.toString())));
        }
        for (Order o : orders) {
            // OR11 by order_ids, as a follow-up (a new message on the order's thread) reads one order
            ObjectNode one = JSON.createObjectNode();
            one.putArray("orders").add(order(o));
            one.put("total_count", 1);
            server.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("order_ids", equalTo(o.id() + "-A"))
                    .willReturn(MiraklFake.json(one.toString())));
        }
        ObjectNode threads = JSON.createObjectNode();
        ArrayNode data = threads.putArray("data");
        List<Message> all = new ArrayList<>(messages);
        for (int i = 0; i < all.size(); i++) {
            Message m = all.get(i);
            ObjectNode thread = data.addObject();
            thread.put("id", "thr-" + i);
            thread.putObject("topic").put("type", "FREE_TEXT").put("value", "Incidencia");
            thread.putArray("entities").addObject().put("id", m.orderId() + "-A").put("type", "MMP_ORDER").put("label", m.orderId());
            thread.put("date_created", m.at().toString());
            thread.put("date_updated", m.at().toString());
            ObjectNode message = thread.putArray("messages").addObject();
            message.put("id", "m-" + i);
            message.put("body", m.body());
            message.put("date_created", m.at().toString());
            message.putObject("from").put("type", m.fromShop() ? "SHOP_USER" : "CUSTOMER_USER").put("display_name", m.authorName());
            ArrayNode to = message.putArray("to");
            to.addObject().put("type", m.fromShop() ? "OPERATOR" : "SHOP");
            if (!m.fromShop()) {
                to.addObject().put("type", "OPERATOR");
            }
        }
        threads.putNull("next_page_token");
        server.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).willReturn(MiraklFake.json(threads.toString())));
    }

    private static ObjectNode order(Order o) {
        ObjectNode order = JSON.createObjectNode();
        order.put("order_id", o.id() + "-A");
        order.put("commercial_id", o.id());
        order.put("created_date", o.updated().minusSeconds(86_400).toString());
        order.put("last_updated_date", o.updated().toString());
        order.put("has_incident", true);
        order.put("currency_iso_code", "EUR");
        order.putObject("customer").put("firstname", o.firstName()).put("lastname", o.lastName()).put("locale", "es_ES");
        ArrayNode lines = order.putArray("order_lines");
        for (int n = 1; n <= o.lines(); n++) {
            line(lines.addObject(), o, n);
        }
        return order;
    }

    private static void line(ObjectNode line, Order o, int n) {
        line.put("order_line_id", o.id() + "-A-" + n);
        line.put("order_line_index", n);
        line.put("order_line_state", o.lineState());
        line.put("order_line_state_reason_code", o.reasonCode());
        line.put("order_line_state_reason_label", o.reasonLabel());
        line.put("offer_sku", o.sku());
        line.put("product_title", o.productTitle());
        line.put("quantity", 1);
        line.put("price", new java.math.BigDecimal(o.price()));
        line.put("shipping_price", 0);
        line.put("can_refund", true);
        line.put("created_date", o.updated().minusSeconds(86_400).toString());
        line.put("last_updated_date", o.updated().toString());
        line.putArray("product_medias").addObject().put("media_url", o.imageUrl()).put("type", "SMALL");
    }
}
