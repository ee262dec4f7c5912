package com.disputehub.decision;

import java.util.UUID;

/** No decision has this id. */
public class DecisionNotFoundException extends RuntimeException {

    public DecisionNotFoundException(UUID id) {
        super("no decision " + id);
    }
}
