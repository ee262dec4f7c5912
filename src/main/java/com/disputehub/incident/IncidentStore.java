package com.disputehub.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import com.disputehub.database.Sql;
import com.disputehub.incident.TimelineText.Arg;

import tools.jackson.databind.ObjectMapper;

/**
 * Stores incidents: an idempotent upsert that writes a timeline entry and a change event only for a real
 * change; {@link IncidentOutcomes} records what decisions did.
 *
 * <p>A decision may set a status the channel cannot show yet ("waiting for platform" after marking resolved
 * while the line is still open). That status is held while the channel keeps reporting the same state, and
 * released as soon as the channel shows something new: another state, or a message from anyone but the seller
 * (the buyer's answer to the seller's message puts the incident back in the seller's hands, DOMAIN M1).
 */
@Repository
public class IncidentStore {

    /** Marks a hold the seller set by saying the last message needs no reply: it holds who acts and the deadline too. */
    static final String NO_REPLY = "no-reply|";

    private final JdbcClient jdbc;
    private final IncidentRowMapper rows;
    private final Timeline timeline;
    private final ChangeFeed changes;
    private final IncidentEvents events;
    private final ExternalRefs refs;
    private final IncidentUpserts upserts;
    private final Clock clock;

    IncidentStore(JdbcClient jdbc, ObjectMapper json, IncidentUpserts upserts, Timeline timeline, ChangeFeed changes,
                  IncidentEvents events, ExternalRefs refs, Clock clock) {
        this.upserts = upserts;
        this.jdbc = jdbc;
        this.rows = new IncidentRowMapper(json);
        this.timeline = timeline;
        this.changes = changes;
        this.events = events;
        this.refs = refs;
        this.clock = clock;
    }

    /** Stores one incident as a channel shows it: {@link #upsertAll} of one. */
    @Transactional
    public UpsertResult upsert(IncidentSource source, IncidentSnapshot snapshot) {
        return upserts.upsert(source, List.of(snapshot)).get(0);
    }

    /**
     * Stores a page of what a channel shows, set-based and in one transaction: one result per snapshot, in their
     * order. Should one of them fail, nothing of the page is stored.
     */
    @Transactional
    public List<UpsertResult> upsertAll(IncidentSource source, List<IncidentSnapshot> snapshots) {
        return upserts.upsert(source, snapshots);
    }

    /**
     * Marks the last message, the buyer's or the operator's, as needing no reply (a thank-you, DOMAIN M5): the incident
     * then waits for its author, without a deadline and without the suggestion to answer, until the channel shows
     * something new (another state, another message). False when it already was marked; an
     * {@link IncidentStateException} when the incident does not wait for the seller's answer to such a message.
     */
    @Transactional
    public boolean markNoReplyNeeded(UUID incidentId, String actor, IncidentEvents.Source source) {
        Stored stored = jdbc.sql("select * from incident where id = ? for update").param(incidentId)
                .query((rs, n) -> new Stored(rows.mapRow(rs, n), rs.getString("status_hold_basis")))
                .optional().orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
        Incident incident = stored.incident();
        String basis = NO_REPLY + holdBasis(incident.channelStatus(), incident.rawStatus(), incident.messages());
        if (basis.equals(stored.holdBasis())) {
            return false;
        }
        IncidentMessage last = incident.messages().isEmpty() ? null : incident.messages().get(incident.messages().size() - 1);
        if (!incident.awaitsAnswer()) {
            throw new IncidentStateException("only an incident waiting for the seller's answer to a message of the buyer or "
                    + "the operator can be marked as needing no reply; this one is " + text(incident.status())
                    + (last == null ? ", without messages" : ", its last message from " + text(last.author())));
        }
        boolean buyer = last.author() == PartyRole.BUYER;
        jdbc.sql("""
                update incident set status = ?, action_owner = ?, respond_by = null, status_hold_basis = ?, updated_at = ?
                where id = ?
                """).params((buyer ? IncidentStatus.WAITING_FOR_BUYER : IncidentStatus.WAITING_FOR_PLATFORM).name(),
                        (buyer ? ActionOwner.BUYER : ActionOwner.PLATFORM).name(), basis, Sql.ts(clock.instant()), incidentId)
                .update();
        timeline.append(incidentId, "NO_REPLY_NEEDED", actor, TimelineText.of("tl.noReplyNeeded", Arg.word("party.", last.author())));
        changes.record(incidentId, "UPDATED");
        events.updated(incident, find(incidentId).orElseThrow(), List.of("status", "actionOwner", "respondBy"), source);
        return true;
    }

    /**
     * Replaces the references an ERP keeps on an incident; a real change is on the timeline, in the change feed
     * and in an incident.updated event. False when nothing changed.
     */
    @Transactional
    public boolean setExternalRefs(UUID incidentId, Map<String, String> references, String actor) {
        Incident incident = jdbc.sql("select * from incident where id = ? for update").param(incidentId).query(rows)
                .optional().orElseThrow(() -> new NoSuchElementException("no incident " + incidentId));
        if (!refs.replace(incidentId, references, actor)) {
            return false;
        }
        timeline.append(incidentId, "EXTERNAL_REFS", actor, references.isEmpty() ? TimelineText.of("tl.refsRemoved")
                : TimelineText.of("tl.refs", Arg.value(String.join(", ", references.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).toList()))));
        changes.record(incidentId, "UPDATED");
        events.updated(incident, incident, List.of("externalRefs"), IncidentEvents.Source.ERP);
        return true;
    }

    public Optional<Incident> find(UUID id) {
        return jdbc.sql("select * from incident where id = ?").param(id).query(rows).optional();
    }

    /** These incidents by id, read in one query; those that do not exist are not in the map. */
    public Map<UUID, Incident> findAll(Collection<UUID> ids) {
        Map<UUID, Incident> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from incident where id in (:ids)").param("ids", ids).query(rows).list()
                    .forEach(i -> found.put(i.id(), i));
        }
        return found;
    }

    /** What a held status stands on: the channel's state and how many messages others have written. */
    static String holdBasis(IncidentStatus channelStatus, String rawStatus, List<IncidentMessage> messages) {
        return channelStatus + "|" + rawStatus + "|" + messages.stream().filter(m -> m.author() != PartyRole.SELLER).count();
    }

    /** What was stored and how: the incident and the basis of a held status. */
    private record Stored(Incident incident, String holdBasis) {
    }

    private static String text(Enum<?> value) {
        return value.name().toLowerCase().replace('_', ' ');
    }
}
