package com.disputehub.decision;

import java.util.List;
import java.util.UUID;

/** Told to listeners, inside the transaction that moved them, when decisions reach a state: one or a dispatched batch. */
public record DecisionsReached(List<DecisionReached> decisions) {

    /** The decisions to which nothing more will happen by themselves. */
    public List<UUID> settled() {
        return decisions.stream().filter(DecisionReached::settled).map(DecisionReached::decisionId).toList();
    }
}
