package com.disputehub.channel.support;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.disputehub.channel.ChannelAccount;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The days an account's business deadlines skip besides weekends: the public holidays of its country (and
 * region) from jollyday's maintained calendars, and the dates the account lists itself, for a calendar jollyday
 * does not keep (mainland China's Spring Festival, which the State Council sets each year).
 */
final class PublicHolidays implements Predicate<LocalDate> {

    static final PublicHolidays NONE = new PublicHolidays(null, new String[0], Set.of());
    /** By the options that make them: every normalize asks, the holidays of a year are worked out once. */
    private static final Map<String, PublicHolidays> KNOWN = new ConcurrentHashMap<>();

    private final HolidayManager manager;
    private final String[] region;
    private final Set<LocalDate> listed;
    private final Map<Integer, Set<LocalDate>> byYear = new ConcurrentHashMap<>();

    private PublicHolidays(HolidayManager manager, String[] region, Set<LocalDate> listed) {
        this.manager = manager;
        this.region = region;
        this.listed = listed;
    }

    /**
     * From {@code options.holiday-country} (ISO 3166 code), {@code options.holiday-region} (jollyday's subdivision,
     * e.g. {@code md} for Madrid) and {@code options.holidays} (ISO dates or ranges {@code 2026-02-15/2026-02-23},
     * comma-separated); a clear error naming the key when one cannot be read.
     */
    static PublicHolidays of(ChannelAccount account) {
        String key = account.option("holiday-country").orElse("") + "|" + account.option("holiday-region").orElse("")
                + "|" + account.option("holidays").orElse("");
        PublicHolidays known = KNOWN.get(key);
        if (known == null) {
            known = read(account);
            KNOWN.put(key, known);
        }
        return known;
    }

    private static PublicHolidays read(ChannelAccount account) {
        String country = account.option("holiday-country").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String region = account.option("holiday-region").map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        Set<LocalDate> listed = listed(account, account.option("holidays").orElse(""));
        if (country == null && listed.isEmpty()) {
            return NONE;
        }
        HolidayManager manager = null;
        if (country != null) {
            String code = country.toLowerCase(Locale.ROOT);
            if (HolidayManager.getSupportedCalendarCodes().stream().noneMatch(code::equalsIgnoreCase)) {
                throw new IllegalStateException("account '" + account.id() + "': options.holiday-country '" + country
                        + "' has no maintained holiday calendar; list its holidays in options.holidays instead");
            }
            manager = HolidayManager.getInstance(ManagerParameters.create(code));
        }
        return new PublicHolidays(manager, region == null ? new String[0] : region.toLowerCase(Locale.ROOT).split("/"), listed);
    }

    @Override
    public boolean test(LocalDate day) {
        return listed.contains(day) || manager != null && byYear.computeIfAbsent(day.getYear(), y ->
                manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, region).stream()
                        .map(Holiday::getActualDate).collect(Collectors.toUnmodifiableSet())).contains(day);
    }

    private static Set<LocalDate> listed(ChannelAccount account, String option) {
        Set<LocalDate> days = new HashSet<>();
        for (String item : option.split(",")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            try {
                String[] range = entry.split("/");
                LocalDate from = LocalDate.parse(range[0].trim());
                LocalDate to = range.length > 1 ? LocalDate.parse(range[1].trim()) : from;
                if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
                    throw new DateTimeParseException("a range of at most a year, forwards", entry, 0);
                }
                from.datesUntil(to.plusDays(1)).forEach(days::add);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("account '" + account.id() + "': options.holidays has '" + entry
                        + "'; use ISO dates or ranges such as 2026-02-15/2026-02-23, comma-separated");
            }
        }
        return Set.copyOf(days);
    }
}
