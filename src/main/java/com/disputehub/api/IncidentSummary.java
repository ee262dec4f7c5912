package com.disputehub.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentView;
import com.disputehub.incident.Money;
import com.disputehub.incident.Reason;
import com.disputehub.incident.WorkState;
import com.disputehub.incident.WorkStates;

/**
 * An incident in a list: what a seller scans, without messages or the raw payload, with who owns it, its pin, and
 * its snooze (snoozedUntil null while snoozed: until the channel changes it).
 */
record IncidentSummary(UUID id, String channel, String accountId, IncidentKind kind, String externalId, String orderId,
                       List<String> skus, String productTitle, String buyerName, Reason reason, IncidentStatus status,
                       String rawStatus, ActionOwner actionOwner, Money requestedRefund, Money productValue,
                       Instant respondBy, Instant openedAt, int messageCount, List<String> flags, IncidentView view,
                       String tone, String assignee, boolean pinned, boolean snoozed, Instant snoozedUntil,
                       Instant updatedAt) {

    static IncidentSummary of(Incident i, WorkState work, Instant now) {
        boolean snoozed = work.snoozed(now);
        return new IncidentSummary(i.id(), i.channelType(), i.accountId(), i.kind(), i.externalId(), i.orderId(), i.skus(),
                i.productTitle(), i.buyerName(), i.reason(), i.status(), i.rawStatus(), i.actionOwner(),
                i.requestedRefund(), i.productValue(), i.respondBy(), i.openedAt(), i.messages().size(), i.flags(),
                IncidentView.of(i), IncidentView.tone(i), work.assignee(), work.pinned(), snoozed,
                snoozed ? work.snoozedUntil() : null, i.updatedAt());
    }

    /** Each incident with its work, read in one query. */
    static List<IncidentSummary> of(List<Incident> incidents, WorkStates work, Instant now) {
        java.util.Map<UUID, WorkState> states = work.of(incidents.stream().map(Incident::id).toList());
        return incidents.stream().map(i -> of(i, states.getOrDefault(i.id(), WorkState.NONE), now)).toList();
    }
}
