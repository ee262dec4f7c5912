package com.disputehub.channel.allegro;

import static com.disputehub.channel.support.JsonText.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.NormalizationException;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.support.JsonText;
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
import com.disputehub.incident.ReasonCategory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns one Allegro post-purchase issue ({@code {"issue": <PostPurchaseIssue>, "chat": [...]}}) into an incident:
 * a dispute (a conversation the seller answers) or a claim (a formal complaint or warranty claim the seller
 * accepts or rejects by Allegro's decision date), its reason, the buyer's expected refund and the chat.
 */
final class AllegroMapper {

    static final String DISPUTE = "DISPUTE";
    static final String CLAIM = "CLAIM";

    private AllegroMapper() {
    }

    static IncidentSnapshot normalize(ChannelAccount account, RawRecord raw) {
        JsonNode record;
        try {
            record = AllegroClient.JSON.readTree(raw.body());
        } catch (JacksonException e) {
            throw new NormalizationException(raw.ref() + ": " + e.getOriginalMessage(), e);
        }
        JsonNode issue = record.path("issue");
        String id = text(issue, "id");
        if (id == null) {
            throw new NormalizationException(raw.ref() + ": the issue has no id", null);
        }
        IncidentSnapshot.Builder b = IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, id)
                .order(text(issue.path("checkoutForm"), "id"), List.of())
                .skus(text(issue.path("offer"), "id") == null ? List.of() : List.of(text(issue.path("offer"), "id")))
                .buyerName(text(issue.path("buyer"), "login"))
                .reason(reason(account, issue))
                .requestedRefund(expectedRefund(raw.ref(), issue))
                .openedAt(JsonText.instant(raw, text(issue, "openedDate")))
                .channelUpdatedAt(JsonText.instant(raw, text(issue.path("chat").path("lastMessage"), "createdAt")))
                .messages(chat(raw, id, record.path("chat")))
                .evidence(evidence(issue))
                .flags(Boolean.TRUE.equals(returnRequired(issue)) ? List.of("RETURN_REQUIRED") : List.of())
                .rawPayload(raw.text());
        status(b, raw, issue);
        return b.build();
    }

    private static void status(IncidentSnapshot.Builder b, RawRecord raw, JsonNode issue) {
        String status = text(issue.path("currentState"), "status");
        String lastMessage = text(issue.path("chat").path("lastMessage"), "status");
        switch (status == null ? "" : status) {
            case "DISPUTE_CLOSED" -> b.status(IncidentStatus.CLOSED, status, ActionOwner.NOBODY);
            case "DISPUTE_UNRESOLVED" -> b.status(IncidentStatus.WAITING_FOR_PLATFORM, status, ActionOwner.PLATFORM);
            case "DISPUTE_ONGOING" -> {
                if ("SELLER_REPLIED".equals(lastMessage)) {
                    b.status(IncidentStatus.WAITING_FOR_BUYER, status + "/" + lastMessage, ActionOwner.BUYER);
                } else {
                    b.status(IncidentStatus.NEEDS_SELLER_ACTION, status + "/" + lastMessage, ActionOwner.SELLER);
                }
            }
            case "CLAIM_ACCEPTED" -> b.status(IncidentStatus.RESOLVED, status, ActionOwner.NOBODY);
            case "CLAIM_REJECTED" -> b.status(IncidentStatus.REJECTED, status, ActionOwner.NOBODY);
            // CLAIM_SUBMITTED, and statuses Allegro adds: the seller looks, by Allegro's decision date
            default -> b.status(IncidentStatus.NEEDS_SELLER_ACTION, status, ActionOwner.SELLER)
                    .respondBy(JsonText.instant(raw, text(issue, "decisionDueDate") != null ? text(issue, "decisionDueDate")
                            : text(issue.path("currentState"), "statusDueDate")));
        }
    }

    static Boolean returnRequired(JsonNode issue) {
        JsonNode value = issue.path("currentState").path("returnRequired");
        return value.isBoolean() ? value.asBoolean() : null;
    }

    private static Reason reason(ChannelAccount account, JsonNode issue) {
        String code = text(issue.path("reason"), "type");
        String label = text(issue, "subject") != null ? text(issue, "subject") : text(issue.path("reason"), "description");
        ReasonCategory category;
        if (code == null || account.option("reason-map." + code).isPresent()) {
            category = ReasonClassifier.classify(account, code, label);
        } else {
            category = switch (code) {
                case "NO_PRODUCT_RECEIVED", "DID_NOT_RECEIVE_GOODS_AFTER_PAYMENT" -> ReasonCategory.NOT_DELIVERED;
                case "NO_PRODUCT_IN_PARCEL", "MISSING_PRODUCT_ELEMENT", "RECEIVED_INCOMPLETE_ORDER" -> ReasonCategory.MISSING_ITEMS;
                case "PRODUCT_AND_PARCEL_DAMAGED_IN_TRANSIT", "PRODUCT_DAMAGED_PARCEL_INTACT", "ITEM_IS_DAMAGED" -> ReasonCategory.DAMAGED;
                case "DEFECT_FOUND_DURING_USE" -> ReasonCategory.DEFECTIVE;
                case "NOT_AS_DESCRIBED", "RECEIVED_ITEMS_NOT_MATCHING_DESCRIPTION" -> ReasonCategory.WRONG_ITEM;
                case "PROBLEM_WITH_WITHDRAWAL_CANCELLATION_OF_PURCHASE", "NO_REFUND_AFTER_CANCELING_ORDER" -> ReasonCategory.BUYER_CANCELLED;
                default -> ReasonCategory.OTHER;
            };
        }
        return new Reason(category, code, label == null && code != null ? code.replace('_', ' ').toLowerCase(Locale.ROOT) : label);
    }

    /** The buyer's expected refund (a claim's PARTIAL_REFUND or REFUND expectation with an amount). */
    static Money expectedRefund(String ref, JsonNode issue) {
        for (JsonNode expectation : issue.path("expectations")) {
            JsonNode refund = expectation.path("refund");
            if (refund.hasNonNull("amount") && refund.hasNonNull("currency")) {
                try {
                    return new Money(new BigDecimal(refund.get("amount").asString()), refund.get("currency").asString());
                } catch (IllegalArgumentException e) {
                    throw new NormalizationException(ref + ": the expected refund " + refund + " is not an amount", e);
                }
            }
        }
        return null;
    }

    private static List<IncidentMessage> chat(RawRecord raw, String issueId, JsonNode chat) {
        JsonNode items = chat.isArray() ? chat : chat.path("chat");
        List<IncidentMessage> messages = new ArrayList<>();
        for (JsonNode m : items) {
            String role = text(m.path("author"), "role");
            messages.add(new IncidentMessage(text(m, "id") != null ? text(m, "id") : issueId + "/" + text(m, "createdAt"), issueId, null,
                    role(role), text(m.path("author"), "login"), List.of(), text(m, "text"), JsonText.instant(raw, text(m, "createdAt"))));
        }
        messages.sort(Comparator.comparing(IncidentMessage::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IncidentMessage::externalId));
        return messages;
    }

    private static List<Evidence> evidence(JsonNode issue) {
        List<Evidence> evidence = new ArrayList<>();
        issue.path("attachments").forEach(a -> {
            if (text(a, "url") != null) {
                evidence.add(new Evidence(text(a, "url"), text(a, "fileName"), PartyRole.BUYER));
            }
        });
        return evidence;
    }

    static PartyRole role(String role) {
        if (role == null) {
            return PartyRole.OTHER;
        }
        return switch (role) {
            case "BUYER" -> PartyRole.BUYER;
            case "SELLER" -> PartyRole.SELLER;
            case "ADMIN" -> PartyRole.OPERATOR;
            case "SYSTEM", "FULFILLMENT" -> PartyRole.SYSTEM;
            default -> PartyRole.OTHER;
        };
    }
}
