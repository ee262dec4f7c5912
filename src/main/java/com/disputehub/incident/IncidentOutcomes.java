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

import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate batch;
    private final IncidentRowMapper rows;
    private final Timeline timeline;
    private final ChangeFeed changes;
    private final IncidentEvents events;
    private final Clock clock;

    IncidentOutcomes(JdbcClient jdbc, JdbcTemplate batch, ObjectMapper json, Timeline timeline, ChangeFeed changes,
                     IncidentEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
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
        List<Object[]> statuses = new ArrayList<>();
        List<IncidentEvents.Update> updates = new ArrayList<>();
        List<Timeline.Entry> entries = new ArrayList<>();
        for (Outcome o : outcomes) {
            Incident before = current.get(o.incidentId());
            if (before == null) {
                throw new NoSuchElementException("no incident " + o.incidentId());
            }
            if (o.statusAfter() != null) {
                Incident after = before.withStatus(o.statusAfter(), now);
                statuses.add(new Object[] {o.statusAfter().name(),
                        IncidentStore.holdBasis(before.channelStatus(), before.rawStatus(), before.messages()), at, before.id()});
                if (o.statusAfter() != before.status()) {
                    updates.add(new IncidentEvents.Update(before, after, List.of("status")));
                }
                current.put(after.id(), after);
            }
            entries.add(new Timeline.Entry(o.incidentId(), "DECISION", o.actor(), o.summary()));
        }
        if (!statuses.isEmpty()) {
            batch.batchUpdate("update incident set status = ?, status_hold_basis = ?, updated_at = ? where id = ?", statuses);
        }
        events.updatedAll(updates, IncidentEvents.Source.DECISION);
        timeline.appendAll(entries);
        changes.recordAll(outcomes.stream().map(Outcome::incidentId).toList(), "UPDATED");
        return current;
    }
}
