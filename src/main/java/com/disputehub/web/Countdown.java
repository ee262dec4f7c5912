package com.disputehub.web;

import java.time.Duration;
import java.time.Instant;

/** A deadline as the pages show it: "in 2 d 4 h" or "overdue by 35 min" (the key picks the words). */
record Countdown(String key, String amount, boolean overdue, Instant at) {

    static Countdown of(Instant deadline, Instant now) {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(now, deadline);
        boolean overdue = left.isNegative();
        return new Countdown(overdue ? "deadline.overdue" : "deadline.in", text(left.abs()), overdue, deadline);
    }

    private static String text(Duration d) {
        if (d.toDays() > 0) {
            return d.toDays() + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        return Math.max(d.toMinutes(), 1) + " min";
    }
}
