package com.disputehub.channel;

import java.time.Duration;

/** A channel's published call rate: at most {@code calls} every {@code per}. */
public record RateLimit(int calls, Duration per) {

    public RateLimit {
        if (calls < 1 || per == null || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("a rate limit is at least one call per a positive period");
        }
    }

    public static RateLimit perSecond(int calls) {
        return new RateLimit(calls, Duration.ofSeconds(1));
    }
}
