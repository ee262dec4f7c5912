package com.disputehub.decision;

import java.util.regex.Pattern;

/**
 * Who made a decision key, and the key: clients of the API, forms of the pages, playbook rules and bulk runs each
 * have a scope of their own, so that no client can take a key a rule or a bulk run will use (DOMAIN X4).
 * Stored as {@code scope:key}; the channel is sent the decision's id, never this.
 */
public record IdempotencyKey(String scope, String key) {

    /** What an API client may send: visible ASCII, at most this long (the IETF draft's key is a short token). */
    public static final int MAX_CLIENT_KEY = 255;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

    public IdempotencyKey {
        if (scope == null || scope.isBlank() || key == null || key.isBlank()) {
            throw new IllegalArgumentException("an idempotency key needs a scope and a value");
        }
    }

    /** A key an API client chose ({@code Idempotency-Key}), scoped to that client. */
    public static IdempotencyKey client(String client, String key) {
        if (key.length() > MAX_CLIENT_KEY || !VISIBLE_ASCII.matcher(key).matches()) {
            throw new IllegalArgumentException("'Idempotency-Key' must be 1 to " + MAX_CLIENT_KEY
                    + " visible ASCII characters (no spaces or control characters)");
        }
        return new IdempotencyKey("client:" + client, key);
    }

    /** The one-time key a rendered decision form carries. */
    public static IdempotencyKey form(java.util.UUID formKey) {
        return new IdempotencyKey("form", formKey.toString());
    }

    public static IdempotencyKey rule(String rule, java.util.UUID incidentId) {
        return new IdempotencyKey("rule", rule + ":" + incidentId);
    }

    public static IdempotencyKey bulk(java.util.UUID bulkId, java.util.UUID incidentId) {
        return new IdempotencyKey("bulk", bulkId + ":" + incidentId);
    }

    /** A key of its own for a request that brought none: it can only ever match itself. */
    public static IdempotencyKey none() {
        return new IdempotencyKey("auto", java.util.UUID.randomUUID().toString());
    }

    public String stored() {
        return scope + ":" + key;
    }
}
