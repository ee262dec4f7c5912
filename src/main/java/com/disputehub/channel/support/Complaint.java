package com.disputehub.channel.support;

import java.util.List;

import com.disputehub.incident.Evidence;
import com.disputehub.incident.Incident;

/**
 * The buyer's complaint on the store order, as a supplier claim carries it in its raw record: which incident,
 * on which channel, the normalized reason, the label in the buyer's language, and the photos' links.
 */
public record Complaint(String incidentId, String channel, String reason, String label, List<String> evidence) {

    public static Complaint of(Incident incident) {
        return new Complaint(incident.id().toString(), incident.channelType(), incident.reason().category().name(),
                incident.reason().rawLabel(), incident.evidence().stream().map(Evidence::url).filter(u -> u != null).toList());
    }
}
