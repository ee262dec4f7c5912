package com.disputehub.channel.aliexpress;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.Agree;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.EvidenceFile;
import com.disputehub.channel.command.MarkDeliveryFixed;
import com.disputehub.channel.command.Refuse;
import com.disputehub.channel.shared.aliexpress.AliExpressClient;
import com.disputehub.channel.shared.aliexpress.AliExpressJson;
import com.disputehub.channel.support.EvidenceImages;
import com.disputehub.incident.IncidentStatus;

import tools.jackson.databind.JsonNode;

/**
 * Agree (solution.agree), refuse (image.upload for each evidence image, then solution.save with a seller
 * counter-solution) and delivery fixed (resolved in DisputeHub, nothing sent), checked against the dispute as
 * last read and reconciled against a fresh detail after a lost answer.
 */
@Component
class AliExpressDecisions {

    static final String AGREE = "aliexpress.issue.solution.agree";
    static final String SAVE = "aliexpress.issue.solution.save";
    static final String UPLOAD = "aliexpress.issue.image.upload";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final AliExpressClient client;

    AliExpressDecisions(AliExpressClient client) {
        this.client = client;
    }

    List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        JsonNode detail = detail(target.rawPayload());
        List<String> problems = new ArrayList<>();
        if (!(command instanceof MarkDeliveryFixed) && buyer(target.rawPayload()).isBlank()) {
            problems.add("the dispute's buyer (buyer_login_id of the dispute list) is not known yet; it comes with the next sync");
        }
        if (command instanceof Agree agree) {
            JsonNode solution = chosen(detail, agree.solutionId());
            if (solution == null) {
                problems.add(agree.solutionId() == null ? "no buyer or platform solution waits for your answer"
                        : "solution " + agree.solutionId() + " is not a buyer or platform solution of this dispute");
            } else if ("return_and_refund".equals(solution.path("solution_type").asString(""))
                    && (agree.returnAddressId() == null || agree.returnAddressId().isBlank())) {
                problems.add("this solution includes a return: 'returnAddressId' (your return address on AliExpress) is required");
            }
        } else if (command instanceof Refuse refuse) {
            problems.addAll(refuse.sellerEmailCauseAndEvidenceProblems());
            problems.addAll(EvidenceImages.problems(refuse.evidence(), maxImageBytes(account)));
            JsonNode request = AliExpressMapper.pending(detail.path("buyer_solution_list").path("solution_api_dto"), "wait_seller_accept");
            if (request == null) {
                problems.add("no buyer request waits for your answer");
            } else if (refuse.counterOfferAmount() != null
                    && refuse.counterOfferAmount().compareTo(new BigDecimal(request.path("refund_money").asString("0"))) > 0) {
                problems.add("'counterOfferAmount' " + refuse.counterOfferAmount() + " is more than the buyer asked ("
                        + request.path("refund_money").asString() + " " + request.path("refund_money_currency").asString() + ")");
            }
        } else if (!(command instanceof MarkDeliveryFixed)) {
            problems.add(command.type() + " is not an AliExpress decision");
        }
        return problems;
    }

    PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        JsonNode detail = detail(target.rawPayload());
        if (command instanceof MarkDeliveryFixed) {
            // AliExpress has no call for it: the dispute stays open there, with its deadline, until AliExpress ends it (A4)
            return PushResult.recorded(IncidentStatus.WAITING_FOR_PLATFORM, null, "Delivery marked as fixed in DisputeHub; "
                    + "nothing is sent to AliExpress, where the dispute stays open until AliExpress closes it");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("buyer_login_id", buyer(target.rawPayload()));
        params.put("issue_id", detail.path("id").asString(""));
        if (command instanceof Agree agree) {
            JsonNode solution = chosen(detail, agree.solutionId());
            params.put("solution_id", solution.path("id").asString(""));
            if (agree.returnAddressId() != null && !agree.returnAddressId().isBlank()) {
                params.put("return_address_id", agree.returnAddressId());
            }
            checkResult(AGREE, client.call(account, AGREE, params, false));
            return new PushResult(IncidentStatus.DECISION_SENT, solution.path("id").asString(null),
                    "Agreed with solution " + solution.path("id").asString() + " on AliExpress");
        }
        Refuse refuse = (Refuse) command;
        List<String> uploaded = new ArrayList<>();
        for (EvidenceFile file : refuse.evidence()) {
            byte[] bytes = file.bytes();
            Map<String, String> upload = new LinkedHashMap<>(params);
            upload.put("extension", EvidenceImages.extension(bytes));
            checkResult(UPLOAD, client.upload(account, UPLOAD, upload, "image_bytes", file.fileName(), bytes));
            uploaded.add(file.fileName());
        }
        JsonNode request = AliExpressMapper.pending(detail.path("buyer_solution_list").path("solution_api_dto"), "wait_seller_accept");
        Map<String, Object> dto = new LinkedHashMap<>();
        dto.put("add_seller_solution", true);
        dto.put("add_solution_type", "refund");
        dto.put("buyer_login_id", params.get("buyer_login_id"));
        dto.put("issue_id", params.get("issue_id"));
        dto.put("buyer_solution_id", request.path("id").asString(""));
        dto.put("refund_amount", (refuse.counterOfferAmount() == null ? BigDecimal.ZERO : refuse.counterOfferAmount()).toPlainString());
        dto.put("refund_amount_currency", request.path("refund_money_currency").asString(""));
        dto.put("solution_context", refuse.reason());
        checkResult(SAVE, client.call(account, SAVE, Map.of("param_dto", AliExpressJson.MAPPER.writeValueAsString(dto)), false));
        return new PushResult(IncidentStatus.DECISION_SENT, null,
                "Refused on AliExpress with a counter-solution and " + uploaded.size() + " image(s) " + uploaded);
    }

    Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey, Instant sentSince) {
        if (command instanceof MarkDeliveryFixed) {
            return Reconciliation.notApplied();
        }
        JsonNode stored = detail(target.rawPayload());
        JsonNode now = client.call(account, AliExpressAdapter.DETAIL, Map.of("issue_id", stored.path("id").asString(""),
                "buyer_login_id", buyer(target.rawPayload())), true).path("result_object");
        ZoneId zone = AliExpressOptions.of(account).timestampZone();
        if (command instanceof Agree agree) {
            JsonNode solution = find(now, chosen(stored, agree.solutionId()).path("id").asString(""));
            if (solution == null) {
                // the dispute no longer shows the solution that was agreed to: only a person can tell what happened
                return Reconciliation.unknown();
            }
            boolean accepted = !solution.path("seller_accept_time").asString("").isBlank()
                    || List.of("reached", "perform").contains(solution.path("status").asString(""));
            return accepted ? Reconciliation.applied(new PushResult(IncidentStatus.DECISION_SENT,
                    solution.path("id").asString(null), "Agreement found on AliExpress")) : Reconciliation.notApplied();
        }
        Instant after = sentSince.minus(CLOCK_SKEW);
        for (JsonNode s : now.path("seller_solution_list").path("solution_api_dto")) {
            String created = s.path("gmt_create").asString("");
            if (!created.isBlank() && !LocalDateTime.parse(created, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                    .atZone(zone).toInstant().isBefore(after)) {
                return Reconciliation.applied(new PushResult(IncidentStatus.DECISION_SENT, s.path("id").asString(null),
                        "Counter-solution found on AliExpress"));
            }
        }
        return Reconciliation.notApplied();
    }

    /** AliExpress may answer 200 with {"result": {"success": false, "error_message": ...}}. */
    private static void checkResult(String method, JsonNode response) {
        JsonNode result = response.has("result") ? response.path("result") : response.path("result_object");
        JsonNode success = result.has("success") ? result.path("success") : result.path("is_success");
        if (success.isBoolean() && !success.asBoolean()) {
            String message = result.path("error_message").asString(result.path("error_msg").asString("no message"));
            throw new ChannelRejectedException(400, method + ": AliExpress refused: " + message);
        }
    }

    private static JsonNode chosen(JsonNode detail, String solutionId) {
        if (solutionId != null && !solutionId.isBlank()) {
            return find(detail, solutionId);
        }
        JsonNode buyer = AliExpressMapper.pending(detail.path("buyer_solution_list").path("solution_api_dto"), "wait_seller_accept");
        if (buyer != null) {
            return buyer;
        }
        JsonNode platform = detail.path("platform_solution_list").path("solution_api_dto");
        return platform.isArray() && !platform.isEmpty() ? platform.get(0) : null;
    }

    private static JsonNode find(JsonNode detail, String solutionId) {
        for (String list : List.of("buyer_solution_list", "platform_solution_list")) {
            for (JsonNode s : detail.path(list).path("solution_api_dto")) {
                if (solutionId.equals(s.path("id").asString(""))) {
                    return s;
                }
            }
        }
        return null;
    }

    private static JsonNode detail(String rawPayload) {
        return AliExpressJson.MAPPER.readTree(rawPayload).path("detail");
    }

    /**
     * The buyer's login id, which every write and detail call needs: only the list's issue_api_issue_dto carries it
     * (the detail has none), so it is kept from the list with the incident.
     */
    private static String buyer(String rawPayload) {
        return AliExpressJson.MAPPER.readTree(rawPayload).path("issue").path("buyer_login_id").asString("");
    }

    private static long maxImageBytes(ChannelAccount account) {
        return AliExpressOptions.of(account).evidenceMaxBytes();
    }
}
