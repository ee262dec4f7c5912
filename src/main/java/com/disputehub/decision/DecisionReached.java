package com.disputehub.decision;

import java.util.UUID;

/** Told to listeners, inside the transaction that moved it, when a decision reaches a state. */
public record DecisionReached(UUID decisionId, DecisionState state) {

    /** Whether nothing more will happen to the decision by itself. */
    public boolean settled() {
        return state != DecisionState.REQUESTED && state != DecisionState.SENDING && state != DecisionState.APPROVAL_PENDING;
    }
}
