package com.disputehub.decision;

import java.util.List;

/** A decision that cannot be accepted, with every reason, in sentences for the user. */
public class DecisionRefusedException extends RuntimeException {

    /** Why: the incident's status does not allow it, or its content is wrong. */
    public enum Kind { NOT_ALLOWED, INVALID, CONFLICT }

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
