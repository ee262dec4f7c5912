package com.disputehub.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A report's period, [from, to): dates (2026-11-01, whole days in the inbox's zone) or instants; by default the
 * last 30 days; at most 366 days. {@link #previous()} is the period of the same length just before.
 */
public record Period(Instant from, Instant to) {

    static final Duration MAX = Duration.ofDays(366);
    static final int DEFAULT_DAYS = 30;

    public static Period parse(String from, String to, Clock clock, ZoneId zone) {
        Instant end = blank(to) ? LocalDate.now(clock.withZone(zone)).plusDays(1).atStartOfDay(zone).toInstant()
                : instant("to", to, zone, true);
        Instant start = blank(from) ? end.minus(Duration.ofDays(DEFAULT_DAYS)) : instant("from", from, zone, false);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(MAX) > 0) {
            throw new IllegalArgumentException("a report covers at most 366 days; narrow 'from' and 'to'");
        }
        return new Period(start, end);
    }

    public Period previous() {
        return new Period(from.minus(Duration.between(from, to)), from);
    }

    /** A date is a whole day: "to=2026-11-30" includes the 30th. */
    private static Instant instant(String field, String value, ZoneId zone, boolean endOfDay) {
        String text = value.trim();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + field + "' must be a date (2026-11-30) or an instant (2026-11-30T08:00:00Z), not '"
                    + value + "'");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
