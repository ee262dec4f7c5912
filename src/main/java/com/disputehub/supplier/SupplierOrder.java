package com.disputehub.supplier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One supplier order: the supplier's order id, the store (marketplace) order it fulfils, the destination and
 * origin countries (the same country makes it domestic, DOMAIN S3), when it was placed and the supplier's
 * handling time in business days.
 */
public record SupplierOrder(String supplierOrderId, String storeOrderId, String shipToCountry, String shipFromCountry,
                            Instant placedAt, Integer handlingDays) {

    public SupplierOrder {
        shipToCountry = shipToCountry == null ? null : shipToCountry.trim().toUpperCase(Locale.ROOT);
        shipFromCountry = shipFromCountry == null || shipFromCountry.isBlank() ? "CN" : shipFromCountry.trim().toUpperCase(Locale.ROOT);
        handlingDays = handlingDays == null ? 3 : handlingDays;
    }

    public boolean domestic() {
        return shipToCountry != null && shipToCountry.equals(shipFromCountry);
    }

    /** What is wrong with this entry, each a sentence naming the field. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (supplierOrderId == null || !supplierOrderId.matches("[A-Za-z0-9_-]{1,64}")) {
            problems.add("'supplierOrderId' is required: the supplier's order id (letters, digits, - or _)");
        }
        if (storeOrderId == null || storeOrderId.isBlank()) {
            problems.add("'storeOrderId' is required: the marketplace order this supplier order fulfils");
        }
        if (shipToCountry == null || !shipToCountry.matches("[A-Z]{2}")) {
            problems.add("'shipToCountry' is required: an ISO country code such as ES");
        }
        if (!shipFromCountry.matches("[A-Z]{2}")) {
            problems.add("'shipFromCountry' must be an ISO country code such as CN");
        }
        if (placedAt == null) {
            problems.add("'placedAt' is required: when the supplier order was placed (ISO instant)");
        }
        if (handlingDays < 0 || handlingDays > 60) {
            problems.add("'handlingDays' must be between 0 and 60 business days");
        }
        return problems;
    }
}
