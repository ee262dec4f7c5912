package com.disputehub.decision;

import java.util.UUID;

/** No incident has this id. */
public class IncidentNotFoundException extends RuntimeException {

    public IncidentNotFoundException(UUID id) {
        super("no incident " + id);
    }
}
