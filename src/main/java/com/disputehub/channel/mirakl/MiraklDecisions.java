package com.disputehub.channel.mirakl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelRejectedException;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.MarkResolved;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.channel.mirakl.model.MiraklOrderLine;
import com.disputehub.channel.mirakl.model.MiraklReason;
import com.disputehub.channel.mirakl.model.MiraklRecord;
import com.disputehub.channel.mirakl.model.MiraklRefund;
import com.disputehub.channel.mirakl.model.MiraklTax;
import com.disputehub.incident.IncidentStatus;

import tools.jackson.databind.JsonNode;

/** Checks decisions against the order as last read, and sends them with OR28, OR64, M12 or OR43. */
@Component
class MiraklDecisions {

    private final MiraklClient client;
    private final MiraklReasons reasons;

    MiraklDecisions(MiraklClient client, MiraklReasons reasons) {
        this.client = client;
        this.reasons = reasons;
    }

    /** OR43 and M12: a message with its files is at most 30 MB. */
    static final long MAX_MESSAGE_BYTES = 30L * 1_048_576;

    List<String> validate(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        MiraklRecord record = record(target);
        List<String> problems = new ArrayList<>();
        if (command instanceof Refund r) {
            if (r.reasonCode() == null || r.reasonCode().isBlank()) {
                problems.add("'reasonCode' is required (a refund reason of the channel)");
            }
            checkReason(problems, account, MiraklReasons.REFUND, r.reasonCode(), "refund");
            checkRefund(problems, line(record, target), r);
            if (r.message() != null && !r.message().isBlank()) {
                problems.add("a Mirakl refund (OR28) carries no 'message'; send it to the customer with SEND_MESSAGE");
            }
        } else if (command instanceof MarkResolved m) {
            checkReason(problems, account, MiraklReasons.INCIDENT_CLOSE, m.reasonCode(), "resolution");
        } else if (command instanceof SendMessage s) {
            if (s.threadId() != null && !s.threadId().isBlank()
                    && record.threads().stream().noneMatch(t -> s.threadId().equals(t.id()))) {
                problems.add("thread " + s.threadId() + " is not a conversation of order " + target.orderId());
            }
            long bytes = s.evidence().stream().mapToLong(f -> f.bytes().length).sum();
            if (bytes > MAX_MESSAGE_BYTES) {
                problems.add("the files weigh " + bytes / 1_048_576 + " MB; a Mirakl message takes at most 30 MB");
            }
        }
        return problems;
    }

    PushResult push(ChannelAccount account, DecisionTarget target, DecisionCommand command) {
        if (command instanceof Refund r) {
            return refund(account, target, r);
        }
        if (command instanceof MarkResolved m) {
            client.resolveIncident(account, target.orderId(), target.externalId(), m.reasonCode());
            return new PushResult(IncidentStatus.WAITING_FOR_PLATFORM, null,
                    "Marked resolved on Mirakl; the operator closes the incident after review");
        }
        if (command instanceof SendMessage message) {
            return message(account, target, message);
        }
        throw new ChannelRejectedException(400, command.type() + " is not a Mirakl decision");
    }

    private static void checkRefund(List<String> problems, MiraklOrderLine line, Refund r) {
        if (Boolean.FALSE.equals(line.canRefund())) {
            problems.add("Mirakl says line " + line.orderLineId() + " cannot be refunded now (can_refund=false)");
        }
        BigDecimal refunded = sum(line.refunds().stream().map(MiraklRefund::amount).toList());
        BigDecimal refundedShipping = sum(line.refunds().stream().map(MiraklRefund::shippingAmount).toList());
        if (r.mode() == Refund.Mode.TOTAL && !line.refunds().isEmpty()) {
            problems.add("line " + line.orderLineId() + " is already partly refunded (" + refunded
                    + "); refund the rest with a DETAILED refund");
        }
        if (r.mode() == Refund.Mode.DETAILED) {
            checkAtMost(problems, "amount", r.amount(), line.price(), refunded);
            checkAtMost(problems, "shippingAmount", r.shippingAmount(), line.shippingPrice(), refundedShipping);
            if (r.quantity() != null && line.quantity() != null && r.quantity() > line.quantity()) {
                problems.add("'quantity' " + r.quantity() + " is more than the " + line.quantity() + " ordered");
            }
        }
    }

    private PushResult refund(ChannelAccount account, DecisionTarget target, Refund r) {
        MiraklRecord record = record(target);
        MiraklOrderLine line = line(record, target);
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("order_line_id", line.orderLineId());
        if (r.mode() == Refund.Mode.TOTAL) {
            refund.put("amount", line.price());
            refund.put("shipping_amount", line.shippingPrice() == null ? BigDecimal.ZERO : line.shippingPrice());
            refund.put("quantity", line.quantity());
            refund.put("taxes", taxes(line.taxes()));
            refund.put("shipping_taxes", taxes(line.shippingTaxes()));
        } else {
            refund.put("amount", r.amount());
            refund.put("shipping_amount", r.shippingAmount());
            refund.put("quantity", r.quantity());
            refund.put("taxes", r.taxes().stream().map(t -> Map.of("code", t.code(), "amount", t.amount())).toList());
            refund.put("shipping_taxes", r.shippingTaxes().stream().map(t -> Map.of("code", t.code(), "amount", t.amount())).toList());
        }
        refund.put("reason_code", r.reasonCode());
        if (record.order().currencyIsoCode() != null) {
            refund.put("currency_iso_code", record.order().currencyIsoCode());
        }
        JsonNode answer = client.refund(account, Map.of("refunds", List.of(refund)));
        JsonNode first = answer.path("refunds").path(0);
        String id = first.path("refund_id").asString(first.path("order_refund_id").asString(null));
        boolean total = r.mode() == Refund.Mode.TOTAL;
        return new PushResult(total ? IncidentStatus.DECISION_SENT : null, id, total
                ? "Total refund sent to Mirakl (refund " + id + "); Mirakl closes the incident"
                : "Detailed refund sent to Mirakl (refund " + id + "); the incident stays open until marked resolved");
    }

    private PushResult message(ChannelAccount account, DecisionTarget target, SendMessage s) {
        List<Map<String, String>> to = switch (s.to()) {
            case BUYER -> List.of(Map.of("type", "CUSTOMER"));
            case OPERATOR -> List.of(Map.of("type", "OPERATOR"));
            case BUYER_AND_OPERATOR -> List.of(Map.of("type", "CUSTOMER"), Map.of("type", "OPERATOR"));
        };
        JsonNode answer;
        if (s.threadId() != null && !s.threadId().isBlank()) {
            answer = client.reply(account, s.threadId(), Map.of("body", s.body(), "to", to), s.evidence());
        } else {
            String subject = s.subject() != null && !s.subject().isBlank() ? s.subject() : defaultSubject(target);
            answer = client.newOrderThread(account, target.orderId(), Map.of("body", s.body(), "to", to,
                    "topic", Map.of("type", "FREE_TEXT", "value", subject)), s.evidence());
        }
        String id = answer.path("message_id").asString(answer.path("thread_id").asString(null));
        boolean toBuyer = s.to() != SendMessage.Recipients.OPERATOR;
        return new PushResult(toBuyer ? IncidentStatus.WAITING_FOR_BUYER : IncidentStatus.WAITING_FOR_PLATFORM, id,
                "Message sent on Mirakl (" + id + ")");
    }

    /** A new conversation's topic when the seller gave none: the incident's reason, in the operator's words. */
    private static String defaultSubject(DecisionTarget target) {
        MiraklOrderLine line = line(record(target), target);
        String label = line.orderLineStateReasonLabel();
        return label != null && !label.isBlank() ? label : "Order " + target.orderId();
    }

    private void checkReason(List<String> problems, ChannelAccount account, String type, String code, String what) {
        Optional<List<MiraklReason>> known = reasons.ofTypeIfAvailable(account, type);
        if (known.isEmpty()) {
            return; // RE01 unreachable: Mirakl itself will refuse an unknown code
        }
        List<MiraklReason> allowed = MiraklReasons.INCIDENT_CLOSE.equals(type)
                ? MiraklCapabilities.shopCloseReasons(known.get()) : known.get();
        if (code == null || code.isBlank()) {
            problems.add("the " + what + " reasons of this Mirakl operator are: "
                    + allowed.stream().map(r -> r.code() + " " + r.label()).toList());
        } else if (allowed.stream().noneMatch(r -> code.equals(r.code()))) {
            problems.add("'" + code + "' is not a " + what + " reason of this Mirakl operator (" + type + "); allowed: "
                    + allowed.stream().map(r -> r.code() + " " + r.label()).toList());
        }
    }

    private static void checkAtMost(List<String> problems, String field, BigDecimal value, BigDecimal price,
                                    BigDecimal refunded) {
        if (value == null || price == null) {
            return;
        }
        BigDecimal left = price.subtract(refunded);
        if (value.compareTo(left) > 0) {
            problems.add("'" + field + "' " + value + " is more than the " + left + " left to refund");
        }
    }

    private static List<Map<String, Object>> taxes(List<MiraklTax> taxes) {
        return taxes.stream().map(t -> Map.<String, Object>of("code", t.code(), "amount", t.amount())).toList();
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static MiraklRecord record(DecisionTarget target) {
        return MiraklJson.MAPPER.readValue(target.rawPayload(), MiraklRecord.class);
    }

    private static MiraklOrderLine line(MiraklRecord record, DecisionTarget target) {
        return record.order().orderLines().stream()
                .filter(l -> target.externalId().equals(l.orderLineId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("line " + target.externalId() + " is not in order " + target.orderId()));
    }
}
