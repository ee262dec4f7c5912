package com.disputehub.channel.ebay;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.Capabilities.DecisionSpec;
import com.disputehub.channel.Capabilities.FieldSpec;
import com.disputehub.channel.Capabilities.Option;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.Agree;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.Escalate;
import com.disputehub.channel.command.ProvideTracking;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.Refuse;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.Money;

import tools.jackson.databind.JsonNode;

/**
 * The seller's answers on eBay, by kind: an inquiry is refunded, answered with tracking or a message; a return is
 * approved, declined, refunded (in full, or offered in part), answered or escalated; a case is refunded or given
 * tracking. Refunds and return decisions are the calls eBay signs for EU and UK sellers.
 */
@Component
class EbayDecisions {

    private static final Set<IncidentStatus> SELLER = Set.of(IncidentStatus.NEEDS_SELLER_ACTION);
    private static final Set<IncidentStatus> CONVERSATION = Set.of(IncidentStatus.NEEDS_SELLER_ACTION, IncidentStatus.WAITING_FOR_BUYER);

    private static final DecisionSpec MESSAGE = new DecisionSpec(DecisionType.SEND_MESSAGE, "Write to the buyer", CONVERSATION, List.of(
            new FieldSpec("to", true, "The buyer", List.of(new Option("BUYER", "Buyer"))), FieldSpec.required("body", "The message")));
    private static final DecisionSpec TRACKING = new DecisionSpec(DecisionType.PROVIDE_TRACKING,
            "Show the item was shipped: carrier and tracking number", SELLER, List.of(
            FieldSpec.required("carrier", "The carrier, as eBay names it (USPS, UPS, Royal Mail, DHL...)"),
            FieldSpec.required("trackingNumber", "The tracking number"),
            FieldSpec.optional("shippedOn", "The day it was shipped (YYYY-MM-DD)"),
            FieldSpec.optional("comments", "A comment for the buyer")));
    private static final DecisionSpec FULL_REFUND = new DecisionSpec(DecisionType.REFUND,
            "Refund the buyer in full; eBay refunds the amount claimed", SELLER, List.of(
            new FieldSpec("mode", false, "A full refund", List.of(new Option("TOTAL", "Full refund"))),
            FieldSpec.optional("message", "A comment for the buyer")));
    private static final DecisionSpec RETURN_REFUND = new DecisionSpec(DecisionType.REFUND,
            "Refund the return in full, or offer a partial refund so the buyer keeps the item", SELLER, List.of(
            new FieldSpec("mode", true, "Full refund, or an offer", List.of(new Option("TOTAL", "Full refund"),
                    new Option("DETAILED", "Offer a partial refund"))),
            FieldSpec.optional("amount", "The offer (partial refund)"),
            FieldSpec.optional("shippingAmount", "Shipping in the offer (0 for none)"),
            FieldSpec.optional("quantity", "Items the offer covers"),
            FieldSpec.optional("message", "A comment for the buyer")));
    private static final List<Option> ESCALATE_REASONS = List.of(
            new Option("BUYER_NORESPONSE", "The buyer does not answer"),
            new Option("BUYER_RETURNED_WRONG_ITEM", "The buyer sent back another item"),
            new Option("ITEM_RECEIVED_IN_DIFFERENT_CONDITION", "The item came back in another condition"),
            new Option("DISAGREE_WITH_RETURN_REASON", "The return reason is not true"),
            new Option("TROUBLE_COMMUNICATION_WITH_BUYER", "Cannot come to terms with the buyer"),
            new Option("OTHER", "Other"));

    private static final Capabilities INQUIRY = new Capabilities(List.of(FULL_REFUND, TRACKING, MESSAGE));
    private static final Capabilities RETURN = new Capabilities(List.of(RETURN_REFUND,
            new DecisionSpec(DecisionType.AGREE, "Approve the return", SELLER, List.of()),
            new DecisionSpec(DecisionType.REFUSE, "Decline the return, saying why", SELLER,
                    List.of(FieldSpec.required("reason", "Why you decline"))),
            MESSAGE,
            new DecisionSpec(DecisionType.ESCALATE, "Ask eBay to step in", SELLER, List.of(
                    new FieldSpec("reasonCode", true, "Why", ESCALATE_REASONS), FieldSpec.required("comments", "What eBay should know")))));
    private static final Capabilities CASE = new Capabilities(List.of(FULL_REFUND, TRACKING));

    /** Every decision of some kind, for the account as a whole (the channel list, bulk forms). */
    static final Capabilities ALL = new Capabilities(List.of(RETURN_REFUND, TRACKING, MESSAGE, RETURN.find(DecisionType.AGREE).orElseThrow(),
            RETURN.find(DecisionType.REFUSE).orElseThrow(), RETURN.find(DecisionType.ESCALATE).orElseThrow()));

    private final EbayClient client;

    EbayDecisions(EbayClient client) {
        this.client = client;
    }

    static Capabilities of(EbayKind kind) {
        return switch (kind) {
            case INQUIRY -> INQUIRY;
            case RETURN -> RETURN;
            case CASE -> CASE;
        };
    }

    List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        EbayKind kind = EbayKind.ofExternalId(target.externalId());
        List<String> problems = new ArrayList<>();
        if (of(kind).find(command.type()).isEmpty()) {
            problems.add("an eBay " + kind.wireName() + " does not take " + command.type() + "; it takes "
                    + of(kind).decisions().stream().map(DecisionSpec::type).toList());
            return problems;
        }
        if (command instanceof Refund refund && refund.mode() == Refund.Mode.DETAILED && kind != EbayKind.RETURN) {
            problems.add("eBay refunds an " + kind.wireName() + " in full: use mode TOTAL, without amounts");
        }
        if (command instanceof Refund refund && refund.mode() == Refund.Mode.TOTAL && kind == EbayKind.RETURN
                && estimatedRefund(target).isEmpty()) {
            problems.add("eBay has not said yet what this return's refund is (sellerTotalRefund); offer an amount (mode DETAILED)");
        }
        if (command instanceof Refund refund && refund.mode() == Refund.Mode.DETAILED && kind == EbayKind.RETURN
                && refund.amount() != null && refund.shippingAmount() != null) {
            BigDecimal offer = refund.amount().add(refund.shippingAmount());
            estimatedRefund(target).filter(full -> offer.compareTo(full.amount()) >= 0).ifPresent(full -> problems.add(
                    "a partial refund offer of " + offer + " is not less than the full refund (" + full.display() + "): use mode TOTAL"));
            if (!refund.taxes().isEmpty() || !refund.shippingTaxes().isEmpty()) {
                problems.add("an eBay partial refund offer is one amount: give no taxes");
            }
        }
        if (command instanceof SendMessage message && message.to() != SendMessage.Recipients.BUYER) {
            problems.add("on eBay a dispute's messages go to the buyer: 'to' must be BUYER");
        }
        if (command instanceof Escalate escalate
                && ESCALATE_REASONS.stream().noneMatch(o -> o.value().equals(escalate.reasonCode()))) {
            problems.add("'reasonCode' must be one of " + ESCALATE_REASONS.stream().map(Option::value).toList());
        }
        return problems;
    }

    PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        EbayKind kind = EbayKind.ofExternalId(target.externalId());
        String base = kind.path + "/" + EbayKind.idOf(target.externalId());
        if (command instanceof SendMessage message) {
            client.post(account, "message", base + "/send_message", Map.of("message", text(message.body())), false);
            return new PushResult(null, null, "Message sent to the buyer on eBay");
        }
        if (command instanceof ProvideTracking tracking) {
            return tracking(account, kind, base, tracking);
        }
        if (command instanceof Refund refund) {
            return kind == EbayKind.RETURN ? returnRefund(account, target, base, refund) : fullRefund(account, kind, base, refund);
        }
        if (command instanceof Agree) {
            client.post(account, "approve return", base + "/decide", Map.of("decision", "APPROVE"), true);
            return new PushResult(IncidentStatus.WAITING_FOR_BUYER, null, "Return approved on eBay");
        }
        if (command instanceof Refuse refuse) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("decision", "DECLINE");
            comments(body, refuse.reason());
            client.post(account, "decline return", base + "/decide", body, true);
            return new PushResult(IncidentStatus.DECISION_SENT, null, "Return declined on eBay");
        }
        if (command instanceof Escalate escalate) {
            client.post(account, "escalate", base + "/escalate", Map.of("reason", escalate.reasonCode(),
                    "comments", text(escalate.comments())), false);
            return new PushResult(IncidentStatus.WAITING_FOR_PLATFORM, null, "Escalated to eBay");
        }
        throw new IllegalArgumentException(command.type() + " is not an eBay decision");
    }

    private PushResult tracking(ChannelAccount account, EbayKind kind, String base, ProvideTracking tracking) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shippingCarrierName", tracking.carrier());
        body.put("trackingNumber", tracking.trackingNumber());
        if (kind == EbayKind.INQUIRY) {
            body.put("shippedWithTracking", true);
            if (tracking.shippedOn() != null) {
                body.put("shippingDate", Map.of("value", tracking.shippedOn() + "T12:00:00.000Z"));
            }
            if (tracking.comments() != null && !tracking.comments().isBlank()) {
                body.put("sellerComments", text(tracking.comments()));
            }
        }
        client.post(account, "shipment info", base + "/provide_shipment_info", body, false);
        return new PushResult(IncidentStatus.DECISION_SENT, tracking.trackingNumber(), "Tracking given to eBay");
    }

    /** A return: refunded in full for what eBay estimated, or a partial refund offered (the buyer keeps the item). */
    private PushResult returnRefund(ChannelAccount account, DecisionTarget target, String base, Refund refund) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (refund.mode() == Refund.Mode.DETAILED) {
            Money offer = new Money(refund.amount().add(refund.shippingAmount()), currency(target));
            body.put("decision", EbayUnconfirmed.OFFER_PARTIAL_REFUND);
            body.put("partialRefundAmount", amount(offer));
            comments(body, refund.message());
            client.post(account, "partial refund offer", base + "/decide", body, true);
            return new PushResult(IncidentStatus.WAITING_FOR_BUYER, null, "Partial refund of " + offer.display() + " offered on eBay");
        }
        Money total = estimatedRefund(target).orElseThrow();
        body.put("refundDetail", Map.of(
                "itemizedRefundDetail", List.of(Map.of("refundAmount", amount(total), "refundFeeType", EbayUnconfirmed.PURCHASE_PRICE)),
                "totalAmount", amount(total)));
        comments(body, refund.message());
        JsonNode answer = client.post(account, "refund", base + "/issue_refund", body, true);
        return new PushResult(IncidentStatus.DECISION_SENT, answer.path("refundStatus").asString(null),
                "Refund of " + total.display() + " issued on eBay");
    }

    /** An inquiry or a case: eBay refunds the amount claimed. */
    private PushResult fullRefund(ChannelAccount account, EbayKind kind, String base, Refund refund) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (kind == EbayKind.CASE) {
            body.putAll(EbayUnconfirmed.caseRefundBody(refund.message()));
        } else {
            comments(body, refund.message());
        }
        client.post(account, "refund", base + "/issue_refund", body.isEmpty() ? null : body, true);
        return new PushResult(IncidentStatus.DECISION_SENT, null, "Full refund issued on eBay");
    }

    /**
     * After a lost answer: the incident read again. Still waiting for the seller as before: not applied. Moved on:
     * applied. Gone, or a message (whose trace eBay's history may not show): cannot tell, unless the history has it.
     */
    Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, Optional<RawRecord> now) {
        if (now.isEmpty()) {
            return Reconciliation.unknown();
        }
        IncidentSnapshot read = EbayMapper.normalize(account, now.get());
        if (command instanceof SendMessage message) {
            boolean found = read.messages().stream().map(IncidentMessage::body).anyMatch(b -> b != null && b.contains(message.body()));
            return found ? Reconciliation.applied(new PushResult(null, null, "Message found in eBay's history")) : Reconciliation.unknown();
        }
        if (read.status() == target.status() && read.status() == IncidentStatus.NEEDS_SELLER_ACTION) {
            return Reconciliation.notApplied();
        }
        return Reconciliation.applied(new PushResult(read.status(), null, "eBay shows the dispute " + read.rawStatus()));
    }

    private static Optional<Money> estimatedRefund(DecisionTarget target) {
        JsonNode amount = EbayClient.JSON.readTree(target.rawPayload()).path("data").path("sellerTotalRefund").path("estimatedRefundAmount");
        if (!amount.hasNonNull("value") || !amount.hasNonNull("currency")) {
            return Optional.empty();
        }
        return Optional.of(new Money(new BigDecimal(amount.get("value").asString()), amount.get("currency").asString()));
    }

    private static String currency(DecisionTarget target) {
        return estimatedRefund(target).map(Money::currency).orElseGet(() -> EbayClient.JSON.readTree(target.rawPayload())
                .path("data").path("claimAmount").path("currency").asString("USD"));
    }

    private static Map<String, Object> amount(Money money) {
        return Map.of("value", money.amount(), "currency", money.currency());
    }

    private static Map<String, Object> text(String content) {
        return Map.of("content", content);
    }

    private static void comments(Map<String, Object> body, String comments) {
        if (comments != null && !comments.isBlank()) {
            body.put("comments", text(comments));
        }
    }
}
