package com.disputehub.decision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.channel.PushResult;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentOutcomes;
import com.disputehub.incident.Timeline;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/**
 * Records where decisions ended, or that one waits again, on the decisions and their incidents, in one transaction:
 * for one decision, or for the batch a dispatch worker sent (each statement then serves the whole batch).
 */
@Component
class DecisionOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DecisionOutcomes.class);

    private final Decisions decisions;
    private final IncidentOutcomes incidents;
    private final Timeline timeline;
    private final DecisionEvents events;
    private final TransactionTemplate tx;

    DecisionOutcomes(Decisions decisions, IncidentOutcomes incidents, Timeline timeline, DecisionEvents events,
                     TransactionTemplate tx) {
        this.decisions = decisions;
        this.incidents = incidents;
        this.timeline = timeline;
        this.events = events;
        this.tx = tx;
    }

    /** Where one decision ended: its state, the error or the channel's answer, and the HTTP attempts it took. */
    record Finished(Decision decision, DecisionState state, String error, PushResult result, int attempts) {
    }

    void finish(Decision d, DecisionState state, String error, PushResult result, int attempts) {
        finishAll(List.of(new Finished(d, state, error, result, attempts)));
    }

    /**
     * Records these outcomes together. Should the batch be refused, each is recorded on its own, so that one bad
     * record keeps only its own decision SENDING (for the reconciler, past its push budget).
     */
    void finishAll(List<Finished> finished) {
        if (finished.isEmpty()) {
            return;
        }
        try {
            tx.executeWithoutResult(status -> record(finished));
            finished.forEach(DecisionOutcomes::told);
        } catch (RuntimeException e) {
            if (finished.size() == 1) {
                throw e;
            }
            log.warn("recording {} outcomes together failed ({}); recording each on its own", finished.size(), e.getMessage());
            for (Finished f : finished) {
                try {
                    tx.executeWithoutResult(status -> record(List.of(f)));
                    told(f);
                } catch (RuntimeException one) {
                    log.error("decision {}: recording its outcome failed; it stays SENDING until reconciled after its "
                            + "push budget", f.decision().id(), one);
                }
            }
        }
    }

    private static void told(Finished f) {
        log.info("decision {} on incident {}: {} after {} attempt(s)", f.decision().id(), f.decision().incidentId(),
                f.state(), f.attempts());
    }

    private void record(List<Finished> finished) {
        decisions.finishAll(finished.stream().map(f -> new Decisions.Finish(f.decision().id(), f.state(), f.error(),
                f.result() == null ? null : f.result().channelReference(), f.attempts())).toList());
        Map<UUID, Incident> after = incidents.recordAll(finished.stream().map(f -> new IncidentOutcomes.Outcome(
                f.decision().incidentId(), f.result() == null ? null : f.result().statusAfter(), f.decision().requestedBy(),
                summary(f))).toList());
        events.reachedAll(finished.stream().map(f -> f.decision().id()).toList(), after);
    }

    /** The channel's answer and errors stay in their own words; the frame is said in the reader's language. */
    private static TimelineText summary(Finished f) {
        Decision d = f.decision();
        return switch (f.state()) {
            case SENT, RECORDED -> d.command().words().and("tl.outcome", Arg.value(f.result().summary()));
            case REJECTED -> d.command().words().and("tl.rejected", Arg.value(f.error()));
            case UNKNOWN -> d.command().words().and("tl.unknownOutcome", Arg.value(f.error()));
            default -> d.command().words().and("tl.failed", Arg.value(f.error()));
        };
    }

    /** A decision that could not even be read or prepared: FAILED, nothing sent, told as decision.failed. */
    void failedUnprepared(UUID decisionId, String error) {
        tx.executeWithoutResult(status -> {
            decisions.finish(decisionId, DecisionState.FAILED, error, null, 0);
            events.reached(decisionId);
        });
    }

    /** Back to the outbox, due at {@code at}; {@code reason} goes to the timeline when not null. */
    void reschedule(Decision d, Instant at, String reason, int attempts) {
        tx.executeWithoutResult(status -> {
            decisions.reschedule(d.id(), at, reason, attempts);
            if (reason != null) {
                timeline.append(d.incidentId(), "DECISION_WAITING", d.requestedBy(),
                        d.command().words().and("tl.waiting", Arg.value(reason), Arg.time(at)));
            }
        });
    }
}
