package com.disputehub.decision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.event.EventLog;
import com.disputehub.event.EventType;
import com.disputehub.incident.Incident;
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
        Map<String, Object> decision = jdbc.sql("select * from decision where id = ?").param(decisionId).query((rs, n) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", rs.getObject("id", UUID.class));
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
            d.put("links", Map.of("self", "/api/decisions/" + decisionId));
            return d;
        }).single();
        DecisionState state = DecisionState.valueOf((String) decision.get("state"));
        EventType type = type(state);
        if (type == null) {
            return;
        }
        Incident incident = incidents.find((UUID) decision.get("incidentId")).orElseThrow();
        events.append(type, IncidentEvents.subject(incident),
                Map.of("decision", decision, "incident", incidentEvents.digest(incident)));
        listeners.publishEvent(new DecisionReached(decisionId, state));
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
