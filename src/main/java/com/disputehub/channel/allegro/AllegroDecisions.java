package com.disputehub.channel.allegro;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.Capabilities;
import com.disputehub.channel.Capabilities.DecisionSpec;
import com.disputehub.channel.Capabilities.FieldSpec;
import com.disputehub.channel.Capabilities.Option;
import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.Agree;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.MarkResolved;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.Refuse;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.Money;

import tools.jackson.databind.JsonNode;

/**
 * The seller's answers on Allegro. A claim is accepted (the status that matches the buyer's expectation) or
 * rejected with one of Allegro's reasons; a dispute is answered, or the buyer is asked to end it; either is
 * refunded through the payments API, whose {@code commandId} (the decision's id) makes the refund idempotent.
 */
@Component
class AllegroDecisions {

    private static final Set<IncidentStatus> SELLER = Set.of(IncidentStatus.NEEDS_SELLER_ACTION);
    private static final Set<IncidentStatus> OPEN = Set.of(IncidentStatus.NEEDS_SELLER_ACTION, IncidentStatus.WAITING_FOR_BUYER,
            IncidentStatus.WAITING_FOR_PLATFORM);
    private static final List<Option> REJECTIONS = List.of(
            new Option("REJECTED_PRODUCT_CONFORMS_TO_CONTRACT", "The product conforms to the contract"),
            new Option("REJECTED_PRODUCT_DAMAGED_BY_USER", "Damaged by the buyer"),
            new Option("REJECTED_PRODUCT_NOT_RETURNED", "The product was not returned"),
            new Option("REJECTED_ADDITIONAL_REQUIREMENTS_NOT_COMPLETED", "Requirements not completed"),
            new Option("REJECTED_MINOR_DEFECT", "A minor defect"),
            new Option("REJECTED_CLAIM_WITHDRAWN_BY_BUYER", "Withdrawn by the buyer"),
            new Option("REJECTED_OTHER", "Other"));

    private static final DecisionSpec MESSAGE = new DecisionSpec(DecisionType.SEND_MESSAGE, "Write to the buyer in the issue's chat", OPEN,
            List.of(new FieldSpec("to", true, "The buyer", List.of(new Option("BUYER", "Buyer"))), FieldSpec.required("body", "The message")));
    private static final DecisionSpec REFUND = new DecisionSpec(DecisionType.REFUND,
            "Refund the buyer through Allegro's payments (the issue's item, or an amount)", SELLER, List.of(
            new FieldSpec("mode", false, "Whole item or an amount", List.of(new Option("TOTAL", "The item's price"),
                    new Option("DETAILED", "An amount"))),
            FieldSpec.optional("amount", "The amount (DETAILED)"), FieldSpec.optional("shippingAmount", "Delivery refunded (DETAILED)"),
            FieldSpec.optional("quantity", "Items (DETAILED)"), FieldSpec.optional("message", "A comment for the buyer")));
    private static final Capabilities CLAIMS = new Capabilities(List.of(
            new DecisionSpec(DecisionType.AGREE, "Accept the claim as the buyer expects (refund, partial refund, exchange or repair)", SELLER, List.of()),
            new DecisionSpec(DecisionType.REFUSE, "Reject the claim with Allegro's reason", SELLER, List.of(
                    new FieldSpec("cause", true, "Allegro's reason", REJECTIONS), FieldSpec.required("reason", "Why, for the buyer"))),
            MESSAGE, REFUND));
    private static final Capabilities DISPUTES = new Capabilities(List.of(MESSAGE, REFUND,
            new DecisionSpec(DecisionType.MARK_RESOLVED, "Ask the buyer to end the dispute (a message of type END_REQUEST)", SELLER, List.of())));
    static final Capabilities ALL = new Capabilities(List.of(CLAIMS.decisions().get(0), CLAIMS.decisions().get(1), MESSAGE, REFUND,
            DISPUTES.decisions().get(2)));

    private final AllegroClient client;

    AllegroDecisions(AllegroClient client) {
        this.client = client;
    }

    static Capabilities of(DecisionTarget target) {
        return AllegroMapper.CLAIM.equals(issue(target).path("type").asString("")) ? CLAIMS : DISPUTES;
    }

    List<String> validate(DecisionTarget target, DecisionCommand command) {
        List<String> problems = new ArrayList<>();
        JsonNode issue = issue(target);
        if (of(target).find(command.type()).isEmpty()) {
            problems.add("an Allegro " + issue.path("type").asString("issue").toLowerCase() + " does not take " + command.type()
                    + "; it takes " + of(target).decisions().stream().map(DecisionSpec::type).toList());
            return problems;
        }
        if (command instanceof Refuse refuse && REJECTIONS.stream().noneMatch(o -> o.value().equals(rejection(refuse)))) {
            problems.add("'cause' must be one of Allegro's rejection reasons: " + REJECTIONS.stream().map(Option::value).toList());
        }
        if (command instanceof Agree && acceptance(issue) == null) {
            problems.add("the buyer's expectation is not known: accept by refunding (REFUND) or write to the buyer");
        }
        if (command instanceof SendMessage message && message.to() != SendMessage.Recipients.BUYER) {
            problems.add("an Allegro issue's chat is with the buyer: 'to' must be BUYER");
        }
        if ((command instanceof SendMessage || command instanceof MarkResolved)
                && !issue.path("currentState").path("chatActive").asBoolean(true)) {
            problems.add("Allegro has closed this issue's chat: no message can be added");
        }
        return problems;
    }

    PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey) {
        JsonNode issue = issue(target);
        String base = "/sale/issues/" + target.externalId();
        if (command instanceof SendMessage message) {
            JsonNode answer = client.post(account, "message", base + "/message", message(message.body(), "REGULAR"), AllegroClient.BETA);
            return new PushResult(null, answer.path("id").asString(null), "Message added to the Allegro issue");
        }
        if (command instanceof MarkResolved) {
            JsonNode answer = client.post(account, "end request", base + "/message",
                    message(AllegroOptions.of(account).endRequestText(), "END_REQUEST"), AllegroClient.BETA);
            return new PushResult(IncidentStatus.WAITING_FOR_BUYER, answer.path("id").asString(null), "The buyer was asked to end the dispute");
        }
        if (command instanceof Agree) {
            Map<String, Object> body = new LinkedHashMap<>();
            String status = acceptance(issue);
            body.put("status", status);
            if ("ACCEPTED_PARTIAL_REFUND".equals(status)) {
                Money refund = AllegroMapper.expectedRefund("issue", issue);
                body.put("partialRefund", Map.of("amount", refund.amount().toPlainString(), "currency", refund.currency()));
            }
            client.post(account, "accept claim", base + "/status", body, AllegroClient.BETA);
            return new PushResult(IncidentStatus.DECISION_SENT, status, "Claim accepted on Allegro (" + status + ")");
        }
        if (command instanceof Refuse refuse) {
            client.post(account, "reject claim", base + "/status", Map.of("status", rejection(refuse), "message", refuse.reason()), AllegroClient.BETA);
            return new PushResult(IncidentStatus.DECISION_SENT, rejection(refuse), "Claim rejected on Allegro");
        }
        if (command instanceof Refund refund) {
            return refund(account, issue, refund, idempotencyKey);
        }
        throw new IllegalArgumentException(command.type() + " is not an Allegro decision");
    }

    /**
     * POST /payments/refunds for the issue's order: its payment and line item from the checkout form, and the
     * decision's id as {@code commandId}, so that Allegro takes a repeated request once.
     */
    private PushResult refund(ChannelAccount account, JsonNode issue, Refund refund, String idempotencyKey) {
        String orderId = issue.path("checkoutForm").path("id").asString("");
        JsonNode order = client.get(account, "order " + orderId, "/order/checkout-forms/" + orderId, Map.of(), AllegroClient.PUBLIC);
        String offerId = issue.path("offer").path("id").asString("");
        List<Map<String, Object>> lines = new ArrayList<>();
        String currency = null;
        for (JsonNode line : order.path("lineItems")) {
            if (!offerId.isBlank() && !offerId.equals(line.path("offer").path("id").asString(""))) {
                continue;
            }
            currency = line.path("price").path("currency").asString(null);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", line.path("id").asString());
            if (refund.mode() == Refund.Mode.DETAILED) {
                item.put("type", "AMOUNT");
                item.put("value", Map.of("amount", refund.amount().toPlainString(), "currency", currency));
            } else {
                item.put("type", "QUANTITY");
                item.put("quantity", issue.path("offer").path("quantity").asInt(line.path("quantity").asInt(1)));
            }
            lines.add(item);
            if (refund.mode() == Refund.Mode.DETAILED) {
                break;
            }
        }
        if (lines.isEmpty()) {
            throw new ChannelRejectedException(422, "the order " + orderId + " has no line item of offer " + offerId + " to refund");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("payment", Map.of("id", order.path("payment").path("id").asString()));
        body.put("order", Map.of("id", orderId));
        body.put("commandId", idempotencyKey);
        body.put("reason", AllegroMapper.CLAIM.equals(issue.path("type").asString("")) ? "COMPLAINT" : "REFUND");
        body.put("lineItems", lines);
        if (refund.mode() == Refund.Mode.DETAILED && refund.shippingAmount() != null && refund.shippingAmount().signum() > 0) {
            body.put("delivery", Map.of("value", Map.of("amount", refund.shippingAmount().toPlainString(), "currency", currency)));
        }
        if (refund.message() != null && !refund.message().isBlank()) {
            body.put("sellerComment", refund.message());
        }
        JsonNode answer = client.post(account, "refund", "/payments/refunds", body, AllegroClient.PUBLIC);
        return new PushResult(IncidentStatus.DECISION_SENT, answer.path("id").asString(null), "Refund started on Allegro ("
                + answer.path("status").asString("sent") + ")");
    }

    /**
     * After a lost answer. A refund: Allegro lists the order's refunds; one since the attempt is this one (and a
     * repeated request with the same commandId is taken once anyway). A claim decision: the claim's status moved
     * on. A message: cannot tell.
     */
    Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, Instant sentSince,
                             java.util.Optional<JsonNode> issueNow) {
        if (command instanceof Refund) {
            String orderId = issue(target).path("checkoutForm").path("id").asString("");
            JsonNode refunds;
            try {
                refunds = client.get(account, "refunds of " + orderId, "/payments/refunds", Map.of("order.id", orderId), AllegroClient.PUBLIC);
            } catch (ChannelRejectedException e) {
                return Reconciliation.unknown();
            }
            if (!refunds.path(AllegroUnconfirmed.REFUNDS_FIELD).isArray()) {
                return Reconciliation.unknown();
            }
            for (JsonNode r : refunds.path(AllegroUnconfirmed.REFUNDS_FIELD)) {
                String created = r.path("createdAt").asString("");
                if (!created.isBlank() && !OffsetDateTime.parse(created).toInstant().isBefore(sentSince.minusSeconds(60))) {
                    return Reconciliation.applied(new PushResult(IncidentStatus.DECISION_SENT, r.path("id").asString(null), "Refund found on Allegro"));
                }
            }
            return Reconciliation.notApplied();
        }
        if (command instanceof Agree || command instanceof Refuse) {
            if (issueNow.isEmpty()) {
                return Reconciliation.unknown();
            }
            String status = issueNow.get().path("currentState").path("status").asString("");
            return "CLAIM_SUBMITTED".equals(status) ? Reconciliation.notApplied()
                    : Reconciliation.applied(new PushResult(IncidentStatus.DECISION_SENT, status, "Allegro shows the claim " + status));
        }
        return Reconciliation.unknown();
    }

    /** The accepting status that matches the buyer's first expectation. */
    private static String acceptance(JsonNode issue) {
        for (JsonNode expectation : issue.path("expectations")) {
            switch (expectation.path("name").asString("")) {
                case "REFUND" -> { return "ACCEPTED_REFUND"; }
                case "PARTIAL_REFUND" -> {
                    return AllegroMapper.expectedRefund("issue", issue) == null ? null : "ACCEPTED_PARTIAL_REFUND";
                }
                case "EXCHANGE" -> { return "ACCEPTED_EXCHANGE"; }
                case "REPAIR" -> { return "ACCEPTED_REPAIR"; }
                default -> { }
            }
        }
        return null;
    }

    private static String rejection(Refuse refuse) {
        return Refuse.OTHERS.equalsIgnoreCase(refuse.cause()) ? "REJECTED_OTHER" : refuse.cause();
    }

    private static Map<String, Object> message(String text, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("attachments", List.of());
        body.put("type", type);
        return body;
    }

    static JsonNode issue(DecisionTarget target) {
        return AllegroClient.JSON.readTree(target.rawPayload()).path("issue");
    }
}
