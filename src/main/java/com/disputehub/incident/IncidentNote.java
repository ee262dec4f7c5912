package com.disputehub.incident;

import java.time.Instant;
import java.util.UUID;

/** An internal note on an incident: seen by the seller's team, never sent to any channel. */
public record IncidentNote(long id, UUID incidentId, String author, String body, Instant createdAt, String onBehalfOf) {
}
