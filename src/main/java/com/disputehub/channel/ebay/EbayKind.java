package com.disputehub.channel.ebay;

import java.util.Locale;

/** eBay's three kinds of post-order disputes, each with its own search, detail and calls. */
enum EbayKind {
    /** Item not received, opened by the buyer with the seller (INR inquiry). */
    INQUIRY("INQ", "/inquiry", "inquiryId", "inquiry_creation_date_range_from"),
    /** A return request. */
    RETURN("RET", "/return", "returnId", "creation_date_range_from"),
    /** A case eBay's customer service handles (an escalated inquiry or return). */
    CASE("CASE", "/casemanagement", "caseId", EbayUnconfirmed.CASE_CREATED_FROM);

    final String prefix;
    final String path;
    final String idField;
    final String createdFrom;

    EbayKind(String prefix, String path, String idField, String createdFrom) {
        this.prefix = prefix;
        this.path = path;
        this.idField = idField;
        this.createdFrom = createdFrom;
    }

    /** The incident's external id: the kind's prefix and eBay's id (inquiry, return and case ids are separate series). */
    String externalId(String id) {
        return prefix + "-" + id;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EbayKind of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    static EbayKind ofExternalId(String externalId) {
        for (EbayKind kind : values()) {
            if (externalId.startsWith(kind.prefix + "-")) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an eBay incident id: " + externalId);
    }

    static String idOf(String externalId) {
        return externalId.substring(externalId.indexOf('-') + 1);
    }
}
