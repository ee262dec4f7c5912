package com.disputehub.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.event.EventLog;
import com.disputehub.event.EventType;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentDigest;
import com.disputehub.incident.IncidentEvents;
import com.disputehub.incident.IncidentStore;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes a decision.* event (DOMAIN X7) for the state a decision has just reached, in the transaction that moved
 * it, with the decision and its incident's digest; then tells the listeners in the same transaction (a bulk run
 * learns that its item settled).
 */
@Component
class DecisionEvents {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final IncidentStore incidents;
    private final IncidentEvents incidentEvents;
    private final EventLog events;
    private final ApplicationEventPublisher listeners;

    DecisionEvents(JdbcClient jdbc, ObjectMapper json, IncidentStore incidents, IncidentEvents incidentEvents, EventLog events,
                   ApplicationEventPublisher listeners) {
        this.jdbc = jdbc;
        this.json = json;
        this.incidents = incidents;
        this.incidentEvents = incidentEvents;
        this.events = events;
        this.listeners = listeners;
    }

    /** Read as stored, without the decision's own parsing: a decision that cannot be parsed is told too. */
    void reached(UUID decisionId) {
        reachedAll(List.of(decisionId), Map.of());
    }

    /**
     * {@link #reached} for many decisions, in one query each for the decisions, the incidents not in {@code incidents}
     * (as they stand now) and their digests.
     */
    void reachedAll(List<UUID> decisionIds, Map<UUID, Incident> incidents) {
        Map<UUID, Map<String, Object>> stored = new HashMap<>();
        jdbc.sql("select * from decision where id in (:ids)").param("ids", decisionIds).query(rs -> {
            Map<String, Object> d = row(rs);
            stored.put((UUID) d.get("id"), d);
        });
        List<Map<String, Object>> told = decisionIds.stream().map(id -> {
                    Map<String, Object> d = stored.get(id);
                    if (d == null) {
                        throw new NoSuchElementException("no decision " + id);
                    }
                    return d;
                })
                .filter(d -> type(DecisionState.valueOf((String) d.get("state"))) != null).toList();
        if (told.isEmpty()) {
            return;
        }
        Map<UUID, Incident> current = new HashMap<>(incidents);
        List<UUID> missing = told.stream().map(d -> (UUID) d.get("incidentId")).filter(id -> !current.containsKey(id))
                .distinct().toList();
        current.putAll(this.incidents.findAll(missing));
        Map<UUID, IncidentDigest> digests = incidentEvents.digests(told.stream()
                .map(d -> current.get((UUID) d.get("incidentId"))).toList());
        events.appendAll(told.stream().map(d -> {
            Incident incident = current.get((UUID) d.get("incidentId"));
            return new EventLog.Pending(type(DecisionState.valueOf((String) d.get("state"))), IncidentEvents.subject(incident),
                    Map.of("decision", d, "incident", digests.get(incident.id())));
        }).toList());
        listeners.publishEvent(new DecisionsReached(told.stream().map(d -> new DecisionReached((UUID) d.get("id"),
                DecisionState.valueOf((String) d.get("state")))).toList()));
    }

    private Map<String, Object> row(ResultSet rs) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        UUID id = rs.getObject("id", UUID.class);
        d.put("id", id);
        d.put("incidentId", rs.getObject("incident_id", UUID.class));
        d.put("type", rs.getString("type"));
        d.put("state", rs.getString("state"));
        d.put("decision", json.readTree(rs.getString("payload")));
        d.put("requestedBy", rs.getString("requested_by"));
        d.put("onBehalfOf", rs.getString("on_behalf_of"));
        String scope = rs.getString("key_scope");
        d.put("idempotencyKey", rs.getString("idempotency_key").substring(scope.length() + 1));
        d.put("keyScope", scope);
        d.put("attempts", rs.getInt("attempts"));
        d.put("lastError", rs.getString("last_error"));
        d.put("channelReference", rs.getString("channel_reference"));
        d.put("createdAt", rs.getTimestamp("created_at").toInstant());
        d.put("updatedAt", rs.getTimestamp("updated_at").toInstant());
        d.put("links", Map.of("self", "/api/decisions/" + id));
        return d;
    }

    private static EventType type(DecisionState state) {
        return switch (state) {
            case REQUESTED -> EventType.DECISION_REQUESTED;
            case APPROVAL_PENDING -> EventType.DECISION_APPROVAL_PENDING;
            case NOT_APPROVED -> EventType.DECISION_NOT_APPROVED;
            case SENT -> EventType.DECISION_SENT;
            case RECORDED -> EventType.DECISION_RECORDED;
            case REJECTED -> EventType.DECISION_REJECTED;
            case FAILED -> EventType.DECISION_FAILED;
            case UNKNOWN -> EventType.DECISION_UNKNOWN;
            case SENDING -> null;
        };
    }
}
