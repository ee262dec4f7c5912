package com.disputehub.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disputehub.webhooks.*}: whether plain-HTTP loopback and private targets are taken (the demo and tests; never
 * link-local or cloud metadata), the default timeout, the waits between attempts (Standard Webhooks' schedule: the
 * first retry within seconds, the last more than a day after the first attempt), after how long a failing endpoint
 * is disabled, how long a rotated secret stays valid, and how the deliverer polls.
 */
@ConfigurationProperties("disputehub.webhooks")
public record WebhookProperties(@DefaultValue("false") boolean allowPrivateTargets,
                                @DefaultValue("10s") Duration timeout,
                                @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h", "10h"}) List<Duration> retrySchedule,
                                @DefaultValue("0.2") double jitter,
                                @DefaultValue("24h") Duration disableAfter,
                                @DefaultValue("24h") Duration rotationOverlap,
                                @DefaultValue("true") boolean autoStartup,
                                @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("50") int batchSize,
                                @DefaultValue("8") int concurrency,
                                @DefaultValue("24h") Duration maxRetryAfter) {

    public WebhookProperties {
        if (retrySchedule.isEmpty() || timeout.isNegative() || timeout.isZero() || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("disputehub.webhooks: retry-schedule needs at least one wait, timeout must be"
                    + " positive and jitter from 0 to below 1");
        }
    }
}
