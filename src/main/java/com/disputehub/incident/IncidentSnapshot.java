package com.disputehub.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One incident as a channel shows it now, already normalized; what the store upserts.
 *
 * <p>A {@code followUp} snapshot only updates an incident the store already has (a line whose incident
 * was closed, say); its null reason means "keep what is stored". The opening date, once known, never changes.
 */
public record IncidentSnapshot(
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
        boolean followUp) {

    public IncidentSnapshot {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(actionOwner, "actionOwner");
        Objects.requireNonNull(rawPayload, "rawPayload");
        if (reason == null && !followUp) {
            throw new IllegalArgumentException("a new incident needs a reason: " + externalId);
        }
        respondBy = micros(respondBy);
        openedAt = micros(openedAt);
        channelUpdatedAt = micros(channelUpdatedAt);
        orderLineIds = orderLineIds == null ? List.of() : List.copyOf(orderLineIds);
        skus = skus == null ? List.of() : List.copyOf(skus);
        messages = messages == null ? List.of() : List.copyOf(messages);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        flags = flags == null ? List.of() : List.copyOf(flags);
        details = details == null ? ChannelDetails.NONE : details;
    }

    /** PostgreSQL keeps microseconds; a finer instant would read back as a change that never happened. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static Builder builder(IncidentKind kind, String externalId) {
        return new Builder(kind, externalId);
    }

    /** Builds a snapshot field by field, so that adapters stay readable. */
    public static final class Builder {
        private final IncidentKind kind;
        private final String externalId;
        private String orderId;
        private List<String> orderLineIds = List.of();
        private List<String> skus = List.of();
        private String productTitle;
        private String productImageUrl;
        private String buyerName;
        private Reason reason;
        private IncidentStatus status;
        private String rawStatus;
        private ActionOwner actionOwner;
        private Money requestedRefund;
        private Money productValue;
        private Instant respondBy;
        private Instant openedAt;
        private Instant channelUpdatedAt;
        private List<IncidentMessage> messages = List.of();
        private List<Evidence> evidence = List.of();
        private List<String> flags = List.of();
        private ChannelDetails details = ChannelDetails.NONE;
        private String rawPayload;
        private boolean followUp;

        private Builder(IncidentKind kind, String externalId) {
            this.kind = kind;
            this.externalId = externalId;
        }

        public Builder order(String orderId, List<String> lineIds) { this.orderId = orderId; this.orderLineIds = lineIds; return this; }
        public Builder skus(List<String> skus) { this.skus = skus; return this; }
        public Builder product(String title, String imageUrl) { this.productTitle = title; this.productImageUrl = imageUrl; return this; }
        public Builder buyerName(String buyerName) { this.buyerName = buyerName; return this; }
        public Builder reason(Reason reason) { this.reason = reason; return this; }
        public Builder status(IncidentStatus status, String rawStatus, ActionOwner owner) {
            this.status = status; this.rawStatus = rawStatus; this.actionOwner = owner; return this;
        }
        public Builder requestedRefund(Money money) { this.requestedRefund = money; return this; }
        public Builder productValue(Money money) { this.productValue = money; return this; }
        public Builder respondBy(Instant respondBy) { this.respondBy = respondBy; return this; }
        public Builder openedAt(Instant openedAt) { this.openedAt = openedAt; return this; }
        public Builder channelUpdatedAt(Instant at) { this.channelUpdatedAt = at; return this; }
        public Builder messages(List<IncidentMessage> messages) { this.messages = messages; return this; }
        public Builder evidence(List<Evidence> evidence) { this.evidence = evidence; return this; }
        /** Facts that change what the seller can expect, e.g. PAYOUT_ON_HOLD. */
        public Builder flags(List<String> flags) { this.flags = flags; return this; }
        /** Channel facts without a column of their own, and the shipment's or order's history. */
        public Builder details(ChannelDetails details) { this.details = details; return this; }
        public Builder rawPayload(String rawPayload) { this.rawPayload = rawPayload; return this; }
        public Builder followUp(boolean followUp) { this.followUp = followUp; return this; }

        public IncidentSnapshot build() {
            return new IncidentSnapshot(kind, externalId, orderId, orderLineIds, skus, productTitle, productImageUrl,
                    buyerName, reason, status, rawStatus, actionOwner, requestedRefund, productValue, respondBy,
                    openedAt, channelUpdatedAt, messages, evidence, flags, details, rawPayload, followUp);
        }
    }
}
