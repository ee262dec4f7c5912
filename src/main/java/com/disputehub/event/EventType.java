package com.disputehub.event;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The catalogue of events an ERP receives (DOMAIN X7); {@link #wire()} is the name on every channel out. */
public enum EventType {
    INCIDENT_CREATED("incident.created"),
    INCIDENT_UPDATED("incident.updated"),
    INCIDENT_CLOSED("incident.closed"),
    DECISION_REQUESTED("decision.requested"),
    DECISION_APPROVAL_PENDING("decision.approval_pending"),
    DECISION_NOT_APPROVED("decision.not_approved"),
    DECISION_SENT("decision.sent"),
    DECISION_RECORDED("decision.recorded"),
    DECISION_REJECTED("decision.rejected"),
    DECISION_FAILED("decision.failed"),
    DECISION_UNKNOWN("decision.unknown"),
    BULK_COMPLETED("bulk.completed"),
    ACCOUNT_SYNC_FAILED("account.sync_failed"),
    ACCOUNT_SYNC_RECOVERED("account.sync_recovered"),
    RECORD_QUARANTINED("record.quarantined"),
    WEBHOOK_ENDPOINT_DISABLED("webhook.endpoint_disabled"),
    WEBHOOK_TEST("webhook.test");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventType> ofWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(name)).findFirst();
    }

    /**
     * Whether a subscription pattern takes this type: {@code *}, the exact name, or a family such as
     * {@code incident.*}.
     */
    public boolean matches(String pattern) {
        return pattern.equals("*") || pattern.equals(wire)
                || pattern.endsWith(".*") && wire.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    /** The wire names of every type the patterns take. */
    public static List<String> wireNames(Collection<String> patterns) {
        return Arrays.stream(values()).filter(t -> patterns.stream().anyMatch(t::matches)).map(EventType::wire).toList();
    }

    /** Whether a pattern names at least one type; a subscription to nothing is a mistake worth a 400. */
    public static boolean known(String pattern) {
        return Arrays.stream(values()).anyMatch(t -> t.matches(pattern));
    }
}
