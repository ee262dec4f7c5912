package com.disputehub.channel;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A decision to push to a channel; the JSON field {@code type} selects the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SendMessage.class, name = "SEND_MESSAGE"),
        @JsonSubTypes.Type(value = Refund.class, name = "REFUND"),
        @JsonSubTypes.Type(value = MarkResolved.class, name = "MARK_RESOLVED")
})
public sealed interface DecisionCommand permits SendMessage, Refund, MarkResolved {

    DecisionType type();

    /** What is wrong with the command by itself, whatever the channel; empty when it is complete. */
    List<String> problems();

    /** One line for the timeline. */
    String describe();
}
