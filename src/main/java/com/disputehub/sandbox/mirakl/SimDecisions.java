package com.disputehub.sandbox.mirakl;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** Applies the shop's calls to the simulated marketplace as Mirakl would: refunds, resolution, messages. */
class SimDecisions {

    private final SimWorld world;
    private final Clock clock;

    SimDecisions(SimWorld world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    /** OR28. A refund of the whole line ends its incident (DOMAIN M6); a partial one does not. */
    List<Map<String, Object>> refund(JsonNode body) {
        JsonNode refunds = body.path("refunds");
        if (!refunds.isArray() || refunds.isEmpty()) {
            throw new SimError(400, "The field 'refunds' is required and must not be empty");
        }
        synchronized (world) {
            List<Map<String, Object>> answer = new ArrayList<>();
            String orderRefundId = "oref-" + UUID.randomUUID().toString().substring(0, 8);
            Instant now = clock.instant();
            for (JsonNode r : refunds) {
                SimModel.Line line = line(r.path("order_line_id").asString(""));
                String reason = r.path("reason_code").asString("");
                checkReason(reason, "REFUND", "refund");
                BigDecimal amount = decimal(r, "amount");
                BigDecimal shipping = decimal(r, "shipping_amount");
                if (amount.add(line.refundedAmount()).compareTo(line.price) > 0) {
                    throw new SimError(400, "Refund amount " + amount + " exceeds the refundable amount of order line "
                            + line.orderLineId);
                }
                if (shipping.add(line.refundedShipping()).compareTo(line.shippingPrice) > 0) {
                    throw new SimError(400, "Refund shipping amount " + shipping + " exceeds the refundable shipping amount");
                }
                if (amount.add(shipping).compareTo(world.payableBalance) > 0) {
                    throw new SimError(400, "Saldo pagadero insuficiente para realizar el reembolso");
                }
                world.payableBalance = world.payableBalance.subtract(amount.add(shipping));
                String refundId = "ref-" + UUID.randomUUID().toString().substring(0, 8);
                line.refunds.add(new SimModel.Refund(refundId, amount, shipping, r.path("quantity").asInt(line.quantity),
                        reason, now, "REFUNDED"));
                if (line.refundedAmount().compareTo(line.price) >= 0) {
                    line.orderLineState = "REFUNDED";
                }
                touch(line, now);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("order_line_id", line.orderLineId);
                entry.put("refund_id", refundId);
                entry.put("order_refund_id", orderRefundId);
                entry.put("amount", amount);
                entry.put("shipping_amount", shipping);
                answer.add(entry);
            }
            return answer;
        }
    }

    /** OR64: only an open incident, with a shop closing reason; the operator closes it later (DOMAIN M4). */
    void resolve(String orderId, String lineId, JsonNode body) {
        synchronized (world) {
            SimModel.Line line = line(lineId);
            if (!lineId.startsWith(orderId)) {
                throw new SimError(404, "Order line " + lineId + " does not belong to order " + orderId);
            }
            if (!"INCIDENT_OPEN".equals(line.orderLineState)) {
                throw new SimError(400, "Order line " + lineId + " has no open incident");
            }
            String reason = body.path("reason_code").asString("");
            checkReason(reason, "INCIDENT_CLOSE", "incident close");
            SimModel.Reason known = SimCatalog.REASONS.stream().filter(r -> r.code().equals(reason)).findFirst().orElseThrow();
            if (!known.isShopRight()) {
                throw new SimError(403, "Reason " + reason + " is reserved to the operator");
            }
            line.resolvedByShopAt = clock.instant();
        }
    }

    /** M12: a shop message in an existing thread. */
    Map<String, String> reply(String threadId, JsonNode input, Map<String, byte[]> files) {
        synchronized (world) {
            SimModel.Thread thread = world.thread(threadId).orElseThrow(() -> new SimError(404, "Thread " + threadId + " not found"));
            List<SimModel.Participant> to = recipients(input);
            SimModel.Message m = world.addMessage(thread, SimWorld.participant("SHOP_USER", "Tienda Demo"), to, body(input),
                    clock.instant(), files);
            answeredByBuyer(thread, to);
            return Map.of("message_id", m.id(), "thread_id", thread.id);
        }
    }

    /** OR43: a new thread on an order, with a topic. */
    Map<String, String> newThread(String orderId, JsonNode input, Map<String, byte[]> files) {
        String subject = input.path("topic").path("value").asString("");
        if (subject.isBlank()) {
            throw new SimError(400, "The field 'topic' is required to start a thread");
        }
        synchronized (world) {
            SimModel.Order order = world.order(orderId).orElseThrow(() -> new SimError(404, "Order " + orderId + " not found"));
            String body = body(input);
            List<SimModel.Participant> to = recipients(input);
            SimModel.Thread thread = world.newThread(order, subject, clock.instant());
            SimModel.Message m = world.addMessage(thread, SimWorld.participant("SHOP_USER", "Tienda Demo"), to, body,
                    clock.instant(), files);
            answeredByBuyer(thread, to);
            return Map.of("thread_id", thread.id, "message_id", m.id());
        }
    }

    private void answeredByBuyer(SimModel.Thread thread, List<SimModel.Participant> to) {
        if (to.stream().anyMatch(p -> "CUSTOMER".equals(p.type()))) {
            world.buyerWillAnswer(thread, clock.instant());
        }
    }

    private static String body(JsonNode input) {
        String body = input.path("body").asString("");
        if (body.isBlank()) {
            throw new SimError(400, "The field 'body' is required");
        }
        return body;
    }

    private static List<SimModel.Participant> recipients(JsonNode input) {
        List<SimModel.Participant> to = new ArrayList<>();
        for (JsonNode p : input.path("to")) {
            String type = p.path("type").asString("");
            if (!List.of("CUSTOMER", "OPERATOR", "SHOP").contains(type)) {
                throw new SimError(400, "Unknown recipient type '" + type + "'");
            }
            to.add(SimWorld.participant(type, null));
        }
        if (to.isEmpty()) {
            throw new SimError(400, "The field 'to' is required");
        }
        return to;
    }

    private SimModel.Line line(String lineId) {
        return world.orderOfLine(lineId).flatMap(o -> o.orderLines.stream().filter(l -> l.orderLineId.equals(lineId)).findFirst())
                .orElseThrow(() -> new SimError(404, "Order line " + lineId + " not found"));
    }

    private void touch(SimModel.Line line, Instant now) {
        line.lastUpdatedDate = now;
        world.orderOfLine(line.orderLineId).ifPresent(o -> o.lastUpdatedDate = now);
    }

    private static void checkReason(String code, String type, String what) {
        if (SimCatalog.REASONS.stream().noneMatch(r -> r.code().equals(code) && r.type().equals(type))) {
            throw new SimError(400, "Reason code '" + code + "' is not a valid " + what + " reason");
        }
    }

    private static BigDecimal decimal(JsonNode r, String field) {
        JsonNode node = r.path(field);
        if (!node.isNumber() && !node.isString()) {
            throw new SimError(400, "The field '" + field + "' is required");
        }
        try {
            BigDecimal value = new BigDecimal(node.asString());
            if (value.signum() < 0) {
                throw new SimError(400, "The field '" + field + "' must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new SimError(400, "The field '" + field + "' is not a number");
        }
    }
}
