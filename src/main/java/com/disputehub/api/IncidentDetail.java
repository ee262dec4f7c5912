package com.disputehub.api;

import java.util.List;
import java.util.Map;

import com.disputehub.channel.Capabilities;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentFile;
import com.disputehub.incident.IncidentNote;
import com.disputehub.incident.TimelineEvent;
import com.disputehub.incident.WorkState;
import com.disputehub.playbook.Suggestion;

import tools.jackson.databind.JsonNode;

/**
 * One incident in full: the model, its timeline, notes, decisions, the files sent with them, the decisions
 * allowed now, the playbook's next step (null when none), the other incidents of the same order (a carrier's incident
 * and the marketplace's claim, say), the ERP's references, the seller's work on it
 * (owner, pin, snooze), and the raw payload.
 */
record IncidentDetail(Incident incident, List<TimelineEvent> timeline, List<IncidentNote> notes,
                      List<DecisionView> decisions, List<IncidentFile> files,
                      List<Capabilities.DecisionSpec> allowedDecisions, Suggestion suggestion,
                      List<IncidentSummary> related, Map<String, String> externalRefs, WorkState work, JsonNode raw) {

    /** The incident without its raw payload text, which is given as JSON beside it. */
    static Incident withoutRaw(Incident i) {
        return new Incident(i.id(), i.channelType(), i.accountId(), i.kind(), i.externalId(), i.orderId(),
                i.orderLineIds(), i.skus(), i.productTitle(), i.productImageUrl(), i.buyerName(), i.reason(), i.status(),
                i.channelStatus(), i.rawStatus(), i.actionOwner(), i.requestedRefund(), i.productValue(), i.respondBy(),
                i.openedAt(), i.channelUpdatedAt(), i.messages(), i.evidence(), i.flags(), i.details(), null, i.adapterVersion(),
                i.createdAt(), i.updatedAt());
    }
}
