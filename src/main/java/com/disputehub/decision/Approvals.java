package com.disputehub.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Sql;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Texts;
import com.disputehub.incident.Timeline;
import com.disputehub.incident.TimelineText.Arg;

/**
 * A supervisor's answer to a decision waiting for approval (DOMAIN X6): approved, it joins the outbox; not
 * approved, nothing is sent. Never by its own requester, always with a reason; the database takes one answer
 * per decision, so two supervisors answering at once cannot both win.
 */
@Service
public class Approvals {

    private static final int REASON = 1000;

    private final Decisions decisions;
    private final DecisionService service;
    private final IncidentStore incidents;
    private final Timeline timeline;
    private final DecisionEvents events;
    private final JdbcClient jdbc;
    private final Clock clock;

    Approvals(Decisions decisions, DecisionService service, IncidentStore incidents, Timeline timeline, DecisionEvents events, JdbcClient jdbc,
              Clock clock) {
        this.decisions = decisions;
        this.service = service;
        this.incidents = incidents;
        this.timeline = timeline;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A supervisor's answer, as stored. */
    public record Review(String verdict, String reviewedBy, String reason, Instant reviewedAt) {
    }

    /**
     * Puts the decision in the outbox, checked again as it would be now: an incident that moved on since (closed,
     * refunded elsewhere) refuses it, and it keeps waiting for a "no".
     */
    @Transactional
    public Decision approve(UUID decisionId, String reviewer, String reason) {
        Decision d = pending(decisionId, reviewer, reason);
        Incident incident = incidents.find(d.incidentId()).orElseThrow(() -> new IncidentNotFoundException(d.incidentId()));
        service.vet(incident, d.command());
        answer(d, DecisionState.REQUESTED, "APPROVED", reviewer, reason);
        timeline.append(d.incidentId(), "DECISION_APPROVED", reviewer, d.command().words()
                .and("tl.approved", Arg.values(d.requestedBy(), reason.trim())));
        return decisions.find(decisionId).orElseThrow();
    }

    @Transactional
    public Decision reject(UUID decisionId, String reviewer, String reason) {
        Decision d = pending(decisionId, reviewer, reason);
        answer(d, DecisionState.NOT_APPROVED, "NOT_APPROVED", reviewer, reason);
        timeline.append(d.incidentId(), "DECISION_NOT_APPROVED", reviewer, d.command().words()
                .and("tl.notApproved", Arg.values(d.requestedBy(), reason.trim())));
        return decisions.find(decisionId).orElseThrow();
    }

    /** The reviews of these decisions, by decision, for those a supervisor has answered; one query for a whole list. */
    public Map<UUID, Review> reviews(Collection<UUID> decisionIds) {
        if (decisionIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Review> reviews = new HashMap<>();
        jdbc.sql("select * from decision_review where decision_id in (:ids)").param("ids", decisionIds)
                .query(rs -> {
                    reviews.put(rs.getObject("decision_id", UUID.class), new Review(rs.getString("verdict"),
                            rs.getString("reviewed_by"), rs.getString("reason"), rs.getTimestamp("reviewed_at").toInstant()));
                });
        return reviews;
    }

    /** Decisions waiting for approval, oldest first. */
    public List<Decision> pending(int limit) {
        return decisions.inState(DecisionState.APPROVAL_PENDING, limit, true);
    }

    /** A supervisor's reason: required, at most 1,000 characters. */
    public static void checkReason(String reason) {
        Texts.check("reason", reason, REASON);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("give a 'reason' for the approval or refusal");
        }
    }

    private Decision pending(UUID decisionId, String reviewer, String reason) {
        checkReason(reason);
        Decision d = decisions.find(decisionId).orElseThrow(() -> new DecisionNotFoundException(decisionId));
        if (d.state() != DecisionState.APPROVAL_PENDING) {
            throw new DecisionRefusedException(DecisionRefusedException.Kind.CONFLICT, List.of(
                    "only a decision waiting for approval can be approved or refused; this one is " + d.state()));
        }
        if (d.requestedBy().equalsIgnoreCase(reviewer)) {
            throw new DecisionRefusedException(DecisionRefusedException.Kind.FOUR_EYES, List.of(
                    "four eyes: a decision is approved or refused by someone other than its requester (" + d.requestedBy() + ")"));
        }
        return d;
    }

    private void answer(Decision d, DecisionState to, String verdict, String reviewer, String reason) {
        int reviews = jdbc.sql("""
                insert into decision_review (decision_id, verdict, reviewed_by, reason, reviewed_at) values (?, ?, ?, ?, ?)
                on conflict (decision_id) do nothing
                """).params(d.id(), verdict, reviewer, reason.trim(), Sql.ts(clock.instant())).update();
        if (reviews == 0 || !decisions.leaveApproval(d.id(), to)) {
            throw new DecisionRefusedException(DecisionRefusedException.Kind.CONFLICT, List.of(
                    "another supervisor has just answered this decision; see its state"));
        }
        events.reached(d.id());
    }
}
