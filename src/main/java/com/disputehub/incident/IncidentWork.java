package com.disputehub.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.database.Sql;
import com.disputehub.incident.TimelineText.Arg;

/**
 * Changes the seller's work on an incident (DOMAIN X9): its owner, its pin, its snooze. Each change is on the
 * timeline; a change of owner is also in the change feed and an incident.updated event, which carry the
 * assignee. The caller checks that an assignee may be one (an enabled person who decides).
 */
@Repository
public class IncidentWork {

    /** A snooze ends this long before the incident's deadline at the latest, so that it never hides one due. */
    public static final Duration BEFORE_DEADLINE = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final WorkStates states;
    private final Timeline timeline;
    private final ChangeFeed changes;
    private final IncidentEvents events;
    private final IncidentRowMapper rows;
    private final AssignmentProperties assignment;
    private final Clock clock;
    private final TransactionTemplate tx;

    IncidentWork(JdbcClient jdbc, WorkStates states, Timeline timeline, ChangeFeed changes, IncidentEvents events,
                 tools.jackson.databind.ObjectMapper json, AssignmentProperties assignment, Clock clock,
                 PlatformTransactionManager transactions) {
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.states = states;
        this.timeline = timeline;
        this.changes = changes;
        this.events = events;
        this.rows = new IncidentRowMapper(json);
        this.assignment = assignment;
        this.clock = clock;
    }

    /** Gives the incident to {@code assignee} (null: to nobody); false when it already was. */
    @Transactional
    public boolean assign(UUID incidentId, String assignee, String actor, IncidentEvents.Source source) {
        return change(incidentId, assignee, actor, source);
    }

    private boolean change(UUID incidentId, String assignee, String actor, IncidentEvents.Source source) {
        Incident incident = lock(incidentId);
        String before = states.of(incidentId).assignee();
        if (Objects.equals(before, assignee)) {
            return false;
        }
        jdbc.sql("""
                insert into incident_work (incident_id, assignee, assigned_by, assigned_at) values (?, ?, ?, ?)
                on conflict (incident_id) do update set assignee = excluded.assignee, assigned_by = excluded.assigned_by,
                  assigned_at = excluded.assigned_at
                """).params(incidentId, assignee, actor, Sql.ts(clock.instant())).update();
        timeline.append(incidentId, "ASSIGNED", actor, assignee == null ? TimelineText.of("tl.unassigned", Arg.value(before))
                : before == null ? TimelineText.of("tl.assigned", Arg.value(assignee))
                : TimelineText.of("tl.reassigned", Arg.values(assignee, before)));
        changes.record(incidentId, "UPDATED");
        events.updated(incident, incident, List.of("assignee"), source);
        return true;
    }

    /** Gives each of these incidents to {@code assignee} (null: to nobody), each in its own transaction; how many changed. */
    public int assignAll(List<UUID> incidentIds, String assignee, String actor, IncidentEvents.Source source) {
        int changed = 0;
        for (UUID id : incidentIds) {
            if (Boolean.TRUE.equals(tx.execute(status -> change(id, assignee, actor, source)))) {
                changed++;
            }
        }
        return changed;
    }

    /** Pins or unpins the incident; false when it already was so. */
    @Transactional
    public boolean pin(UUID incidentId, boolean pinned, String actor) {
        lock(incidentId);
        int changed = pinned ? jdbc.sql("""
                insert into incident_work (incident_id, pinned) values (?, true)
                on conflict (incident_id) do update set pinned = true where not incident_work.pinned
                """).param(incidentId).update()
                : jdbc.sql("update incident_work set pinned = false where incident_id = ? and pinned").param(incidentId).update();
        if (changed == 0) {
            return false;
        }
        timeline.append(incidentId, pinned ? "PINNED" : "UNPINNED", actor, TimelineText.of(pinned ? "tl.pinned" : "tl.unpinned"));
        return true;
    }

    /**
     * Snoozes the incident until {@code until}, or (null) until the channel changes it; either ends with a change
     * from the channel, and no later than {@link #BEFORE_DEADLINE} before an open incident's deadline. Answers when
     * the snooze ends at the latest (null: at the channel's next change).
     */
    @Transactional
    public Instant snooze(UUID incidentId, Instant until, String actor) {
        Incident incident = lock(incidentId);
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw new IllegalArgumentException("'until' must be in the future, not " + until);
        }
        Instant latest = incident.status().isOpen() && incident.respondBy() != null
                ? incident.respondBy().minus(BEFORE_DEADLINE) : null;
        if (latest != null && !latest.isAfter(now)) {
            throw new IllegalArgumentException("the incident is due at " + incident.respondBy() + ", less than a day from now"
                    + " or already past: a snooze ends a day before the deadline, so it cannot be snoozed");
        }
        if (until != null && latest != null && until.isAfter(latest)) {
            throw new IllegalArgumentException("the incident is due at " + incident.respondBy()
                    + "; snooze it until " + latest + " at the latest");
        }
        Instant ends = until != null ? until : latest;
        jdbc.sql("""
                insert into incident_work (incident_id, snoozed_by, snoozed_at, snoozed_until) values (?, ?, ?, ?)
                on conflict (incident_id) do update set snoozed_by = excluded.snoozed_by, snoozed_at = excluded.snoozed_at,
                  snoozed_until = excluded.snoozed_until
                """).params(incidentId, actor, Sql.ts(now), ends == null ? null : Sql.ts(ends)).update();
        timeline.append(incidentId, "SNOOZED", actor, until != null ? TimelineText.of("tl.snoozedUntil", Arg.time(until))
                : ends == null ? TimelineText.of("tl.snoozedUntilChange")
                : TimelineText.of("tl.snoozedUntilChangeAtLatest", Arg.time(ends)));
        return ends;
    }

    /** Ends a snooze by hand; false when there was none. */
    @Transactional
    public boolean wake(UUID incidentId, String actor) {
        lock(incidentId);
        if (!clearSnooze(incidentId)) {
            return false;
        }
        timeline.append(incidentId, "SNOOZE_ENDED", actor, TimelineText.of("tl.snoozeEnded"));
        return true;
    }

    /** The channel changed these incidents: a snooze on any of them ends (in the sync's transaction). */
    void channelChanged(List<UUID> incidentIds, String channelType) {
        if (incidentIds.isEmpty()) {
            return;
        }
        timeline.appendAll(endSnoozes(incidentIds).stream()
                .map(id -> new Timeline.Entry(id, "SNOOZE_ENDED", channelType, TimelineText.of("tl.snoozeEndedByChannel")))
                .toList());
    }

    /** Whether new incidents of this account are assigned automatically: whether {@link #autoAssign} may assign any. */
    boolean assignsAutomatically(String accountId) {
        return !autoAssignLogins(accountId).isEmpty();
    }

    private List<String> autoAssignLogins(String accountId) {
        return assignment.autoAssign().getOrDefault(accountId, List.of());
    }

    /**
     * New incidents of an account with automatic assignment go, in their order, to the next logins in turn that are
     * enabled people who decide (in the sync's transaction, before their incident.created events). The turn moves
     * once for the whole page, so that a page costs the same few statements however many incidents it brings.
     * The owners by incident; none when the account has no automatic assignment.
     */
    Map<UUID, String> autoAssign(List<UUID> incidentIds, String accountId) {
        List<String> logins = autoAssignLogins(accountId);
        if (logins.isEmpty() || incidentIds.isEmpty()) {
            return Map.of();
        }
        List<String> eligible = jdbc.sql("""
                select login from app_user where enabled and role <> 'VIEWER' and lower(login) = any(?)
                """).param(logins.stream().map(l -> l.toLowerCase(java.util.Locale.ROOT)).toArray(String[]::new))
                .query(String.class).list();
        List<String> turnOrder = logins.stream().flatMap(l -> eligible.stream().filter(e -> e.equalsIgnoreCase(l))).toList();
        if (turnOrder.isEmpty()) {
            return Map.of();
        }
        int count = incidentIds.size();
        long last = jdbc.sql("""
                insert into assignment_turn (account_id, turn) values (?, ?)
                on conflict (account_id) do update set turn = assignment_turn.turn + ? returning turn
                """).params(accountId, count - 1, count).query(Long.class).single();
        String[] assignees = new String[count];
        for (int n = 0; n < count; n++) {
            assignees[n] = turnOrder.get((int) ((last - count + 1 + n) % turnOrder.size()));
        }
        jdbc.sql("""
                insert into incident_work (incident_id, assignee, assigned_by, assigned_at)
                select incident_id, assignee, 'auto', ? from unnest(?, ?) as t(incident_id, assignee)
                """).params(Sql.ts(clock.instant()), incidentIds.toArray(UUID[]::new), assignees).update();
        List<Timeline.Entry> entries = new ArrayList<>(count);
        Map<UUID, String> owners = new HashMap<>();
        for (int n = 0; n < count; n++) {
            entries.add(new Timeline.Entry(incidentIds.get(n), "ASSIGNED", "auto",
                    TimelineText.of("tl.autoAssigned", Arg.value(assignees[n]))));
            owners.put(incidentIds.get(n), assignees[n]);
        }
        timeline.appendAll(entries);
        return owners;
    }

    private boolean clearSnooze(UUID incidentId) {
        return !endSnoozes(List.of(incidentId)).isEmpty();
    }

    /** Ends the snoozes of these incidents; the ids of those that had one. */
    private List<UUID> endSnoozes(List<UUID> incidentIds) {
        return jdbc.sql("""
                update incident_work set snoozed_by = null, snoozed_at = null, snoozed_until = null
                where incident_id = any(?) and snoozed_at is not null returning incident_id
                """).param(incidentIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /** The incident, locked for the change, so that two changes to one incident take turns. */
    private Incident lock(UUID incidentId) {
        return jdbc.sql("select * from incident where id = ? for update").param(incidentId).query(rows).optional()
                .orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
    }
}
