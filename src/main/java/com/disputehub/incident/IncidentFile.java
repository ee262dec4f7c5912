package com.disputehub.incident;

import java.time.Instant;
import java.util.UUID;

/** A file kept with an incident (evidence a seller sent with a decision); the bytes are read separately. */
public record IncidentFile(long id, UUID incidentId, UUID decisionId, String fileName, String contentType, int sizeBytes,
                           String sha256, Instant createdAt) {
}
