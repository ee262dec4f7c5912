package com.disputehub.channel.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An account's sends as they leave: at most {@code limit} in any {@code period}, counted at the moment each goes
 * out. The rate limiter spaces permits evenly, but a thread that takes its permit and then runs late (a busy core,
 * a pause) sends late, close to the calls after it; a channel counting over any window of a period would then see
 * more than it allows. Here the late call waits instead (issue 17).
 */
final class SendWindow {

    private final int limit;
    private final long periodNanos;
    private final Deque<Long> sent = new ArrayDeque<>();

    SendWindow(int limit, Duration period) {
        this.limit = limit;
        this.periodNanos = period.toNanos();
    }

    /** Waits until one more send fits in the last period, and counts it as leaving now. */
    synchronized void enter() throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            while (!sent.isEmpty() && now - sent.peekFirst() >= periodNanos) {
                sent.removeFirst();
            }
            if (sent.size() < limit) {
                sent.addLast(now);
                return;
            }
            long wait = sent.peekFirst() + periodNanos - now;
            wait(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
