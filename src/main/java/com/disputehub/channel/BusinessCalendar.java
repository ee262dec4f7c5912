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
}
