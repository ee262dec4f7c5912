package com.disputehub.incident;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.disputehub.database.CsvCopy;
import com.disputehub.event.EventLog;
import com.disputehub.event.EventSubject;
import com.disputehub.event.EventType;

/** Writes the incident events (DOMAIN X7) in the transaction of the change, each carrying the incident's digest. */
@Component
public class IncidentEvents {

    /** Who made a change: the channel (a sync), a decision, an ERP through the API (a key), or a person. */
    public enum Source { CHANNEL, DECISION, ERP, PERSON;

        /** ERP for an API key ({@code key:<name>}), PERSON for someone signed in. */
        public static Source of(String actor) {
            return actor.startsWith("key:") ? ERP : PERSON;
        }
    }

    private final EventLog events;
    private final ExternalRefs refs;
    private final WorkStates work;

    IncidentEvents(EventLog events, ExternalRefs refs, WorkStates work) {
        this.events = events;
        this.refs = refs;
        this.work = work;
    }

    /**
     * incident.created for each of these new incidents, encoded for one copy ({@link CsvCopy#copy(JdbcTemplate,
     * CsvCopy.Encoded)}) in their transaction, nothing read: a new incident has no ERP references yet, and its owner is
     * the one automatic assignment gave it, if any.
     */
    CsvCopy.Encoded encodeCreated(List<Incident> incidents, Map<UUID, String> assignees) {
        return events.encode(created(incidents, assignees));
    }

    private static List<EventLog.Pending> created(List<Incident> incidents, Map<UUID, String> assignees) {
        return incidents.stream().map(i -> new EventLog.Pending(EventType.INCIDENT_CREATED, subject(i),
                Map.of("incident", IncidentDigest.of(i, Map.of(), assignees.get(i.id()))))).toList();
    }

    /** incident.updated naming what changed, or incident.closed when the change ends the incident. */
    void updated(Incident before, Incident after, List<String> fields, Source source) {
        updatedAll(List.of(new Update(before, after, fields)), source);
    }

    /** {@link #updated} for many incidents from one source, in one batch. */
    void updatedAll(List<Update> updates, Source source) {
        Function<Incident, IncidentDigest> digests = digests(updates.stream().map(u -> u.after().id()).toList());
        events.appendAll(updates.stream().map(u -> {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("fields", u.fields());
            changes.put("previousStatus", u.before().status());
            changes.put("messagesAdded", added(u.before(), u.after()));
            changes.put("evidenceAdded", Math.max(0, u.after().evidence().size() - u.before().evidence().size()));
            EventType type = u.before().status().isOpen() && !u.after().status().isOpen() ? EventType.INCIDENT_CLOSED
                    : EventType.INCIDENT_UPDATED;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("incident", digests.apply(u.after()));
            data.put("changes", changes);
            data.put("source", source);
            return new EventLog.Pending(type, subject(u.after()), data);
        }).toList());
    }

    /** The digests of these incidents as given, their references and assignees read in one query each. */
    public Map<UUID, IncidentDigest> digests(Collection<Incident> incidents) {
        Function<Incident, IncidentDigest> digests = digests(incidents.stream().map(Incident::id).distinct().toList());
        Map<UUID, IncidentDigest> all = new HashMap<>();
        incidents.forEach(i -> all.put(i.id(), digests.apply(i)));
        return all;
    }

    /** Digests of these incidents, their references and assignees read in one query each. */
    private Function<Incident, IncidentDigest> digests(List<UUID> ids) {
        Map<UUID, Map<String, String>> references = refs.of(ids);
        Map<UUID, WorkState> states = work.of(ids);
        return i -> IncidentDigest.of(i, references.getOrDefault(i.id(), Map.of()),
                states.getOrDefault(i.id(), WorkState.NONE).assignee());
    }

    /** One change of {@link #updatedAll}: the incident before and after, and the fields that changed. */
    record Update(Incident before, Incident after, List<String> fields) {
    }

    public static EventSubject subject(Incident incident) {
        return new EventSubject(incident.id(), incident.channelType(), incident.accountId());
    }

    private static int added(Incident before, Incident after) {
        Set<String> known = new HashSet<>();
        before.messages().forEach(m -> known.add(m.externalId()));
        return (int) after.messages().stream().filter(m -> !known.contains(m.externalId())).count();
    }
}
