package com.disputehub.channel.mirakl.model;

import java.time.Instant;
import java.util.List;

/** A message of a thread, with its author, recipients and attachments (M13 downloads them). */
public record MiraklMessage(String id, String body, Instant dateCreated, Participant from, List<Participant> to,
                            List<Attachment> attachments) {

    public MiraklMessage {
        to = to == null ? List.of() : to;
        attachments = attachments == null ? List.of() : attachments;
    }

    /** {@code attachments[]}: id, file name and size in bytes. */
    public record Attachment(String id, String name, Long size) {
    }

    /** An author or recipient: type CUSTOMER(_USER), SHOP(_USER) or OPERATOR(_USER). */
    public record Participant(String type, String id, String displayName) {
    }
}
