package com.disputehub.sync;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code disputehub.sync.*}: whether pollers start with the application, how many pages one poll may read
 * (a guard against a channel that never says "last page"), the follow-up batch size, and the lock lease.
 */
@ConfigurationProperties("disputehub.sync")
record SyncProperties(@DefaultValue("true") boolean autoStartup, @DefaultValue("1000") int pageLimit,
                      @DefaultValue("100") int followUpBatch, @DefaultValue("5m") Duration lockTtl) {
}
