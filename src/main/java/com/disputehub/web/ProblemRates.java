package com.disputehub.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ProblemRate;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.channel.runtime.ChannelGuards;

/**
 * The channels' own problem rates for the dashboard (DOMAIN O6), read in the background and kept for a quarter of
 * an hour: a page never waits on a channel (a slow or failing one would hold it through its retries); it shows
 * what was last measured, and when.
 */
@Component
class ProblemRates {

    static final Duration FRESH = Duration.ofMinutes(15);

    /** The last reading of an account: its rate (empty: its channel reports none), or why it failed. */
    record Reading(Optional<ProblemRate> rate, String error, Instant at) {
    }

    private final ChannelAccounts accounts;
    private final ChannelAdapters adapters;
    private final ChannelGuards guards;
    private final Clock clock;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Set<String> reading = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "problem-rates");
        thread.setDaemon(true);
        return thread;
    });

    ProblemRates(ChannelAccounts accounts, ChannelAdapters adapters, ChannelGuards guards, Clock clock) {
        this.accounts = accounts;
        this.adapters = adapters;
        this.guards = guards;
        this.clock = clock;
    }

    /** The readings there are now, by account; stale or missing ones are asked for again in the background. */
    Map<String, Reading> current() {
        Instant now = clock.instant();
        for (ChannelAccount account : accounts.all()) {
            Reading last = readings.get(account.id());
            boolean stale = last == null || last.at().plus(FRESH).isBefore(now);
            if (stale && adapters.supports(account.channelType()) && !guards.paused(account) && reading.add(account.id())) {
                worker.submit(() -> read(account));
            }
        }
        return Map.copyOf(readings);
    }

    private void read(ChannelAccount account) {
        try {
            readings.put(account.id(), new Reading(guards.call(account, () -> adapters.get(account.channelType()).problemRate(account)),
                    null, clock.instant()));
        } catch (RuntimeException e) {
            readings.put(account.id(), new Reading(Optional.empty(), String.valueOf(e.getMessage()), clock.instant()));
        } finally {
            reading.remove(account.id());
        }
    }
}
