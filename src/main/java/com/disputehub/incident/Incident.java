package com.disputehub.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored incident: the normalized view, its provenance and its raw payload. */
public record Incident(
        UUID id,
        String channelType,
        String accountId,
        IncidentKind kind,
        String externalId,
        String orderId,
        List<String> orderLineIds,
        List<String> skus,
        String productTitle,
        String productImageUrl,
        String buyerName,
        Reason reason,
        IncidentStatus status,
        IncidentStatus channelStatus,
        String rawStatus,
        ActionOwner actionOwner,
        Money requestedRefund,
        Money productValue,
        Instant respondBy,
        Instant openedAt,
        Instant channelUpdatedAt,
        List<IncidentMessage> messages,
        List<Evidence> evidence,
        List<String> flags,
        ChannelDetails details,
        String rawPayload,
        String adapterVersion,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether the seller owes an answer to the last message, the buyer's or the operator's (DOMAIN M1, M5). */
    public boolean awaitsAnswer() {
        IncidentMessage last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        return status == IncidentStatus.NEEDS_SELLER_ACTION && last != null
                && (last.author() == PartyRole.BUYER || last.author() == PartyRole.OPERATOR);
    }

    /** This incident with another status, as changed at {@code at}. */
    Incident withStatus(IncidentStatus newStatus, Instant at) {
        return new Incident(id, channelType, accountId, kind, externalId, orderId, orderLineIds, skus, productTitle,
                productImageUrl, buyerName, reason, newStatus, channelStatus, rawStatus, actionOwner, requestedRefund,
                productValue, respondBy, openedAt, channelUpdatedAt, messages, evidence, flags, details, rawPayload,
                adapterVersion, createdAt, at);
    }
}
