package com.disputehub.channel.mirakl;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.DecisionTarget;
import com.disputehub.channel.PushResult;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.channel.command.MarkResolved;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.channel.mirakl.model.MiraklMessage;
import com.disputehub.channel.mirakl.model.MiraklOrderLine;
import com.disputehub.channel.mirakl.model.MiraklRecord;
import com.disputehub.channel.mirakl.model.MiraklRefund;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.PartyRole;

/**
 * Mirakl documents no idempotency key, so a decision whose answer was lost is checked against the order as
 * Mirakl shows it now: the line's refunds, its state, the shop's messages in the order's threads.
 */
@Component
class MiraklReconciliation {

    /** Mirakl's clock and ours may differ a little. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final MiraklChangeReader reader;

    MiraklReconciliation(MiraklChangeReader reader) {
        this.reader = reader;
    }

    Reconciliation reconcile(ChannelAccount account, DecisionTarget target, DecisionCommand command, String idempotencyKey, Instant sentSince) {
        List<RawRecord> records = reader.ordersById(account, Set.of(target.orderId()));
        if (records.isEmpty()) {
            return Reconciliation.unknown();
        }
        MiraklRecord now = MiraklJson.MAPPER.readValue(records.get(0).body(), MiraklRecord.class);
        Optional<MiraklOrderLine> line = now.order().orderLines().stream()
                .filter(l -> target.externalId().equals(l.orderLineId())).findFirst();
        if (line.isEmpty()) {
            return Reconciliation.unknown();
        }
        Instant after = sentSince.minus(CLOCK_SKEW);
        if (command instanceof Refund refund) {
            BigDecimal amount = refund.mode() == Refund.Mode.TOTAL ? line.get().price() : refund.amount();
            return line.get().refunds().stream()
                    .filter(r -> refund.reasonCode().equals(r.reasonCode()) && sameAmount(amount, r.amount())
                            && (r.createdDate() == null || !r.createdDate().isBefore(after)))
                    .map(MiraklRefund::id).findFirst()
                    .map(id -> Reconciliation.applied(new PushResult(
                            refund.mode() == Refund.Mode.TOTAL ? IncidentStatus.DECISION_SENT : null, id,
                            "Refund found on Mirakl (refund " + id + ")")))
                    .orElse(Reconciliation.notApplied());
        }
        if (command instanceof MarkResolved) {
            // OR64 leaves no trace while the incident stays open, and marking resolved twice is harmless.
            return MiraklMapper.INCIDENT_OPEN.equals(line.get().orderLineState()) ? Reconciliation.notApplied()
                    : Reconciliation.applied(new PushResult(null, null, "The incident is no longer open on Mirakl"));
        }
        if (!(command instanceof SendMessage message)) {
            return Reconciliation.unknown();
        }
        return now.threads().stream().flatMap(t -> t.messages().stream())
                .filter(m -> isShop(m) && message.body().equals(m.body())
                        && (m.dateCreated() == null || !m.dateCreated().isBefore(after)))
                .map(MiraklMessage::id).findFirst()
                .map(id -> Reconciliation.applied(new PushResult(
                        message.to() == SendMessage.Recipients.OPERATOR ? IncidentStatus.WAITING_FOR_PLATFORM
                                : IncidentStatus.WAITING_FOR_BUYER, id, "Message found on Mirakl (" + id + ")")))
                .orElse(Reconciliation.notApplied());
    }

    private static boolean isShop(MiraklMessage m) {
        return m.from() != null && MiraklMapper.role(m.from().type()) == PartyRole.SELLER;
    }

    private static boolean sameAmount(BigDecimal expected, BigDecimal actual) {
        return expected != null && actual != null && expected.compareTo(actual) == 0;
    }
}
