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

/** An incident in a list: what a seller scans, without messages or the raw payload. */
record IncidentSummary(UUID id, String channel, String accountId, IncidentKind kind, String externalId, String orderId,
                       List<String> skus, String productTitle, String buyerName, Reason reason, IncidentStatus status,
                       String rawStatus, ActionOwner actionOwner, Money requestedRefund, Money productValue,
                       Instant respondBy, Instant openedAt, int messageCount, List<String> flags, IncidentView view,
                       String tone, Instant updatedAt) {

    static IncidentSummary of(Incident i) {
        return new IncidentSummary(i.id(), i.channelType(), i.accountId(), i.kind(), i.externalId(), i.orderId(), i.skus(),
                i.productTitle(), i.buyerName(), i.reason(), i.status(), i.rawStatus(), i.actionOwner(),
                i.requestedRefund(), i.productValue(), i.respondBy(), i.openedAt(), i.messages().size(), i.flags(),
                IncidentView.of(i), IncidentView.tone(i), i.updatedAt());
    }
}
