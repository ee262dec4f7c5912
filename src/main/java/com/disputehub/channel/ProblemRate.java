package com.disputehub.channel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * An account's reported-problem rate over a window, as the channel counts it (DOMAIN O6): problems / orders,
 * and whether it is above the threshold that harms the seller's ranking.
 */
public record ProblemRate(long problems, long orders, BigDecimal rate, BigDecimal threshold, boolean aboveThreshold,
                          Instant since, Instant measuredAt) {

    public static ProblemRate of(long problems, long orders, BigDecimal threshold, Instant since, Instant now) {
        BigDecimal rate = orders == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(problems).divide(BigDecimal.valueOf(orders), 4, RoundingMode.HALF_UP);
        return new ProblemRate(problems, orders, rate, threshold, rate.compareTo(threshold) > 0, since, now);
    }
}
