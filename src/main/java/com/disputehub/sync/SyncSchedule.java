package com.disputehub.sync;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.disputehub.channel.ChannelAccount;

/**
 * Which accounts are due for a poll on this instance, and which are being polled (issue 17, goal 6): an account is
 * due once its interval has passed since its last poll ended (at once when it has not been polled yet), is never
 * handed out twice while its poll runs, and the longest-waiting accounts go first, so that a thousand accounts share
 * a few workers fairly. Another instance polling the same account is kept out by the account's lock, not here.
 */
final class SyncSchedule {

    private final Map<String, Instant> due = new HashMap<>();
    private final Set<String> running = new HashSet<>();

    /** Up to {@code max} due accounts, longest-waiting first, now counted as running. */
    synchronized List<ChannelAccount> take(List<ChannelAccount> accounts, Instant now, int max) {
        List<ChannelAccount> taken = accounts.stream()
                .filter(a -> !running.contains(a.id()) && !due.getOrDefault(a.id(), Instant.MIN).isAfter(now))
                .sorted(Comparator.comparing(a -> due.getOrDefault(a.id(), Instant.MIN)))
                .limit(Math.max(0, max))
                .toList();
        taken.forEach(a -> running.add(a.id()));
        return taken;
    }

    /** The account's poll ended (however it ended): it is due again one interval from now. */
    synchronized void finished(ChannelAccount account, Instant now) {
        running.remove(account.id());
        due.put(account.id(), now.plus(account.pollInterval()));
    }

    /**
     * The account's poll ended, and the worker that polled it takes the next due account, if any, in one step: a
     * worker goes on while accounts are due, without waiting for the next look, and never makes more polls run.
     */
    synchronized ChannelAccount finishedThenNext(ChannelAccount account, List<ChannelAccount> accounts, Instant now) {
        finished(account, now);
        List<ChannelAccount> next = take(accounts, now, 1);
        return next.isEmpty() ? null : next.get(0);
    }

    synchronized int running() {
        return running.size();
    }
}
