package com.disputehub.grouping;

import java.util.UUID;

import com.disputehub.incident.TimelineText;
import com.fasterxml.jackson.annotation.JsonIgnore;

import tools.jackson.databind.JsonNode;

/**
 * One incident of a bulk decision. {@code refusal} says why it is not (or could not be) sent: UNSUPPORTED (the
 * channel has no such decision), WRONG_STATUS, INCOMPLETE (missing evidence or a field), TEMPLATE (a placeholder
 * without value), CONFLICT, GONE; {@code why} says it in an English sentence, {@code whyWords} in words the pages say in
 * the reader's language (null when there are none). {@code state} is INELIGIBLE, WAITING (to be
 * handed to the outbox), SKIPPED (refused when its turn came), or the decision's own state. {@code command} is the
 * decision this incident gets (placeholders filled, in its buyer's language; file contents left out).
 */
public record BulkItem(UUID incidentId, String externalId, String channelType, String accountId, boolean eligible,
                       String refusal, String why, UUID decisionId, String state, JsonNode command,
                       @JsonIgnore TimelineText whyWords) {
}
