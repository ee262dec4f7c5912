package com.disputehub.grouping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A bulk decision: PLANNED after the dry run, RUNNING once confirmed until every eligible incident's decision is
 * settled, then DONE. The items come in the order of the plan (nearest deadline first). {@code waitingReason} and
 * {@code retryAt} say that a running one met an error and when it tries again by itself. Four eyes (X6): a big run, or
 * one of refunds where approvals are on, goes from PLANNED to APPROVAL_PENDING, then RUNNING or NOT_APPROVED, with
 * the supervisor ({@code reviewedBy}) and their reason.
 */
public record BulkDecision(UUID id, String state, String decisionType, String selection, String requestedBy,
                           Instant createdAt, Instant confirmedAt, BulkProgress progress, List<BulkItem> items,
                           String waitingReason, Instant retryAt, String reviewedBy, String reviewReason) {
}
