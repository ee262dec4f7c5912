package com.disputehub.channel.mercadolibre;

/**
 * What this adapter assumes of Mercado Libre's claims API without an official page to confirm it, in one place
 * (docs/adapters/mercadolibre.md lists the same). The call paths come from integrations published on GitHub; the
 * documentation pages name the actions but show their calls only in part.
 */
final class MercadoLibreUnconfirmed {

    /** A whole refund: {@code POST /post-purchase/v1/claims/{id}/expected-resolutions/refund}, no body. */
    static final String REFUND = "/expected-resolutions/refund";
    /** The one partial-refund offer: {@code POST .../expected-resolutions/partial-refund} with {@code {"percentage": n}}. */
    static final String PARTIAL_REFUND = "/expected-resolutions/partial-refund";
    /** The offers to choose from: {@code GET .../partial-refund/available-offers} ({@code currency_id}, {@code available_offers[amount, percentage]}). */
    static final String OFFERS = "/partial-refund/available-offers";
    /** Accepting the return: {@code POST .../expected-resolutions/allow-return}, no body. */
    static final String ALLOW_RETURN = "/expected-resolutions/allow-return";
    /** A message: {@code POST .../actions/send-message} with {@code receiver_role}, {@code message}, {@code attachments}. */
    static final String SEND_MESSAGE = "/actions/send-message";

    /** The name of the seller's action that allows accepting a return (the documented ones: refund, allow_partial_refund, open_dispute, send_message_to_*). */
    static final String ALLOW_RETURN_ACTION = "allow_return";

    private MercadoLibreUnconfirmed() {
    }
}
