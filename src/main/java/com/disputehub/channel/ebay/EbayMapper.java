package com.disputehub.channel.ebay;

import static com.disputehub.channel.support.JsonText.text;

import java.math.BigDecimal;
import java.time.Instant;
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
 * Turns one eBay dispute ({@code {"kind": "inquiry"|"return"|"case", "data": <search member or detail>}}) into an
 * incident: who acts and by when (eBay's respond-by dates), the amount claimed, the reason, and the history when
 * the record is a detail. Inquiries are items not received; returns carry the buyer's reason; cases are eBay's.
 */
final class EbayMapper {

    private EbayMapper() {
    }

    static IncidentSnapshot normalize(ChannelAccount account, RawRecord raw) {
        JsonNode record;
        try {
            record = EbayClient.JSON.readTree(raw.body());
        } catch (JacksonException e) {
            throw new NormalizationException(raw.ref() + ": " + e.getOriginalMessage(), e);
        }
        EbayKind kind;
        try {
            kind = EbayKind.of(record.path("kind").asString(""));
        } catch (IllegalArgumentException e) {
            throw new NormalizationException(raw.ref() + ": not an inquiry, a return or a case", e);
        }
        JsonNode d = record.path("data");
        String id = text(d, kind.idField);
        if (id == null) {
            throw new NormalizationException(raw.ref() + ": the " + kind.wireName() + " has no " + kind.idField, null);
        }
        String itemId = first(text(d, "itemId"), text(d.path("creationInfo").path("item"), "itemId"));
        String transactionId = first(text(d, "transactionId"), text(d.path("creationInfo").path("item"), "transactionId"));
        String orderId = itemId == null || transactionId == null ? text(d, "orderId") : itemId + "-" + transactionId;
        IncidentSnapshot.Builder b = IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, kind.externalId(id))
                .order(orderId, transactionId == null ? List.of() : List.of(transactionId))
                .skus(itemId == null ? List.of() : List.of(itemId))
                .product(first(text(d.path("itemDetails"), "itemTitle"), text(d.path("creationInfo").path("item"), "itemTitle")), null)
                .buyerName(buyer(kind, d))
                .reason(reason(account, kind, d))
                .requestedRefund(money(raw, kind == EbayKind.RETURN
                        ? first(d.path("sellerTotalRefund").path("estimatedRefundAmount"), d.path("buyerTotalRefund").path("estimatedRefundAmount"))
                        : d.path("claimAmount")))
                .openedAt(JsonText.instant(raw, first(date(d, "creationDate"), date(d.path("inquiryDetails"), "creationDate"),
                        date(d.path("caseDetails"), "creationDate"), date(d.path("creationInfo"), "creationDate"))))
                .channelUpdatedAt(JsonText.instant(raw, date(d, "lastModifiedDate")))
                .messages(history(raw, kind, id, d))
                .rawPayload(raw.text());
        status(b, raw, kind, d);
        return b.build();
    }

    private static void status(IncidentSnapshot.Builder b, RawRecord raw, EbayKind kind, JsonNode d) {
        switch (kind) {
            case INQUIRY -> {
                String status = first(text(d, "inquiryStatusEnum"), text(d, "status"));
                Instant due = JsonText.instant(raw, first(date(d, "respondByDate"), date(d, "sellerMakeItRightByDate")));
                switch (status == null ? "" : status) {
                    case "CLOSED", "CS_CLOSED", "CLOSED_WITH_ESCALATION" -> b.status(IncidentStatus.CLOSED, status, ActionOwner.NOBODY);
                    case "WAITING_BUYER_RESPONSE" -> b.status(IncidentStatus.WAITING_FOR_BUYER, status, ActionOwner.BUYER);
                    // OPEN, PENDING, WAITING_SELLER_RESPONSE, and values eBay adds: the seller looks
                    default -> b.status(IncidentStatus.NEEDS_SELLER_ACTION, status, ActionOwner.SELLER).respondBy(due);
                }
            }
            case RETURN -> {
                String state = first(text(d, "state"), text(d, "status"));
                JsonNode sellerDue = d.path("sellerResponseDue");
                if ("CLOSED".equals(state)) {
                    b.status(IncidentStatus.CLOSED, state, ActionOwner.NOBODY);
                } else if (sellerDue.isObject() && !sellerDue.isEmpty()) {
                    b.status(IncidentStatus.NEEDS_SELLER_ACTION, state + "/" + text(sellerDue, "activityDue"), ActionOwner.SELLER)
                            .respondBy(JsonText.instant(raw, date(sellerDue, "respondByDate")));
                } else if (d.path("buyerResponseDue").isObject() && !d.path("buyerResponseDue").isEmpty()) {
                    b.status(IncidentStatus.WAITING_FOR_BUYER, state, ActionOwner.BUYER);
                } else {
                    // escalated, or between steps: eBay holds it; it stays visible until eBay closes it
                    b.status(IncidentStatus.WAITING_FOR_PLATFORM, state, ActionOwner.PLATFORM)
                            .respondBy(JsonText.instant(raw, date(d, "timeoutDate")));
                }
            }
            case CASE -> {
                String status = first(text(d, "caseStatusEnum"), text(d, "status"));
                Instant due = JsonText.instant(raw, date(d, "respondByDate"));
                switch (status == null ? "" : status) {
                    case "CLOSED", "CS_CLOSED" -> b.status(IncidentStatus.CLOSED, status, ActionOwner.NOBODY);
                    case "WAITING_CS", "ON_HOLD" -> b.status(IncidentStatus.WAITING_FOR_PLATFORM, status, ActionOwner.PLATFORM).respondBy(due);
                    case "WAITING_DELIVERY" -> b.status(IncidentStatus.WAITING_FOR_BUYER, status, ActionOwner.BUYER);
                    // OPEN, REFUND_AGREED_BUT_FAILED, OTHER and values eBay adds: the seller looks
                    default -> b.status(IncidentStatus.NEEDS_SELLER_ACTION, status, ActionOwner.SELLER).respondBy(due);
                }
            }
        }
    }

    private static Reason reason(ChannelAccount account, EbayKind kind, JsonNode d) {
        String code = switch (kind) {
            case INQUIRY -> first(text(d, "creationReason"), "ITEM_NOT_RECEIVED");
            case RETURN -> first(text(d.path("creationInfo"), "reason"), text(d, "reason"));
            case CASE -> first(text(d, "caseType"), text(d.path("caseDetails"), "caseType"));
        };
        ReasonCategory category = account.option("reason-map." + code).isPresent() || code == null
                ? ReasonClassifier.classify(account, code, null) : known(kind, code);
        String label = code == null ? null : code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return new Reason(category, code, label);
    }

    /** eBay's reasons (ReturnReasonEnum, INR reasons, case types) by their meaning; an unknown one is OTHER. */
    private static ReasonCategory known(EbayKind kind, String code) {
        if (kind == EbayKind.INQUIRY) {
            return ReasonCategory.NOT_DELIVERED;
        }
        return switch (code) {
            case "ITEM_NOT_RECEIVED", "INR", "NOT_RECEIVED" -> ReasonCategory.NOT_DELIVERED;
            case "ARRIVED_DAMAGED" -> ReasonCategory.DAMAGED;
            case "DEFECTIVE_ITEM", "DOES_NOT_WORK" -> ReasonCategory.DEFECTIVE;
            case "MISSING_PARTS" -> ReasonCategory.MISSING_ITEMS;
            case "NOT_AS_DESCRIBED", "WRONG_SIZE", "WRONG_ITEM", "DIFFERENT_FROM_LISTING", "SNAD", "FAKE_OR_COUNTERFEIT" ->
                    ReasonCategory.WRONG_ITEM;
            case "BUYER_REMORSE", "NO_LONGER_NEED_ITEM", "CHANGED_MIND", "FOUND_BETTER_PRICE", "ORDERED_ACCIDENTALLY",
                 "ORDERED_WRONG_ITEM" -> ReasonCategory.BUYER_CANCELLED;
            case "ARRIVED_LATE" -> ReasonCategory.LATE_SHIPMENT;
            default -> ReasonCategory.OTHER;
        };
    }

    private static String buyer(EbayKind kind, JsonNode d) {
        return switch (kind) {
            case INQUIRY -> first(text(d, "buyer"), text(d, "buyerLoginName"));
            case RETURN -> text(d, "buyerLoginName");
            case CASE -> "BUYER".equals(text(d.path("otherParty"), "role")) ? text(d.path("otherParty"), "userId") : null;
        };
    }

    /** The detail's history (inquiries and cases: {@code *HistoryDetails.history}; returns: {@code responseHistory}). */
    private static List<IncidentMessage> history(RawRecord raw, EbayKind kind, String id, JsonNode d) {
        JsonNode entries = switch (kind) {
            case INQUIRY -> d.path("inquiryHistoryDetails").path("history");
            case CASE -> d.path("caseHistoryDetails").path("history");
            case RETURN -> d.path("responseHistory");
        };
        List<IncidentMessage> messages = new ArrayList<>();
        int n = 0;
        for (JsonNode e : entries) {
            String action = first(text(e, "action"), text(e, "activity"));
            String words = first(text(e, "description"), text(e, "notes"));
            String when = first(date(e, "date"), date(e, "creationDate"));
            messages.add(new IncidentMessage(kind.externalId(id) + "/" + (when == null ? "#" + n : when) + "/" + action, kind.externalId(id),
                    null, role(first(text(e, "actor"), text(e, "author"))), null, List.of(),
                    words == null ? action : action + ": " + words, JsonText.instant(raw, when)));
            n++;
        }
        messages.sort(Comparator.comparing(IncidentMessage::sentAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(IncidentMessage::externalId));
        return messages;
    }

    static PartyRole role(String actor) {
        if (actor == null) {
            return PartyRole.OTHER;
        }
        return switch (actor) {
            case "BUYER" -> PartyRole.BUYER;
            case "SELLER" -> PartyRole.SELLER;
            case "CS_AGENT", "CSR", "EBAY" -> PartyRole.OPERATOR;
            case "SYSTEM" -> PartyRole.SYSTEM;
            default -> PartyRole.OTHER;
        };
    }

    /** eBay's Amount: {@code {"value": 25.99, "currency": "USD"}} (a number, read as a decimal). */
    private static Money money(RawRecord raw, JsonNode amount) {
        if (!amount.isObject() || !amount.hasNonNull("value") || !amount.hasNonNull("currency")) {
            return null;
        }
        try {
            return new Money(new BigDecimal(amount.get("value").asString()), amount.get("currency").asString());
        } catch (IllegalArgumentException e) {
            throw new NormalizationException(raw.ref() + ": " + amount + " is not an amount", e);
        }
    }

    /** eBay's DateTime: {@code {"value": "2026-11-20T10:00:00.000Z"}}. */
    private static String date(JsonNode parent, String field) {
        return text(parent.path(field), "value");
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v instanceof JsonNode node ? !node.isMissingNode() && !node.isNull() && !node.isEmpty() : v != null) {
                return v;
            }
        }
        return values[values.length - 1];
    }
}
