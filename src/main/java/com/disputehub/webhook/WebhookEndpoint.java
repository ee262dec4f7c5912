package com.disputehub.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook endpoint without its secrets: where events go, which ones (type patterns, {@code *} for all; accounts,
 * all when empty), whether it is enabled and, when it is not, why.
 */
public record WebhookEndpoint(UUID id, String url, String description, List<String> eventTypes, List<String> accounts,
                              boolean enabled, int timeoutSeconds, String disabledReason, Instant disabledAt,
                              Instant failingSince, Instant previousSecretValidUntil, String createdBy,
                              Instant createdAt, Instant updatedAt) {
}
