package com.disputehub.channel.support;

/**
 * Seed 001's terms for a claim against a supplier, in business days: the supplier verifies it in 10 to 30
 * days, then refunds within 15 more; a late order is expedited within 2. One place for the playbook and the
 * supplier adapters.
 */
public final class SupplierClaimTerms {

    public static final int VERIFY_MIN_DAYS = 10;
    public static final int VERIFY_MAX_DAYS = 30;
    public static final int REFUND_AFTER_VERIFY_DAYS = 15;
    public static final int EXPEDITE_DAYS = 2;

    private SupplierClaimTerms() {
    }
}
