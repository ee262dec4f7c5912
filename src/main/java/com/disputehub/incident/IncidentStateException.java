package com.disputehub.incident;

/** What was asked does not fit the incident's state now (a 409): the sentence says why. */
public class IncidentStateException extends IllegalStateException {

    public IncidentStateException(String message) {
        super(message);
    }
}
