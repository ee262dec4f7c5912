package com.disputehub.incident;

import java.time.Instant;
import java.util.List;

/** One message of an incident's conversation, with author and recipients (DOMAIN M5). */
public record IncidentMessage(
        String externalId,
        String threadId,
        String subject,
        PartyRole author,
        String authorName,
        List<PartyRole> recipients,
        String body,
        Instant sentAt) {

    public IncidentMessage {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }
}
