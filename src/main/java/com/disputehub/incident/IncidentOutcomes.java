package com.disputehub.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Sql;

import tools.jackson.databind.ObjectMapper;

/**
 * Records the outcomes of decisions on their incidents, many at once (issue 17: a dispatcher records what a batch of
 * pushes brought in one transaction): the status a push leaves, held as {@link IncidentStore} explains; a timeline
 * entry and a change per outcome; incident.updated where the status changed. Each statement serves the whole batch.
 */
@Component
public class IncidentOutcomes {

    private final JdbcClient jdbc;
    private final IncidentRowMapper rows;
    private final Timeline timeline;
    private final ChangeFeed changes;
    private final IncidentEvents events;
    private final Clock clock;

    IncidentOutcomes(JdbcClient jdbc, ObjectMapper json, Timeline timeline, ChangeFeed changes,
                     IncidentEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.rows = new IncidentRowMapper(json);
        this.timeline = timeline;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /** One decision's outcome: the status the channel now shows (null: unchanged) and what the timeline says. */
    public record Outcome(UUID incidentId, IncidentStatus statusAfter, String actor, TimelineText summary) {
    }

    /**
     * Records these outcomes, in their order, and answers each incident as it stands after them. The incidents are
     * locked in id order, so that batches touching the same incidents wait for each other instead of deadlocking.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<UUID, Incident> recordAll(List<Outcome> outcomes) {
        Map<UUID, Incident> current = new LinkedHashMap<>();
        jdbc.sql("select * from incident where id in (:ids) order by id for update")
                .param("ids", outcomes.stream().map(Outcome::incidentId).distinct().toList())
                .query(rows).list().forEach(i -> current.put(i.id(), i));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        OffsetDateTime at = Sql.ts(now);
        Map<UUID, Incident> changed = new LinkedHashMap<>();
        List<IncidentEvents.Update> updates = new ArrayList<>();
        List<Timeline.Entry> entries = new ArrayList<>();
        for (Outcome o : outcomes) {
            Incident before = current.get(o.incidentId());
            if (before == null) {
                throw new NoSuchElementException("no incident " + o.incidentId());
            }
            if (o.statusAfter() != null) {
                Incident after = before.withStatus(o.statusAfter(), now);
                changed.put(after.id(), after);
                if (o.statusAfter() != before.status()) {
                    updates.add(new IncidentEvents.Update(before, after, List.of("status")));
                }
                current.put(after.id(), after);
            }
            entries.add(new Timeline.Entry(o.incidentId(), "DECISION", o.actor(), o.summary()));
        }
        if (!changed.isEmpty()) {
            // one statement, so that the tab counters' statement trigger runs once for the batch
            jdbc.sql("""
                    update incident i set status = v.status, status_hold_basis = v.basis, updated_at = :at
                    from unnest(:ids, :statuses, :bases) as v(id, status, basis) where i.id = v.id
                    """)
                    .param("ids", Sql.uuidArray(changed.keySet()))
                    .param("statuses", Sql.textArray(changed.values().stream().map(i -> i.status().name()).toList()))
                    .param("bases", Sql.textArray(changed.values().stream()
                            .map(i -> IncidentStore.holdBasis(i.channelStatus(), i.rawStatus(), i.messages())).toList()))
                    .param("at", at)
                    .update();
        }
        events.updatedAll(updates, IncidentEvents.Source.DECISION);
        timeline.appendAll(entries);
        changes.recordAll(outcomes.stream().map(Outcome::incidentId).toList(), "UPDATED");
        return current;
    }
}
