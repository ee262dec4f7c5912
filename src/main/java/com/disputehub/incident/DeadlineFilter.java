package com.disputehub.incident;

import java.util.Locale;

/** Open incidents whose deadline has passed, or falls later today in the inbox's time zone. */
public enum DeadlineFilter {
    OVERDUE,
    DUE_TODAY;

    /** Reads {@code overdue}, {@code due-today} or the constant's name; a clear error otherwise. */
    public static DeadlineFilter parse(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (DeadlineFilter d : values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown deadline '" + text + "'; one of overdue, due-today");
    }
}
