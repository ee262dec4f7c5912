package com.disputehub.webhook;

import java.util.List;

/**
 * What an admin sends to create or change a webhook endpoint; on a change, a missing field stays as it was.
 * {@code eventTypes}: types or families ({@code incident.*}), {@code *} for all; {@code accounts}: empty for all.
 */
public record WebhookRequest(String url, String description, List<String> eventTypes, List<String> accounts,
                             Boolean enabled, Integer timeoutSeconds) {
}
