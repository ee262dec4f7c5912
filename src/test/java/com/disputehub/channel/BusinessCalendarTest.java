package com.disputehub.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
