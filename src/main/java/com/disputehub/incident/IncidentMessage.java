package com.disputehub.incident;

import java.time.Instant;
import java.util.List;

/** One message of an incident's conversation, with author, recipients and the files that came with it (DOMAIN M5). */
public record IncidentMessage(
        String externalId,
        String threadId,
        String subject,
        PartyRole author,
        String authorName,
        List<PartyRole> recipients,
        String body,
        Instant sentAt,
        List<Attachment> attachments) {

    public IncidentMessage {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message without files. */
    public IncidentMessage(String externalId, String threadId, String subject, PartyRole author, String authorName,
                           List<PartyRole> recipients, String body, Instant sentAt) {
        this(externalId, threadId, subject, author, authorName, recipients, body, sentAt, List.of());
    }

    /** A file attached to a message, as the channel names it; its bytes stay on the channel until someone opens it. */
    public record Attachment(String id, String name, Long size) {
    }
}
