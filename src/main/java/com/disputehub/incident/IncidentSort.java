package com.disputehub.incident;

import java.util.Locale;

/** The order of a list: most recently changed first, or nearest deadline first (none last). */
public enum IncidentSort {
    RECENT,
    DEADLINE;

    public static IncidentSort parse(String text) {
        if (text == null || text.isBlank()) {
            return RECENT;
        }
        for (IncidentSort s : values()) {
            if (s.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sort '" + text + "'; one of recent, deadline");
    }
}
