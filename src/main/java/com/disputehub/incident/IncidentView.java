package com.disputehub.incident;

/**
 * The inbox tabs every seed user recognizes (DOMAIN C1, X3), as disjoint sets whose union is all incidents.
 * The carrier's "first absence" incidents wait for the seller too, but handling them is optional, so they have
 * their own tab.
 */
public enum IncidentView {
    /** Red: the seller must act. */
    ACTION_NEEDED("status = 'NEEDS_SELLER_ACTION' and not ('FIRST_ABSENCE' = any(flags))"),
    /** The customer was absent at the first delivery attempt (optional, recommended). */
    FIRST_ABSENCE("status = 'NEEDS_SELLER_ACTION' and 'FIRST_ABSENCE' = any(flags)"),
    /** Green when resolved; yellow when the channel answered the decision and it needs review. */
    DECISION_SENT("status in ('DECISION_SENT', 'RESOLVED')"),
    /** Someone else must move: the platform, the buyer, the carrier or the supplier. */
    WAITING("status in ('WAITING_FOR_PLATFORM', 'WAITING_FOR_BUYER', 'WAITING_FOR_CARRIER_OR_SUPPLIER')"),
    CLOSED("status in ('CLOSED', 'REJECTED', 'CANCELLED')");

    /** The flag a channel sets when it answered the seller's decision and a person should read the answer. */
    public static final String NEEDS_REVIEW = "NEEDS_REVIEW";
    public static final String FIRST_ABSENCE_FLAG = "FIRST_ABSENCE";

    private final String predicate;

    IncidentView(String predicate) {
        this.predicate = predicate;
    }

    /** Reads {@code action-needed}, {@code ACTION_NEEDED} or {@code action_needed}; a clear error otherwise. */
    public static IncidentView parse(String text) {
        String name = text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        for (IncidentView view : values()) {
            if (view.name().equals(name)) {
                return view;
            }
        }
        throw new IllegalArgumentException("unknown view '" + text + "'; one of action-needed, first-absence, "
                + "decision-sent, waiting, closed");
    }

    /** A SQL condition on the incident table, with no parameters. */
    public String predicate() {
        return predicate;
    }

    /** The tab an incident is in. */
    public static IncidentView of(Incident incident) {
        return of(incident.status(), incident.flags().contains(FIRST_ABSENCE_FLAG));
    }

    /** The tab of an incident in this status, marked or not as a first absence. */
    static IncidentView of(IncidentStatus status, boolean firstAbsence) {
        return switch (status) {
            case NEEDS_SELLER_ACTION -> firstAbsence ? FIRST_ABSENCE : ACTION_NEEDED;
            case DECISION_SENT, RESOLVED -> DECISION_SENT;
            case WAITING_FOR_PLATFORM, WAITING_FOR_BUYER, WAITING_FOR_CARRIER_OR_SUPPLIER -> WAITING;
            default -> CLOSED;
        };
    }

    /** The colour of the seed pages: red to act, green resolved, yellow answered and to review, none otherwise. */
    public static String tone(Incident i) {
        if (i.status() == IncidentStatus.NEEDS_SELLER_ACTION) {
            return "red";
        }
        if (i.status() == IncidentStatus.RESOLVED) {
            return "green";
        }
        if (i.status() == IncidentStatus.DECISION_SENT && i.flags().contains(NEEDS_REVIEW)) {
            return "yellow";
        }
        return "none";
    }
}
