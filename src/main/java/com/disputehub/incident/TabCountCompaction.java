package com.disputehub.incident;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * Sums the tab counters' delta rows every {@code disputehub.inbox.count-compaction} (30 s), so that reading the counts
 * stays a read of a few rows however many incidents a sync has just stored.
 */
@Configuration
class TabCountCompaction {

    @Bean
    IntegrationFlow tabCountCompactionFlow(TabCounters counters,
                                           @Value("${disputehub.inbox.count-compaction:30s}") Duration interval) {
        return IntegrationFlow
                .fromSupplier(counters::compact, e -> e.id("tabCountCompaction.poller").poller(Pollers.fixedDelay(interval)))
                .nullChannel();
    }
}
