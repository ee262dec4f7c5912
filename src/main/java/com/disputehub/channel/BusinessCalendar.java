package com.disputehub.channel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** Counts working time in a channel's time zone: hours on weekend days do not count. */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend) {

    public static BusinessCalendar mondayToFriday(ZoneId zone) {
        return new BusinessCalendar(zone, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
    }

    /** The instant when {@code hours} working hours have passed after {@code from}. */
    public Instant plusBusinessHours(Instant from, long hours) {
        ZonedDateTime t = from.atZone(zone);
        Duration left = Duration.ofHours(hours);
        while (true) {
            ZonedDateTime nextMidnight = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (weekend.contains(t.getDayOfWeek())) {
                t = nextMidnight;
                continue;
            }
            Duration today = Duration.between(t, nextMidnight);
            if (left.compareTo(today) <= 0) {
                return t.plus(left).toInstant();
            }
            left = left.minus(today);
            t = nextMidnight;
        }
    }

    /** The same time of day {@code days} working days later (a weekend start counts from the next working day). */
    public Instant plusBusinessDays(Instant from, int days) {
        return plusBusinessHours(from, 24L * days);
    }

    /** Whole working days from {@code from} to {@code to}; 0 when {@code to} is not later. */
    public int businessDaysBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        int days = 0;
        while (!plusBusinessDays(from, days + 1).isAfter(to)) {
            days++;
        }
        return days;
    }
}
