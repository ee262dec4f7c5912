package com.disputehub.channel.mercadolibre;

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
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.Agree;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.command.Escalate;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.incident.IncidentMessage;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.PartyRole;

import tools.jackson.databind.JsonNode;

/**
 * The seller's answers to a claim, as far as the respondent's {@code available_actions} allow them now: a whole
 * refund, the one partial-refund offer (one of the percentages Mercado Libre lists), accepting the return, a
 * message to the buyer or the mediator, and asking for mediation.
 */
@Component
class MercadoLibreDecisions {

    static final String REFUND = "refund";
    static final String PARTIAL = "allow_partial_refund";
    static final String OPEN_DISPUTE = "open_dispute";
    static final String TO_BUYER = "send_message_to_complainant";
    static final String TO_MEDIATOR = "send_message_to_mediator";

    private static final Set<IncidentStatus> SELLER = Set.of(IncidentStatus.NEEDS_SELLER_ACTION);
    private static final Set<IncidentStatus> OPEN = Set.of(IncidentStatus.NEEDS_SELLER_ACTION, IncidentStatus.WAITING_FOR_BUYER,
            IncidentStatus.WAITING_FOR_PLATFORM);

    /** Every decision some claim may take, for the account as a whole. */
    static final Capabilities ALL = new Capabilities(List.of(
            refundSpec(true, List.of()), agreeSpec(), messageSpec(List.of(new Option("BUYER", "Buyer"), new Option("OPERATOR", "Mediator"))),
            escalateSpec()));

    private final MercadoLibreClient client;

    MercadoLibreDecisions(MercadoLibreClient client) {
        this.client = client;
    }

    /** What this claim takes now, from the seller's available actions. */
    static Capabilities of(DecisionTarget target) {
        JsonNode record = MercadoLibreClient.JSON.readTree(target.rawPayload());
        List<String> actions = MercadoLibreMapper.sellerActions(record.path("claim"));
        List<DecisionSpec> specs = new ArrayList<>();
        if (actions.contains(REFUND) || actions.contains(PARTIAL)) {
            specs.add(refundSpec(actions.contains(REFUND), actions.contains(PARTIAL) ? offers(record) : List.of()));
        }
        if (actions.contains(MercadoLibreUnconfirmed.ALLOW_RETURN_ACTION)) {
            specs.add(agreeSpec());
        }
        List<Option> recipients = new ArrayList<>();
        if (actions.contains(TO_BUYER)) {
            recipients.add(new Option("BUYER", "Buyer"));
        }
        if (actions.contains(TO_MEDIATOR)) {
            recipients.add(new Option("OPERATOR", "Mediator"));
        }
        if (!recipients.isEmpty()) {
            specs.add(messageSpec(recipients));
        }
        if (actions.contains(OPEN_DISPUTE)) {
            specs.add(escalateSpec());
        }
        return new Capabilities(specs);
    }

    List<String> validate(DecisionTarget target, DecisionCommand command) {
        Capabilities now = of(target);
        List<String> problems = new ArrayList<>();
        if (now.find(command.type()).isEmpty()) {
            problems.add("Mercado Libre does not offer " + command.type() + " on this claim now; it offers "
                    + now.decisions().stream().map(DecisionSpec::type).toList());
            return problems;
        }
        JsonNode record = MercadoLibreClient.JSON.readTree(target.rawPayload());
        List<String> actions = MercadoLibreMapper.sellerActions(record.path("claim"));
        if (command instanceof Refund refund) {
            if (refund.mode() == Refund.Mode.TOTAL && !actions.contains(REFUND)) {
                problems.add("Mercado Libre offers only a partial refund on this claim: give one of the offered amounts (mode DETAILED)");
            }
            if (refund.mode() == Refund.Mode.DETAILED) {
                if (!actions.contains(PARTIAL)) {
                    problems.add("Mercado Libre offers no partial refund on this claim: refund in full (mode TOTAL)");
                } else if (offer(record, refund).isEmpty()) {
                    problems.add("a partial refund is one of the offers Mercado Libre lists: " + offers(record).stream()
                            .map(Option::label).toList() + " (amount, with shippingAmount 0)");
                }
            }
        }
        if (command instanceof SendMessage message && message.to() == SendMessage.Recipients.BUYER_AND_OPERATOR) {
            problems.add("on Mercado Libre a claim message goes to the buyer or to the mediator: 'to' is BUYER or OPERATOR");
        }
        return problems;
    }

    PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        String claim = MercadoLibreClient.CLAIMS + "/" + target.externalId();
        if (command instanceof Refund refund && refund.mode() == Refund.Mode.DETAILED) {
            JsonNode record = MercadoLibreClient.JSON.readTree(target.rawPayload());
            JsonNode offer = offer(record, refund).orElseThrow(() -> new ChannelRejectedException(422,
                    "the amount is not one of Mercado Libre's partial-refund offers"));
            int percentage = offer.path("percentage").asInt();
            client.post(account, "partial refund offer", claim + MercadoLibreUnconfirmed.PARTIAL_REFUND, Map.of("percentage", percentage));
            return new PushResult(IncidentStatus.WAITING_FOR_BUYER, null, "Partial refund of " + percentage + "% offered on Mercado Libre");
        }
        if (command instanceof Refund) {
            client.post(account, "refund", claim + MercadoLibreUnconfirmed.REFUND, null);
            return new PushResult(IncidentStatus.DECISION_SENT, null, "Refunded in full on Mercado Libre");
        }
        if (command instanceof Agree) {
            client.post(account, "allow return", claim + MercadoLibreUnconfirmed.ALLOW_RETURN, null);
            return new PushResult(IncidentStatus.WAITING_FOR_BUYER, null, "Return accepted on Mercado Libre");
        }
        if (command instanceof SendMessage message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("receiver_role", message.to() == SendMessage.Recipients.OPERATOR ? "mediator" : "complainant");
            body.put("message", message.body());
            body.put("attachments", List.of());
            JsonNode answer = client.post(account, "message", claim + MercadoLibreUnconfirmed.SEND_MESSAGE, body);
            return new PushResult(null, answer.path("id").asString(null), "Message sent on Mercado Libre");
        }
        if (command instanceof Escalate) {
            client.post(account, "open mediation", claim + "/actions/open-dispute", null);
            return new PushResult(IncidentStatus.WAITING_FOR_PLATFORM, null, "Mediation opened on Mercado Libre");
        }
        throw new IllegalArgumentException(command.type() + " is not a Mercado Libre decision");
    }

    /**
     * After a lost answer: the claim read again. The action still offered to the seller: not applied (Mercado Libre
     * takes each once). Gone from the offered actions: applied. A message: applied when the conversation shows it,
     * otherwise unknown (only moderated messages are shown). No claim: unknown.
     */
    Reconciliation reconcile(ChannelAccount account, DecisionCommand command, Optional<RawRecord> now) {
        if (now.isEmpty()) {
            return Reconciliation.unknown();
        }
        IncidentSnapshot read = MercadoLibreMapper.normalize(account, now.get());
        if (command instanceof SendMessage message) {
            boolean shown = read.messages().stream().anyMatch(m -> m.author() == PartyRole.SELLER && message.body().equals(m.body()));
            return shown ? Reconciliation.applied(new PushResult(null, null, "Message found on Mercado Libre")) : Reconciliation.unknown();
        }
        List<String> actions = MercadoLibreMapper.sellerActions(MercadoLibreClient.JSON.readTree(now.get().body()).path("claim"));
        String action = command instanceof Refund refund ? (refund.mode() == Refund.Mode.DETAILED ? PARTIAL : REFUND)
                : command instanceof Agree ? MercadoLibreUnconfirmed.ALLOW_RETURN_ACTION : OPEN_DISPUTE;
        return actions.contains(action) ? Reconciliation.notApplied()
                : Reconciliation.applied(new PushResult(read.status(), null, "Mercado Libre shows the claim " + read.rawStatus()));
    }

    private static Optional<JsonNode> offer(JsonNode record, Refund refund) {
        if (refund.amount() == null) {
            return Optional.empty();
        }
        BigDecimal asked = refund.amount().add(refund.shippingAmount() == null ? BigDecimal.ZERO : refund.shippingAmount());
        for (JsonNode offer : record.path("offers").path("available_offers")) {
            if (new BigDecimal(offer.path("amount").asString("-1")).compareTo(asked) == 0) {
                return Optional.of(offer);
            }
        }
        return Optional.empty();
    }

    private static List<Option> offers(JsonNode record) {
        String currency = record.path("offers").path("currency_id").asString("");
        List<Option> options = new ArrayList<>();
        record.path("offers").path("available_offers").forEach(o -> options.add(new Option(o.path("amount").asString(),
                o.path("percentage").asString() + "% (" + o.path("amount").asString() + " " + currency + ")")));
        return options;
    }

    private static DecisionSpec refundSpec(boolean whole, List<Option> offers) {
        List<Option> modes = new ArrayList<>();
        if (whole) {
            modes.add(new Option("TOTAL", "Full refund"));
        }
        modes.add(new Option("DETAILED", "Partial refund offer (once)"));
        return new DecisionSpec(DecisionType.REFUND, "Refund in full, or make the one partial-refund offer Mercado Libre allows", SELLER, List.of(
                new FieldSpec("mode", true, "Full refund or an offer", modes),
                new FieldSpec("amount", false, "The offer: one of the amounts Mercado Libre lists", offers),
                FieldSpec.optional("shippingAmount", "0 (the offer includes everything)"),
                FieldSpec.optional("quantity", "1")));
    }

    private static DecisionSpec agreeSpec() {
        return new DecisionSpec(DecisionType.AGREE, "Accept the return: the buyer sends the item back, then is refunded", SELLER, List.of());
    }

    private static DecisionSpec messageSpec(List<Option> recipients) {
        return new DecisionSpec(DecisionType.SEND_MESSAGE, "Write to the buyer or the mediator", OPEN, List.of(
                new FieldSpec("to", true, "Who reads it", recipients), FieldSpec.required("body", "The message")));
    }

    private static DecisionSpec escalateSpec() {
        return new DecisionSpec(DecisionType.ESCALATE, "Ask Mercado Libre to mediate", SELLER,
                List.of(FieldSpec.required("comments", "Why (kept in DisputeHub; the call takes no text)")));
    }
}
