package com.disputehub.api;

import java.time.Instant;
import java.util.UUID;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.decision.Approvals;
import com.disputehub.decision.Decision;
import com.disputehub.decision.DecisionState;

/** A decision as the API shows it. */
record DecisionView(UUID id, UUID incidentId, String accountId, String channel, DecisionCommand decision,
                    DecisionState state, String idempotencyKey, String keyScope, String requestedBy, String onBehalfOf, int attempts,
                    String lastError,
                    String channelReference, Instant createdAt, Instant updatedAt, Instant nextAttemptAt,
                    Approvals.Review review) {

    static DecisionView of(Decision d) {
        return of(d, null);
    }

    /** With the supervisor's answer, for a decision that waited for approval (X6). */
    static DecisionView of(Decision d, Approvals.Review review) {
        return new DecisionView(d.id(), d.incidentId(), d.accountId(), d.channelType(), d.command(), d.state(),
                d.idempotencyKey().key(), d.idempotencyKey().scope(), d.requestedBy(), d.onBehalfOf(), d.attempts(), d.lastError(),
                d.channelReference(), d.createdAt(),
                d.updatedAt(), d.nextAttemptAt(), review);
    }
}
