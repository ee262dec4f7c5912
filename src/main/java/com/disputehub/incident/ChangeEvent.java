package com.disputehub.incident;

import java.time.Instant;
import java.util.UUID;

/** One entry of the change feed that ERPs read: an incident was created or changed. */
public record ChangeEvent(long sequence, UUID incidentId, String change, Instant at) {
}
