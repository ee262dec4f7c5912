package com.disputehub.incident;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One entry of an incident's history: what happened, when, and who did it; {@code text} the same in words pages
 * translate (null when the entry is in a channel's own words).
 */
public record TimelineEvent(long id, UUID incidentId, Instant at, String type, String actor, String summary,
                            @JsonIgnore TimelineText text) {
}
