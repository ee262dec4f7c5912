package com.disputehub.channel.mirakl.model;

import java.time.Instant;
import java.util.List;

/** A message thread of M11/M10 ({@code /api/inbox/threads}). */
public record MiraklThread(String id, Topic topic, List<Entity> entities, Instant dateCreated, Instant dateUpdated,
                           List<MiraklMessage> messages) {

    public MiraklThread {
        entities = entities == null ? List.of() : entities;
        messages = messages == null ? List.of() : messages;
    }

    /** The subject: FREE_TEXT or REASON_CODE. */
    public record Topic(String type, String value) {
    }

    /** What the thread is about, e.g. type MMP_ORDER with the order id. */
    public record Entity(String id, String type, String label) {
    }
}
