package com.disputehub.channel.command;

import java.util.List;

import com.disputehub.incident.Texts;
import com.disputehub.incident.TimelineText;

/** The optional free text of a request (to a supplier, or a note): its limit and how it reads on the timeline. */
final class SupplierMessages {

    static final int MAX = 2000;

    private SupplierMessages() {
    }

    static List<TimelineText> problems(String message) {
        return message != null && message.length() > MAX ? List.of(Texts.tooLong("message", message.length(), MAX)) : List.of();
    }

    /** The words of a request, then its text when there is one. */
    static TimelineText with(TimelineText words, String message) {
        return message == null || message.isBlank() ? words : words.and("tl.message", TimelineText.Arg.value(message.trim()));
    }
}
