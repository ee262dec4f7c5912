package com.disputehub.incident;

/** An open incident's channel identifiers, enough for an adapter to read it again. */
public record OpenIncidentRef(String externalId, String orderId) {
}
