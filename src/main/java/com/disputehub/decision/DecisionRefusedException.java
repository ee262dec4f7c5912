package com.disputehub.decision;

import java.util.List;

/** A decision that cannot be accepted, with every reason, in sentences for the user. */
public class DecisionRefusedException extends RuntimeException {

    /**
     * Why: the channel (or this instance) does not take this decision at all; the incident's status does not
     * allow it now; its content is wrong or incomplete; it clashes with an earlier request; or its idempotency key
     * was already used for a different request.
     */
    public enum Kind { UNSUPPORTED, NOT_ALLOWED, INVALID, CONFLICT, KEY_REUSED, FOUR_EYES }

    private final Kind kind;
    private final List<String> problems;

    public DecisionRefusedException(Kind kind, List<String> problems) {
        super(String.join("; ", problems));
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> problems() {
        return problems;
    }
}
