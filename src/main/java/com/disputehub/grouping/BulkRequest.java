package com.disputehub.grouping;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A bulk decision as the API and the pages send it: what to select, the decision (with placeholders), its
 * per-language fields, who asks, and whether this is only a dry run.
 */
public record BulkRequest(Selection selection, JsonNode decision, Map<String, Map<String, String>> translations,
                          String requestedBy, boolean dryRun) {
}
