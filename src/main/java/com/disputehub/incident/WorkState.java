package com.disputehub.incident;

import java.time.Instant;

/**
 * A seller's own work on an incident: who owns it, whether it is pinned, whether it is snoozed and until when
 * ({@code snoozedUntil} null: until the channel changes it). Nothing here comes from a channel.
 */
public record WorkState(String assignee, Instant assignedAt, boolean pinned, Instant snoozedAt, Instant snoozedUntil) {

    public static final WorkState NONE = new WorkState(null, null, false, null, null);

    /** Whether the snooze still holds at {@code now}: a time snooze ends at its time; any ends with a channel change. */
    public boolean snoozed(Instant now) {
        return snoozedAt != null && (snoozedUntil == null || snoozedUntil.isAfter(now));
    }
}
