package com.disputehub.channel.allegro;

/**
 * What this adapter assumes of Allegro without a source to confirm it, in one place (docs/adapters/allegro.md lists
 * the same). Allegro's OpenAPI (mirrored in em411/allegro-php-api, 2026-07) confirms the issue calls, the claim
 * status values and the refund request.
 */
final class AllegroUnconfirmed {

    /**
     * Whether more issues may follow a page: the list response has no total, so a full page says so and a short one
     * ends the reading. Issues come newest first, so a page boundary may shift while reading; the overlap is stored once.
     */
    static boolean morePages(int received, int limit) {
        return received >= limit;
    }

    /** The listing of a refund's order: {@code GET /payments/refunds?order.id=} answers {@code {"refunds": [...]}}. */
    static final String REFUNDS_FIELD = "refunds";

    private AllegroUnconfirmed() {
    }
}
