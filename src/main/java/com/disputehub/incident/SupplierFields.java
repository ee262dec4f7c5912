package com.disputehub.incident;

/** The names of supplier-order facts (DOMAIN S1..S3) in {@link ChannelDetails}, the same for every supplier. */
public final class SupplierFields {

    public static final String SUPPLIER_ORDER = "supplier.order";
    public static final String STORE_ORDER = "supplier.storeOrder";
    public static final String ORDER_STATUS = "supplier.orderStatus";
    public static final String LOGISTICS_STATUS = "supplier.logisticsStatus";
    /** Business days past the day the supplier should have shipped; absent when not late. */
    public static final String LATE_BUSINESS_DAYS = "supplier.lateBusinessDays";
    /** DOMESTIC or INTERNATIONAL: only a domestic order can be intercepted (S3). */
    public static final String SCOPE = "supplier.scope";
    public static final String TRACKING_NUMBER = "supplier.trackingNumber";
    public static final String END_REASON = "supplier.endReason";
    /** The marketplace incident whose buyer complaint this claim answers. */
    public static final String LINKED_COMPLAINT = "supplier.linkedComplaint";

    public static final String DOMESTIC = "DOMESTIC";
    public static final String INTERNATIONAL = "INTERNATIONAL";

    private SupplierFields() {
    }
}
