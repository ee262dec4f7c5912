package com.disputehub.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery in an endpoint's log: its event, where it stands, and every attempt it took. */
public record DeliveryLog(long id, UUID eventId, long eventSequence, String eventType, String state, boolean replay,
                          int attempts, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError,
                          List<Attempt> attemptLog) {

    DeliveryLog withAttempts(List<Attempt> log) {
        return new DeliveryLog(id, eventId, eventSequence, eventType, state, replay, attempts, nextAttemptAt,
                deliveredAt, lastStatus, lastError, log);
    }

    /** One HTTP attempt: when, the status (null when no answer came), how long, the answer's start, the error. */
    public record Attempt(long deliveryId, Instant at, Integer status, int latencyMs, String responseExcerpt,
                          String error) {
    }
}
