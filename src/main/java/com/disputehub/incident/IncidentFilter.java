package com.disputehub.incident;

/** Criteria for listing incidents; null fields do not filter. */
public record IncidentFilter(
        String channelType,
        String accountId,
        IncidentKind kind,
        IncidentStatus status,
        ReasonCategory reason,
        IncidentView view,
        String orderId,
        String text) {

    public static IncidentFilter all() {
        return new IncidentFilter(null, null, null, null, null, null, null, null);
    }
}
