package com.disputehub.incident;

/** The closed set of normalized reasons covering every reason in DOMAIN.md; OTHER for anything unknown. */
public enum ReasonCategory {
    NOT_DELIVERED,
    DAMAGED,
    DEFECTIVE,
    MISSING_ITEMS,
    WRONG_ITEM,
    CUSTOMS_HOLD,
    RECIPIENT_ABSENT,
    REFUSED,
    WRONG_ADDRESS,
    OUT_OF_STOCK,
    LATE_SHIPMENT,
    OVERSIZE,
    SUPPLIER_UNRESPONSIVE,
    BUYER_CANCELLED,
    INVOICE_PROBLEM,
    OTHER
}
