package com.disputehub.channel.mirakl.model;

import java.time.Instant;
import java.util.List;

/** A message of a thread, with its author and recipients. */
public record MiraklMessage(String id, String body, Instant dateCreated, Participant from, List<Participant> to) {

    public MiraklMessage {
        to = to == null ? List.of() : to;
    }

    /** An author or recipient: type CUSTOMER(_USER), SHOP(_USER) or OPERATOR(_USER). */
    public record Participant(String type, String id, String displayName) {
    }
}
