package com.disputehub.incident;

/** The role of a message author or recipient, across channels. */
public enum PartyRole {
    SELLER,
    BUYER,
    OPERATOR,
    CARRIER,
    SUPPLIER,
    SYSTEM,
    OTHER
}
