package com.disputehub.channel.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.channel.ChannelAccount;

/** Business hours skip weekends in the channel's zone (DOMAIN M1). */
class BusinessCalendarTest {

    BusinessCalendar madrid = BusinessCalendar.mondayToFriday(ZoneId.of("Europe/Madrid"));

    @Test
    @DisplayName("M1: 24 business hours from a Tuesday morning is Wednesday morning")
    void weekday() {
        assertThat(madrid.plusBusinessHours(Instant.parse("2026-11-17T09:00:00Z"), 24))
                .isEqualTo(Instant.parse("2026-11-18T09:00:00Z"));
    }

    @Test
    @DisplayName("M1: 24 business hours from Friday afternoon lands on Monday afternoon")
    void overTheWeekend() {
        assertThat(madrid.plusBusinessHours(Instant.parse("2026-11-20T15:00:00Z"), 24))
                .isEqualTo(Instant.parse("2026-11-23T15:00:00Z"));
    }

    @Test
    @DisplayName("M1: a message on Sunday is due at the end of Monday, Madrid time")
    void fromSunday() {
        assertThat(madrid.plusBusinessHours(Instant.parse("2026-11-22T10:00:00Z"), 24))
                .isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
    }

    @Test
    @DisplayName("Business days: Friday plus 2 is Tuesday; Friday to the next Wednesday is 3 whole business days")
    void businessDays() {
        Instant friday = Instant.parse("2026-11-20T09:00:00Z");
        assertThat(madrid.plusBusinessDays(friday, 2)).isEqualTo(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(madrid.businessDaysBetween(friday, Instant.parse("2026-11-25T10:00:00Z"))).isEqualTo(3);
        assertThat(madrid.businessDaysBetween(friday, Instant.parse("2026-11-23T08:00:00Z"))).isZero();
        assertThat(madrid.businessDaysBetween(friday, friday.minusSeconds(1))).isZero();
    }

    static ChannelAccount account(java.util.Map<String, String> options) {
        return new ChannelAccount("cal", "mirakl", java.net.URI.create("http://127.0.0.1:1"), java.time.Duration.ofMinutes(1),
                false, java.util.Map.of(), options);
    }

    @Test
    @DisplayName("M1: 24 business hours from the eve of a Spanish national holiday skip it (Constitution Day, Tuesday 8 Dec 2026 is Immaculate Conception)")
    void spanishHoliday() {
        BusinessCalendar spain = BusinessCalendar.of(account(java.util.Map.of("time-zone", "Europe/Madrid", "holiday-country", "ES")), "UTC");
        // Monday 7 December 2026, 10:00 Madrid; Tuesday 8 December is a national holiday in Spain
        assertThat(spain.plusBusinessHours(Instant.parse("2026-12-07T09:00:00Z"), 24))
                .isEqualTo(Instant.parse("2026-12-09T09:00:00Z"));
        assertThat(madrid.plusBusinessHours(Instant.parse("2026-12-07T09:00:00Z"), 24))
                .as("without the country's calendar, the holiday counts").isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
    }

    @Test
    @DisplayName("S1, S2: supplier terms skip the holidays an account lists (mainland China's Spring Festival, which jollyday does not keep)")
    void listedHolidays() {
        BusinessCalendar supplier = BusinessCalendar.of(account(java.util.Map.of("time-zone", "Asia/Shanghai",
                "holidays", "2026-02-15/2026-02-23")), "UTC");
        // Friday 13 February 2026, 10:00 Shanghai, plus 2 business days: the Spring Festival week does not count
        assertThat(supplier.plusBusinessDays(Instant.parse("2026-02-13T02:00:00Z"), 2))
                .isEqualTo(Instant.parse("2026-02-25T02:00:00Z"));
    }

    @Test
    @DisplayName("S1: a country without a maintained calendar, or a malformed date, is a start-up error naming the option")
    void badOptions() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BusinessCalendar.of(account(java.util.Map.of("holiday-country", "CN")), "UTC"))
                .hasMessageContaining("options.holiday-country 'CN'").hasMessageContaining("options.holidays");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BusinessCalendar.of(account(java.util.Map.of("holidays", "2026-13-01")), "UTC"))
                .hasMessageContaining("options.holidays has '2026-13-01'");
    }
}
