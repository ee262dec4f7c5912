package com.disputehub.incident;

/** Who must act next on an incident. */
public enum ActionOwner {
    SELLER,
    PLATFORM,
    BUYER,
    CARRIER_OR_SUPPLIER,
    NOBODY
}
