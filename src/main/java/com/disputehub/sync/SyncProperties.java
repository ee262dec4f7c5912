package com.disputehub.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disputehub.sync.*}: whether the sync starts with the application, how many pages one poll may read
 * (a guard against a channel that never says "last page"), the follow-up batch size, the lock lease, how many
 * accounts poll at once (each holds a database connection while it stores a page), how often due accounts are
 * looked for, and how many records one transaction stores at most when pages came while the one before was stored.
 */
@ConfigurationProperties("disputehub.sync")
record SyncProperties(@DefaultValue("true") boolean autoStartup, @DefaultValue("1000") int pageLimit,
                      @DefaultValue("100") int followUpBatch, @DefaultValue("5m") Duration lockTtl,
                      @DefaultValue("4") int workers, @DefaultValue("1s") Duration tick,
                      @DefaultValue("1000") int storeBatch) {

    SyncProperties {
        if (workers < 1) {
            throw new IllegalArgumentException("disputehub.sync.workers must be 1 or more, not " + workers);
        }
        if (storeBatch < 1) {
            throw new IllegalArgumentException("disputehub.sync.store-batch must be 1 or more, not " + storeBatch);
        }
    }
}
