package com.disputehub.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An incident as events carry it: enough for an ERP to act without a second call (status, who acts, reason,
 * amounts, deadline, its own references, who owns it), and links to the full detail.
 */
public record IncidentDigest(UUID id, String channel, String accountId, IncidentKind kind, String externalId,
                             String orderId, List<String> skus, String productTitle, String buyerName, Reason reason,
                             IncidentStatus status, String rawStatus, ActionOwner actionOwner, Money requestedRefund,
                             Money productValue, Instant respondBy, Instant openedAt, int messageCount,
                             int evidenceCount, Map<String, String> externalRefs, String assignee, Instant updatedAt,
                             Map<String, String> links) {

    public static IncidentDigest of(Incident i, Map<String, String> externalRefs, String assignee) {
        return new IncidentDigest(i.id(), i.channelType(), i.accountId(), i.kind(), i.externalId(), i.orderId(), i.skus(),
                i.productTitle(), i.buyerName(), i.reason(), i.status(), i.rawStatus(), i.actionOwner(),
                i.requestedRefund(), i.productValue(), i.respondBy(), i.openedAt(), i.messages().size(),
                i.evidence().size(), externalRefs, assignee, i.updatedAt(),
                Map.of("self", "/api/incidents/" + i.id(), "page", "/inbox/incidents/" + i.id()));
    }
}
