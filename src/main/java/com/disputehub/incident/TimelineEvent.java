package com.disputehub.incident;

import java.time.Instant;
import java.util.UUID;

/** One entry of an incident's history: what happened, when, and who did it. */
public record TimelineEvent(long id, UUID incidentId, Instant at, String type, String actor, String summary) {
}
