package com.disputehub.decision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disputehub.dispatch.*}: whether the dispatcher starts, how often it looks at the outbox, how many
 * decisions a worker claims at once, how many workers send in parallel, how often it looks for half-sent ones, and the push
 * budget: a decision SENDING for longer than that is reconciled even when its instance still beats (longer
 * than any push with its retries and rate-limit waits can take).
 */
@ConfigurationProperties("disputehub.dispatch")
record DispatchProperties(@DefaultValue("true") boolean autoStartup, @DefaultValue("1s") Duration pollInterval,
                          @DefaultValue("10") int batchSize, @DefaultValue("10s") Duration recoveryInterval,
                          @DefaultValue("10m") Duration pushBudget, @DefaultValue("64") int workers) {

    DispatchProperties {
        if (batchSize < 1 || workers < 1) {
            throw new IllegalArgumentException("disputehub.dispatch.batch-size and workers must be 1 or more");
        }
    }
}
