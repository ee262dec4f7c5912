package com.disputehub.channel.allegro;

/**
 * What this adapter assumes of Allegro without a source to confirm it, in one place (docs/adapters/allegro.md lists
 * the same). Allegro's OpenAPI (mirrored in em411/allegro-php-api, 2026-07) confirms the issue calls, the claim
 * status values and the refund request.
 */
final class AllegroUnconfirmed {

    /**
     * The list's page ends the reading when it holds fewer issues than asked: the list response has no total.
     * Issues come newest first, so a page boundary may shift while reading; the overlap is stored once.
     */
    static final boolean SHORT_PAGE_ENDS = true;

    /** The listing of a refund's order: {@code GET /payments/refunds?order.id=} answers {@code {"refunds": [...]}}. */
    static final String REFUNDS_FIELD = "refunds";

    private AllegroUnconfirmed() {
    }
}
