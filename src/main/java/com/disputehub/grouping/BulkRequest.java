package com.disputehub.grouping;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A bulk decision as the API and the pages send it: what to select, the decision (with placeholders), its
 * per-language fields, who asks, whether this is only a dry run, and whether a message goes to every incident
 * even when several share one conversation with the buyer ({@code eachIncident}; by default one per conversation).
 */
public record BulkRequest(Selection selection, JsonNode decision, Map<String, Map<String, String>> translations,
                          String requestedBy, boolean dryRun, Boolean eachIncident) {

    public BulkRequest(Selection selection, JsonNode decision, Map<String, Map<String, String>> translations,
                       String requestedBy, boolean dryRun) {
        this(selection, decision, translations, requestedBy, dryRun, false);
    }

    /** The same request made by {@code actor}: who asks is the signed-in principal, never what the body says. */
    public BulkRequest by(String actor) {
        return new BulkRequest(selection, decision, translations, actor, dryRun, eachIncident);
    }

    public boolean messageEachIncident() {
        return Boolean.TRUE.equals(eachIncident);
    }
}
