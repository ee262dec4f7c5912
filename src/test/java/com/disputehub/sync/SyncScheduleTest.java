package com.disputehub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.channel.ChannelAccount;

/** The schedule that lets many accounts share a few sync workers (issue 17, goal 6). */
class SyncScheduleTest {

    static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    static ChannelAccount account(String id, Duration interval) {
        return new ChannelAccount(id, "mirakl", URI.create("http://127.0.0.1:1"), interval, true, Map.of(), Map.of());
    }

    final SyncSchedule schedule = new SyncSchedule();
    final List<ChannelAccount> thousand = IntStream.range(0, 1000)
            .mapToObj(i -> account("a" + i, Duration.ofMinutes(1))).toList();

    @Test
    @DisplayName("X1: a thousand accounts never poll more at once than there are workers; the others wait their turn")
    void boundedByWorkers() {
        List<ChannelAccount> first = schedule.take(thousand, T0, 4);
        List<ChannelAccount> more = schedule.take(thousand, T0, 4 - schedule.running());

        assertThat(first).hasSize(4);
        assertThat(more).as("no worker free").isEmpty();
        schedule.finished(first.get(0), T0.plusSeconds(2));
        List<ChannelAccount> next = schedule.take(thousand, T0.plusSeconds(2), 4 - schedule.running());
        assertThat(next).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    @Test
    @DisplayName("X1: an account being polled is never handed out again, and is due one interval after its poll ended")
    void neverTwiceAndDueAfterInterval() {
        ChannelAccount slow = account("slow", Duration.ofSeconds(30));
        assertThat(schedule.take(List.of(slow), T0, 4)).containsExactly(slow);
        assertThat(schedule.take(List.of(slow), T0.plusSeconds(600), 4)).as("still running").isEmpty();

        schedule.finished(slow, T0.plusSeconds(600));

        assertThat(schedule.take(List.of(slow), T0.plusSeconds(629), 4)).isEmpty();
        assertThat(schedule.take(List.of(slow), T0.plusSeconds(630), 4)).containsExactly(slow);
    }

    @Test
    @DisplayName("X1: every account gets its turn: the longest-waiting go first")
    void longestWaitingFirst() {
        java.util.Set<String> polled = new java.util.HashSet<>();
        Instant now = T0;
        for (int round = 0; round < 250; round++) {
            for (ChannelAccount a : schedule.take(thousand, now, 4)) {
                polled.add(a.id());
                schedule.finished(a, now);
            }
            now = now.plusMillis(100);
        }
        assertThat(polled).as("1,000 accounts, 4 at a time, 250 rounds").hasSize(1000);
        assertThat(schedule.take(thousand, now, 4)).as("none due again within its minute").isEmpty();
    }

    @Test
    @DisplayName("X1: a worker whose poll ended takes the next due account at once, and the number polling never grows")
    void workerGoesOn() {
        List<ChannelAccount> four = schedule.take(thousand, T0, 4);

        ChannelAccount next = schedule.finishedThenNext(four.get(0), thousand, T0.plusSeconds(1));

        assertThat(next).isNotNull().isNotIn(four);
        assertThat(schedule.running()).isEqualTo(4);
        List<ChannelAccount> single = List.of(four.get(1));
        assertThat(schedule.finishedThenNext(four.get(1), single, T0.plusSeconds(1))).as("none due: the worker stops").isNull();
        assertThat(schedule.running()).isEqualTo(3);
    }
}
