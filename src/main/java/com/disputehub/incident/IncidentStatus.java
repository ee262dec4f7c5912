package com.disputehub.incident;

/** Normalized status shared by every channel; the channel's own status is kept beside it as raw text. */
public enum IncidentStatus {
    NEEDS_SELLER_ACTION(true),
    WAITING_FOR_BUYER(true),
    WAITING_FOR_PLATFORM(true),
    WAITING_FOR_CARRIER_OR_SUPPLIER(true),
    DECISION_SENT(true),
    RESOLVED(false),
    CLOSED(false),
    REJECTED(false),
    CANCELLED(false);

    private final boolean open;

    IncidentStatus(boolean open) {
        this.open = open;
    }

    /** Whether the channel may still change this incident, so that sync keeps following it. */
    public boolean isOpen() {
        return open;
    }
}
