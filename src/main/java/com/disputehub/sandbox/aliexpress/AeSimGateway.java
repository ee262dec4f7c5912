package com.disputehub.sandbox.aliexpress;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The simulated /sync methods: answers in the TOP envelope, errors as error_response, as AliExpress does. */
class AeSimGateway {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final AeSimWorld world;
    private final DsSimOrders dropshipping;

    AeSimGateway(AeSimWorld world, DsSimOrders dropshipping) {
        this.world = world;
        this.dropshipping = dropshipping;
    }

    /** One business call; the parameters are already authenticated. */
    ObjectNode call(String method, Map<String, String> params, byte[] image) {
        synchronized (world) {
            ObjectNode result = switch (method) {
                case "aliexpress.issue.issuelist.get" -> list(JSON.readTree(params.getOrDefault("query_dto", "{}")));
                case "aliexpress.issue.detail.get" -> detail(dispute(params));
                case "aliexpress.issue.solution.agree" -> agree(dispute(params), params.get("solution_id"));
                case "aliexpress.issue.solution.save" -> save(JSON.readTree(params.getOrDefault("param_dto", "{}")));
                case "aliexpress.issue.image.upload" -> upload(dispute(params), image);
                case "aliexpress.trade.ds.order.get" -> dropshipping.order(
                        JSON.readTree(params.getOrDefault("single_order_query", "{}")).path("order_id").asString(""));
                case "aliexpress.ds.order.tracking.get" -> dropshipping.tracking(params.getOrDefault("ae_order_id", ""));
                default -> throw new SimError("InvalidApiPath", "The specified API " + method + " does not exist");
            };
            ObjectNode answer = JSON.createObjectNode();
            result.put("request_id", "sandbox-" + System.nanoTime());
            answer.set(method.replace('.', '_') + "_response", result);
            return answer;
        }
    }

    private ObjectNode list(JsonNode query) {
        int page = query.path("current_page").asInt(1);
        int size = Math.min(query.path("page_size").asInt(20), 50);
        String status = query.path("issue_status").asString(null);
        String order = query.path("order_no").asString(null);
        List<AeSimWorld.Dispute> found = world.all().stream()
                .filter(d -> status == null || status.equals(d.status))
                .filter(d -> order == null || order.equals(String.valueOf(d.orderId))).toList();
        ObjectNode result = JSON.createObjectNode();
        result.put("current_page", page).put("page_size", size).put("total_item", found.size());
        ArrayNode list = result.putObject("data_list").putArray("issue_api_issue_dto");
        found.stream().skip((long) (page - 1) * size).limit(size).forEach(d -> list.addObject()
                .put("issue_id", d.id).put("issue_status", d.status).put("order_id", d.orderId)
                .put("buyer_login_id", d.buyer).put("gmt_create", d.created.format(AeSimWorld.GMT))
                .put("gmt_modified", d.modified.format(AeSimWorld.GMT)).put("reason_english", d.reasonEnglish));
        return result;
    }

    private ObjectNode detail(AeSimWorld.Dispute d) {
        ObjectNode r = JSON.createObjectNode();
        r.put("id", d.id).put("issue_status", d.status).put("issue_reason_id", Long.parseLong(d.reasonId))
                .put("issue_reason", d.reasonLabel).put("order_id", d.orderId)
                .put("product_id", d.productId).put("product_name", d.productName).put("product_price", d.productPrice)
                .put("product_price_currency", "USD").put("gmt_create", d.created.format(AeSimWorld.GMT));
        solutions(r.putObject("buyer_solution_list").putArray("solution_api_dto"), d.buyerSolutions);
        solutions(r.putObject("seller_solution_list").putArray("solution_api_dto"), d.sellerSolutions);
        ArrayNode steps = r.putObject("process_dto_list").putArray("api_issue_process_dto");
        for (AeSimWorld.Step s : d.process) {
            ObjectNode step = steps.addObject().put("gmt_create", s.created.format(AeSimWorld.GMT)).put("action_type", s.action)
                    .put("submit_member_type", s.member);
            if (s.content != null) {
                step.put("content", s.content);
            }
            ArrayNode files = step.putObject("attachments").putArray("api_attachment_dto");
            s.attachments.forEach(path -> files.addObject().put("file_path", path).put("owner", s.member));
        }
        ObjectNode result = JSON.createObjectNode();
        result.set("result_object", r);
        return result;
    }

    private static void solutions(ArrayNode into, List<AeSimWorld.Solution> solutions) {
        for (AeSimWorld.Solution s : solutions) {
            into.addObject().put("id", s.id).put("solution_owner", s.owner).put("solution_type", s.type).put("status", s.status)
                    .put("refund_money", s.refundMoney).put("refund_money_currency", s.currency)
                    .put("content", s.content == null ? "" : s.content)
                    .put("gmt_create", s.created.format(AeSimWorld.GMT))
                    .put("seller_accept_time", s.sellerAcceptTime == null ? "" : s.sellerAcceptTime.format(AeSimWorld.GMT));
        }
    }

    private ObjectNode agree(AeSimWorld.Dispute d, String solutionId) {
        AeSimWorld.Solution s = d.buyerSolutions.stream().filter(x -> String.valueOf(x.id).equals(solutionId)).findFirst()
                .orElseThrow(() -> new SimError("isv.solution-not-exist", "The solution " + solutionId + " does not exist"));
        if (!"wait_seller_accept".equals(s.status)) {
            return failure("The solution is no longer waiting for the seller");
        }
        LocalDateTime now = world.now();
        s.status = "reached";
        s.sellerAcceptTime = now;
        d.status = "finish";
        d.step(now, "seller_accept", "seller", null);
        d.modified = now;
        return success();
    }

    private ObjectNode save(JsonNode dto) {
        AeSimWorld.Dispute d = world.find(dto.path("issue_id").asLong(0))
                .orElseThrow(() -> new SimError("isv.issue-not-exist", "The dispute does not exist"));
        AeSimWorld.Solution request = d.pendingBuyer();
        if (request == null || !String.valueOf(request.id).equals(dto.path("buyer_solution_id").asString(""))) {
            return failure("buyer_solution_id is not the buyer solution waiting for the seller");
        }
        String context = dto.path("solution_context").asString("");
        if (context.isBlank()) {
            return failure("solution_context is required");
        }
        BigDecimal amount = new BigDecimal(dto.path("refund_amount").asString("0"));
        LocalDateTime now = world.now();
        AeSimWorld.Solution counter = new AeSimWorld.Solution();
        counter.id = d.id * 10 + 2 + d.sellerSolutions.size();
        counter.owner = "seller";
        counter.status = "wait_buyer_accept";
        counter.refundMoney = amount.toPlainString();
        counter.currency = dto.path("refund_amount_currency").asString(request.currency);
        counter.content = context;
        counter.created = now;
        d.sellerSolutions.add(counter);
        request.status = "wait_buyer_and_seller_accept";
        d.step(now, "seller_create_solution", "seller", context);
        d.modified = now;
        return success();
    }

    private ObjectNode upload(AeSimWorld.Dispute d, byte[] image) {
        if (image == null || image.length == 0) {
            throw new SimError("MissingParameter", "image_bytes is required");
        }
        d.uploadedImages.add("https://ae01.alicdn.com/kf/sandbox-upload-" + d.id + "-" + d.uploadedImages.size());
        ObjectNode result = success();
        ((ObjectNode) result.get("result")).put("data", d.uploadedImages.get(d.uploadedImages.size() - 1));
        return result;
    }

    private AeSimWorld.Dispute dispute(Map<String, String> params) {
        long id;
        try {
            id = Long.parseLong(params.getOrDefault("issue_id", ""));
        } catch (NumberFormatException e) {
            throw new SimError("MissingParameter", "issue_id is required");
        }
        AeSimWorld.Dispute d = world.find(id).orElseThrow(() -> new SimError("isv.issue-not-exist", "The dispute does not exist"));
        if (!d.buyer.equals(params.get("buyer_login_id"))) {
            throw new SimError("isv.buyer-not-match", "buyer_login_id does not match the dispute");
        }
        return d;
    }

    private static ObjectNode success() {
        ObjectNode result = JSON.createObjectNode();
        result.putObject("result").put("success", true);
        return result;
    }

    private static ObjectNode failure(String message) {
        ObjectNode result = JSON.createObjectNode();
        result.putObject("result").put("success", false).put("error_message", message);
        return result;
    }

    /** An error_response of the gateway. */
    static final class SimError extends RuntimeException {
        final String code;

        SimError(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
