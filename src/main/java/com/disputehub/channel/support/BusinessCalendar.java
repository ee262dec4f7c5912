package com.disputehub.channel.support;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Predicate;

import com.disputehub.channel.ChannelAccount;

/** Counts working time in a channel's time zone: hours on weekend days and public holidays do not count. */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, Predicate<LocalDate> holiday) {

    private static final Set<DayOfWeek> SATURDAY_SUNDAY = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /** Weekends only: for an account that names no holiday calendar. */
    public static BusinessCalendar mondayToFriday(ZoneId zone) {
        return new BusinessCalendar(zone, SATURDAY_SUNDAY, PublicHolidays.NONE);
    }

    /**
     * The account's calendar: {@code options.time-zone} ({@code defaultZone} when unset), Monday to Friday, less the
     * public holidays of {@code options.holiday-country} / {@code holiday-region} and the dates {@code options.holidays}
     * lists (DOMAIN M1, S1, S2: deadlines in business days).
     */
    public static BusinessCalendar of(ChannelAccount account, String defaultZone) {
        return new BusinessCalendar(ZoneId.of(account.option("time-zone").orElse(defaultZone)), SATURDAY_SUNDAY,
                PublicHolidays.of(account));
    }

    private boolean closed(LocalDate day) {
        return weekend.contains(day.getDayOfWeek()) || holiday.test(day);
    }

    /** The instant when {@code hours} working hours have passed after {@code from}. */
    public Instant plusBusinessHours(Instant from, long hours) {
        ZonedDateTime t = from.atZone(zone);
        Duration left = Duration.ofHours(hours);
        while (true) {
            ZonedDateTime nextMidnight = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (closed(t.toLocalDate())) {
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

    /** The same time of day {@code days} working days later (a start on a closed day counts from the next working day). */
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
