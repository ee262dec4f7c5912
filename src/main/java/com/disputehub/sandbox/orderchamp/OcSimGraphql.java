package com.disputehub.sandbox.orderchamp;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the operations of the modelled Orderchamp schema by their operation name. Not a GraphQL engine: it
 * returns every field the schema defines, as a server answering those documents would.
 */
class OcSimGraphql {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final OcSimWorld world;

    OcSimGraphql(OcSimWorld world) {
        this.world = world;
    }

    ObjectNode execute(String document, JsonNode variables) {
        ObjectNode data = JSON.createObjectNode();
        synchronized (world) {
            if (document.contains("query ReportedProblems")) {
                page(data.putObject("orderProblems"), variables);
            } else if (document.contains("query ProblemsById")) {
                ArrayNode nodes = data.putArray("nodes");
                variables.path("ids").forEach(id -> world.find(id.asString()).ifPresentOrElse(p -> problem(nodes.addObject(), p),
                        nodes::addNull));
            } else if (document.contains("query ProblemRate")) {
                Instant since = Instant.parse(variables.path("since").asString());
                data.putObject("orders").put("totalCount", world.ordersLast30Days);
                data.putObject("orderProblems").put("totalCount",
                        world.problems.values().stream().filter(p -> !p.createdAt.isBefore(since)).count());
            } else if (document.contains("mutation SendReplacement")) {
                solve(data.putObject("orderProblemSendReplacement"), variables, "REPLACEMENT");
            } else if (document.contains("mutation Refund")) {
                solve(data.putObject("orderProblemRefund"), variables, "REFUND");
            } else if (document.contains("mutation ContactRetailer")) {
                message(data.putObject("orderProblemMessageCreate"), variables);
            } else {
                throw new IllegalArgumentException("unknown operation");
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("data", data);
        return answer;
    }

    private void page(ObjectNode connection, JsonNode variables) {
        int first = Math.min(variables.path("first").asInt(50), 100);
        int offset = variables.path("after").isString() ? Integer.parseInt(variables.path("after").asString()) : 0;
        Instant since = variables.path("updatedAtMin").isString() ? Instant.parse(variables.path("updatedAtMin").asString()) : null;
        List<OcSimWorld.Problem> found = world.byUpdate().stream().filter(p -> since == null || !p.updatedAt.isBefore(since)).toList();
        ArrayNode edges = connection.putArray("edges");
        found.stream().skip(offset).limit(first).forEach(p -> problem(edges.addObject().putObject("node"), p));
        boolean more = offset + first < found.size();
        connection.putObject("pageInfo").put("hasNextPage", more).put("endCursor", String.valueOf(offset + first));
    }

    private void problem(ObjectNode n, OcSimWorld.Problem p) {
        n.put("id", p.id).put("status", p.status).put("reason", p.reason).put("reasonText", p.reasonText)
                .put("createdAt", p.createdAt.toString()).put("updatedAt", p.updatedAt.toString());
        ArrayNode photos = n.putArray("photos");
        p.photos.forEach(url -> photos.addObject().put("url", url));
        ObjectNode order = n.putObject("order").put("id", "gid://orderchamp/Order/" + p.orderNumber.substring(3))
                .put("number", p.orderNumber).put("payoutStatus", p.payoutStatus);
        order.putObject("total").put("amount", p.total).put("currencyCode", "EUR");
        order.putObject("retailer").put("name", p.retailer);
        n.putArray("items").addObject().put("sku", p.sku).put("title", p.title).put("quantity", p.quantity);
        ArrayNode messages = n.putArray("messages");
        p.messages.forEach(m -> messages.addObject().put("id", m.id()).put("body", m.body())
                .put("createdAt", m.createdAt().toString()).put("sender", m.sender()));
    }

    private void solve(ObjectNode payload, JsonNode variables, String solution) {
        OcSimWorld.Problem p = world.find(variables.path("id").asString("")).orElse(null);
        ArrayNode errors = payload.putArray("userErrors");
        if (p == null || !"SUBMITTED".equals(p.status) || "WRONG_INVOICE".equals(p.reason)) {
            errors.addObject().put("field", "id").put("message", p == null ? "Problem not found"
                    : "WRONG_INVOICE".equals(p.reason) ? "This problem is handled by Orderchamp support" : "Problem already has a solution");
            payload.putNull("problem");
            return;
        }
        p.status = "IN_PROGRESS";
        p.solution = solution;
        p.updatedAt = world.now();
        payload.putObject("problem").put("id", p.id).put("status", p.status);
    }

    private void message(ObjectNode payload, JsonNode variables) {
        OcSimWorld.Problem p = world.find(variables.path("id").asString("")).orElse(null);
        ArrayNode errors = payload.putArray("userErrors");
        String body = variables.path("body").asString("");
        if (p == null || body.isBlank()) {
            errors.addObject().put("field", p == null ? "id" : "body").put("message", p == null ? "Problem not found" : "Body can't be blank");
            return;
        }
        OcSimWorld.Message m = new OcSimWorld.Message("msg-brand-" + p.messages.size(), body, world.now(), "BRAND");
        p.messages.add(m);
        p.updatedAt = m.createdAt();
        payload.putObject("message").put("id", m.id());
    }

    static ObjectNode errors(String message, String code) {
        ObjectNode answer = JSON.createObjectNode();
        ObjectNode error = answer.putArray("errors").addObject().put("message", message);
        error.putObject("extensions").put("code", code);
        return answer;
    }
}
