package com.disputehub.event;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One event of the stream, as an ERP receives it by pull, webhook or AMQP: a unique id (the webhook-id and the
 * AMQP message id, for de-duplication), its place in commit order, its type, and the data to act on.
 */
public record Event(UUID id, long sequence, String type, Instant timestamp, String channel, String account,
                    UUID incidentId, JsonNode data) {
}
