package com.disputehub.decision;

import java.util.UUID;

/** One decision of {@link DecisionsReached}: the state it reached. */
public record DecisionReached(UUID decisionId, DecisionState state) {

    /** Whether nothing more will happen to the decision by itself. */
    public boolean settled() {
        return state != DecisionState.REQUESTED && state != DecisionState.SENDING && state != DecisionState.APPROVAL_PENDING;
    }
}
