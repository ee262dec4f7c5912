package com.disputehub.channel;

import java.util.List;
import java.util.UUID;

import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStatus;

/** What an adapter needs to know of the incident a decision is about. */
public record DecisionTarget(UUID incidentId, String externalId, String orderId, List<String> orderLineIds,
                             IncidentStatus status, String rawPayload) {

    public static DecisionTarget of(Incident incident) {
        return new DecisionTarget(incident.id(), incident.externalId(), incident.orderId(), incident.orderLineIds(),
                incident.status(), incident.rawPayload());
    }
}
