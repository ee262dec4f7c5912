package com.disputehub.decision;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.channel.PushResult;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Timeline;
import com.disputehub.incident.TimelineText;
import com.disputehub.incident.TimelineText.Arg;

/** Records where a decision ended, or that it waits again, on the decision and its incident, in one transaction. */
@Component
class DecisionOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DecisionOutcomes.class);

    private final Decisions decisions;
    private final IncidentStore incidents;
    private final Timeline timeline;
    private final DecisionEvents events;
    private final TransactionTemplate tx;

    DecisionOutcomes(Decisions decisions, IncidentStore incidents, Timeline timeline, DecisionEvents events,
                     TransactionTemplate tx) {
        this.decisions = decisions;
        this.incidents = incidents;
        this.timeline = timeline;
        this.events = events;
        this.tx = tx;
    }

    void finish(Decision d, DecisionState state, String error, PushResult result, int attempts) {
        // the channel's answer and errors stay in their own words; the frame is said in the reader's language
        TimelineText summary = switch (state) {
            case SENT, RECORDED -> d.command().words().and("tl.outcome", Arg.value(result.summary()));
            case REJECTED -> d.command().words().and("tl.rejected", Arg.value(error));
            case UNKNOWN -> d.command().words().and("tl.unknownOutcome", Arg.value(error));
            default -> d.command().words().and("tl.failed", Arg.value(error));
        };
        tx.executeWithoutResult(status -> {
            decisions.finish(d.id(), state, error, result == null ? null : result.channelReference(), attempts);
            incidents.recordDecisionOutcome(d.incidentId(), result == null ? null : result.statusAfter(),
                    d.requestedBy(), summary);
            events.reached(d.id());
        });
        log.info("decision {} on incident {}: {} after {} attempt(s)", d.id(), d.incidentId(), state, attempts);
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
