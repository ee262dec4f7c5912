package com.disputehub.channel.aliexpress;

import static com.disputehub.channel.support.JsonText.text;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.shared.aliexpress.AliExpressJson;
import com.disputehub.channel.support.ReasonClassifier;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.Evidence;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.Money;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.Reason;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns one AliExpress dispute ({@code {"issue": <list entry>, "detail": <result_object>}}) into an incident
 * (DOMAIN A2, A5): cause, status, product value, the buyer's request, the negotiation history and evidence.
 */
final class AliExpressMapper {

    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** A seller has five days to accept or refuse before the buyer's request is executed (a platform rule hint). */
    static final Duration ANSWER_WITHIN = Duration.ofDays(5);
    /** The buyer asks to send the goods back before the refund (solution type return_and_refund). */
    static final String RETURN_REQUESTED = "RETURN_REQUESTED";

    private AliExpressMapper() {
    }

    static IncidentSnapshot normalize(ChannelAccount account, RawRecord raw) {
        JsonNode record;
        try {
            record = AliExpressJson.MAPPER.readTree(raw.body());
        } catch (JacksonException e) {
            throw new NormalizationException(raw.ref() + ": " + e.getOriginalMessage(), e);
        }
        if (record.hasNonNull("detail_error")) {
            throw new NormalizationException(raw.ref() + ": its detail could not be read: " + record.get("detail_error").asString(), null);
        }
        JsonNode d = record.path("detail");
        JsonNode issue = record.path("issue");
        String id = text(d, "id");
        if (id == null) {
            throw new NormalizationException(raw.ref() + ": the dispute detail has no id", null);
        }
        ZoneId zone = AliExpressOptions.of(account).timestampZone();
        String label = firstText(d.path("issue_reason"), issue.path("reason_english"));
        String code = text(d, "issue_reason_id");
        String rawStatus = firstText(d.path("issue_status"), issue.path("issue_status"));
        JsonNode buyerSolution = pending(d.path("buyer_solution_list").path("solution_api_dto"), "wait_seller_accept");
        IncidentSnapshot.Builder b = IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, id)
                .order(text(d, "order_id"), List.of(text(d, "order_id")))
                .skus(text(d, "product_id") == null ? List.of() : List.of(text(d, "product_id")))
                .product(text(d, "product_name"), text(d, "product_image_url"))
                .buyerName(firstText(d.path("buyer_login_id"), issue.path("buyer_login_id")))
                .reason(new Reason(ReasonClassifier.classify(account, code,
                        label != null ? label : text(issue, "reason_english")), code, label))
                .productValue(money(raw, d.path("product_price"), d.path("product_price_currency")))
                .requestedRefund(buyerSolution == null ? null
                        : money(raw, buyerSolution.path("refund_money"), buyerSolution.path("refund_money_currency")))
                .openedAt(time(raw, zone, firstText(d.path("gmt_create"), issue.path("gmt_create"))))
                .channelUpdatedAt(time(raw, zone, text(issue, "gmt_modified")))
                .messages(history(raw, zone, id, d.path("process_dto_list").path("api_issue_process_dto")))
                .evidence(evidence(d.path("process_dto_list").path("api_issue_process_dto")))
                .flags(buyerSolution != null && "return_and_refund".equals(buyerSolution.path("solution_type").asString(""))
                        ? List.of(RETURN_REQUESTED) : List.of())
                .rawPayload(raw.text());
        status(b, rawStatus, buyerSolution, d, raw, zone);
        return b.build();
    }

    private static void status(IncidentSnapshot.Builder b, String raw, JsonNode buyerSolution, JsonNode d,
                               RawRecord record, ZoneId zone) {
        switch (raw == null ? "" : raw) {
            case "finish" -> b.status(IncidentStatus.CLOSED, raw, ActionOwner.NOBODY);
            case "canceled_issue" -> b.status(IncidentStatus.CANCELLED, raw, ActionOwner.NOBODY);
            case "processing" -> {
                if (buyerSolution != null) {
                    Instant asked = time(record, zone, text(buyerSolution, "gmt_create"));
                    b.status(IncidentStatus.NEEDS_SELLER_ACTION, raw, ActionOwner.SELLER)
                            .respondBy(asked == null ? null : asked.plus(ANSWER_WITHIN));
                } else if (pending(d.path("seller_solution_list").path("solution_api_dto"), "wait_buyer_accept") != null) {
                    b.status(IncidentStatus.WAITING_FOR_BUYER, raw, ActionOwner.BUYER);
                } else {
                    b.status(IncidentStatus.WAITING_FOR_PLATFORM, raw, ActionOwner.PLATFORM);
                }
            }
            // a status AliExpress added later: kept raw, shown to the seller for review
            default -> b.status(IncidentStatus.NEEDS_SELLER_ACTION, raw, ActionOwner.SELLER);
        }
    }

    /** The first solution in the given status, the one a decision answers. */
    static JsonNode pending(JsonNode solutions, String status) {
        for (JsonNode s : solutions) {
            if (status.equals(s.path("status").asString(""))) {
                return s;
            }
        }
        return null;
    }

    private static List<IncidentMessage> history(RawRecord raw, ZoneId zone, String issueId, JsonNode steps) {
        List<IncidentMessage> messages = new ArrayList<>();
        for (JsonNode step : steps) {
            String action = step.path("action_type").asString("unknown");
            String content = text(step, "content");
            Instant at = time(raw, zone, text(step, "gmt_create"));
            messages.add(new IncidentMessage(issueId + "/" + text(step, "gmt_create") + "/" + action, issueId, null,
                    role(step.path("submit_member_type").asString(null)), null, List.of(),
                    content == null ? action : action + ": " + content, at));
        }
        messages.sort(Comparator.comparing(IncidentMessage::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IncidentMessage::externalId));
        return messages;
    }

    private static List<Evidence> evidence(JsonNode steps) {
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode step : steps) {
            for (JsonNode file : step.path("attachments").path("api_attachment_dto")) {
                String path = text(file, "file_path");
                if (path != null) {
                    evidence.add(new Evidence(path, step.path("action_type").asString(null), role(file.path("owner").asString(null))));
                }
            }
        }
        return evidence;
    }

    static PartyRole role(String member) {
        if (member == null) {
            return PartyRole.OTHER;
        }
        return switch (member) {
            case "buyer" -> PartyRole.BUYER;
            case "seller" -> PartyRole.SELLER;
            case "platform", "waiter" -> PartyRole.OPERATOR;
            case "system" -> PartyRole.SYSTEM;
            default -> PartyRole.OTHER;
        };
    }

    private static Money money(RawRecord raw, JsonNode amount, JsonNode currency) {
        String value = amount.asString("");
        String iso = currency.asString("");
        if (value.isBlank() || iso.isBlank()) {
            return null;
        }
        try {
            return new Money(new BigDecimal(value), iso);
        } catch (NumberFormatException e) {
            throw new NormalizationException(raw.ref() + ": '" + value + "' is not an amount", e);
        }
    }

    private static Instant time(RawRecord raw, ZoneId zone, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, GMT).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new NormalizationException(raw.ref() + ": '" + value + "' is not a date of the form yyyy-MM-dd HH:mm:ss", e);
        }
    }


    private static String firstText(JsonNode first, JsonNode second) {
        String a = first.isValueNode() ? first.asString("") : "";
        if (!a.isBlank()) {
            return a;
        }
        String b = second.isValueNode() ? second.asString("") : "";
        return b.isBlank() ? null : b;
    }
}
