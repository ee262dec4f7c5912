package com.disputehub.incident;

import java.util.Objects;

/** A normalized reason next to the channel's raw code and its label in the original language. */
public record Reason(ReasonCategory category, String rawCode, String rawLabel) {

    public Reason {
        Objects.requireNonNull(category, "category");
    }
}
