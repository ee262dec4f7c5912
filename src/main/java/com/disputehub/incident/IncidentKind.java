package com.disputehub.incident;

/** What sort of back office an incident comes from (DOMAIN X2). */
public enum IncidentKind {
    MARKETPLACE_DISPUTE,
    RETAILER_ISSUE,
    CARRIER_INCIDENT,
    SUPPLIER_CLAIM
}
