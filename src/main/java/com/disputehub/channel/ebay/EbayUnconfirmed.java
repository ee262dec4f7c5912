package com.disputehub.channel.ebay;

import java.util.Map;

/**
 * What this adapter assumes of eBay's Post-Order API without a published source to confirm it, in one place
 * (docs/adapters/ebay.md lists the same). Each is used where named, so that a correction is one edit here.
 */
final class EbayUnconfirmed {

    /**
     * The {@code decision} value of a seller's partial-refund offer on a return: the SDKs' Decision enum lists
     * OFFER_PARTIAL_REFUND; eBay's page for return/decide does not show it as a seller value.
     */
    static final String OFFER_PARTIAL_REFUND = "OFFER_PARTIAL_REFUND";

    /** The refund fee type a whole refund of a return carries (eBay's RefundFeeType; the value for the item price). */
    static final String PURCHASE_PRICE = "PURCHASE_PRICE";

    /**
     * The case search takes {@code case_creation_date_range_from} like the other searches (the SDK's parameter
     * list has it; eBay's page is cut before it).
     */
    static final String CASE_CREATED_FROM = "case_creation_date_range_from";

    /**
     * A case's refund carries an optional Text ({@code {"content": ...}}) as its whole body, as the SDK's
     * issueCaseRefund sends it (inquiries and returns wrap it in {@code comments}); a case's provide_shipment_info
     * takes only the carrier and the tracking number.
     */
    static Map<String, Object> caseRefundBody(String message) {
        return message == null || message.isBlank() ? Map.of() : Map.of("content", message);
    }

    private EbayUnconfirmed() {
    }
}
