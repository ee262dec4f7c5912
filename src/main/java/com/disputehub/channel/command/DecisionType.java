package com.disputehub.channel.command;

/** Every kind of decision a person, a rule or the API can make on an incident. */
public enum DecisionType {
    SEND_MESSAGE,
    REFUND,
    MARK_RESOLVED,
    AGREE,
    REFUSE,
    MARK_DELIVERY_FIXED,
    SEND_REPLACEMENT,
    /** Carrier: the seller could not reach the customer; recorded, nothing sent (DOMAIN C3). */
    CONTACT_ATTEMPT,
    /** Carrier: the redelivery agreed with the customer (DOMAIN C4). */
    PROVIDE_SOLUTION,
    /** Supplier: ship the late order now (DOMAIN S1). */
    ASK_EXPEDITE,
    /** Supplier: send the item again (DOMAIN S2). */
    REQUEST_REISSUE,
    /** Supplier: the buyer's photos or videos (DOMAIN S2). */
    SUBMIT_EVIDENCE,
    /** Supplier: stop a domestic parcel (DOMAIN S3). */
    REQUEST_INTERCEPTION,
    /** Supplier without an API: the seller sent the claim package by hand; recorded, nothing sent (DOMAIN S2). */
    MARK_PACKAGE_SENT,
    /** Marketplace: the carrier and tracking number that prove the order was shipped (eBay's shipment info). */
    PROVIDE_TRACKING,
    /** Marketplace: ask the platform to step in (eBay's escalation, Mercado Libre's mediation). */
    ESCALATE;

    /** Whether the decision gives the buyer money: a refund, or agreeing with the buyer's request (DOMAIN X6). */
    public boolean movesMoney() {
        return this == REFUND || this == AGREE;
    }
}
