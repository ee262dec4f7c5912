package com.disputehub.decision;

import java.util.List;

import com.disputehub.incident.TimelineText;

/**
 * A decision that cannot be accepted, with every reason: in words each page says in its language, and in English
 * sentences for the API (a channel's own check is said the same in every language).
 */
public class DecisionRefusedException extends RuntimeException {

    /**
     * Why: the channel (or this instance) does not take this decision at all; the incident's status does not
     * allow it now; its content is wrong or incomplete; it clashes with an earlier request; or its idempotency key
     * was already used for a different request.
     */
    public enum Kind { UNSUPPORTED, NOT_ALLOWED, INVALID, CONFLICT, KEY_REUSED, FOUR_EYES }

    private final Kind kind;
    private final List<TimelineText> words;

    public DecisionRefusedException(Kind kind, List<String> problems) {
        this(problems.stream().map(TimelineText::verbatim).toList(), kind);
    }

    public DecisionRefusedException(List<TimelineText> words, Kind kind) {
        super(String.join("; ", words.stream().map(TimelineText::english).toList()));
        this.kind = kind;
        this.words = List.copyOf(words);
    }

    public Kind kind() {
        return kind;
    }

    /** In English, as the API gives them. */
    public List<String> problems() {
        return words.stream().map(TimelineText::english).toList();
    }

    public List<TimelineText> words() {
        return words;
    }
}
