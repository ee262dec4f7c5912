package com.disputehub.incident;

/** A link to a photo, video or document attached to an incident, and who provided it. */
public record Evidence(String url, String label, PartyRole providedBy) {
}
