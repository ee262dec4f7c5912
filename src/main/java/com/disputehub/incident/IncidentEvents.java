package com.disputehub.incident;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

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

    void created(Incident incident) {
        events.append(EventType.INCIDENT_CREATED, subject(incident), Map.of("incident", digest(incident)));
    }

    /** incident.updated naming what changed, or incident.closed when the change ends the incident. */
    void updated(Incident before, Incident after, List<String> fields, Source source) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("fields", fields);
        changes.put("previousStatus", before.status());
        changes.put("messagesAdded", added(before, after));
        changes.put("evidenceAdded", Math.max(0, after.evidence().size() - before.evidence().size()));
        EventType type = before.status().isOpen() && !after.status().isOpen() ? EventType.INCIDENT_CLOSED
                : EventType.INCIDENT_UPDATED;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("incident", digest(after));
        data.put("changes", changes);
        data.put("source", source);
        events.append(type, subject(after), data);
    }

    /** The digest events carry, with the incident's current references and assignee. */
    public IncidentDigest digest(Incident incident) {
        return IncidentDigest.of(incident, refs.of(incident.id()), work.of(incident.id()).assignee());
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
