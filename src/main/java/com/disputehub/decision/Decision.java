package com.disputehub.decision;

import java.time.Instant;
import java.util.UUID;

import com.disputehub.channel.command.DecisionCommand;

/**
 * One decision on one incident, with where it stands. {@code onBehalfOf} is who an ERP says it acts for: its word,
 * shown as such; the actor is {@code requestedBy}.
 */
public record Decision(UUID id, UUID incidentId, String accountId, String channelType, DecisionCommand command,
                       DecisionState state, IdempotencyKey idempotencyKey, String requestedBy, int attempts,
                       String lastError, String channelReference, Instant createdAt, Instant updatedAt,
                       Instant nextAttemptAt, Instant claimedAt, String onBehalfOf) {
}
