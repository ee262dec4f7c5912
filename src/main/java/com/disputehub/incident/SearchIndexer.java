package com.disputehub.incident;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * Keeps the free text index up ({@link SearchIndex}): every {@code disputehub.search.index-interval} (1 s) the poller
 * looks, and when incidents wait, one worker of its own indexes them in batches of {@code disputehub.search.index-batch}
 * (1,000) until none is left, so that the scheduler's thread never waits for it.
 */
@Configuration(proxyBeanMethods = false)
class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchIndex index;
    private final int batch;
    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("search-index-");
    private final AtomicBoolean working = new AtomicBoolean();

    SearchIndexer(SearchIndex index, @Value("${disputehub.search.index-batch:1000}") int batch) {
        this.index = index;
        this.batch = batch;
    }

    @Bean
    IntegrationFlow searchIndexFlow(@Value("${disputehub.search.index-interval:1s}") Duration interval,
                                    @Value("${disputehub.search.auto-startup:true}") boolean autoStartup) {
        return IntegrationFlow
                .fromSupplier(this::wake, e -> e.id("searchIndex.poller").autoStartup(autoStartup)
                        .poller(Pollers.fixedDelay(interval)))
                .nullChannel();
    }

    /** The poller's look: starts the worker unless it is at work already; null (no message) either way. */
    private Object wake() {
        if (working.compareAndSet(false, true)) {
            try {
                executor.execute(this::work);
            } catch (RuntimeException e) {
                working.set(false);
                throw e;
            }
        }
        return null;
    }

    private void work() {
        try {
            while (true) {
                long started = System.nanoTime();
                int taken = index.indexBatch(batch);
                if (taken < batch) {
                    if (taken > 0) {
                        index.settle();
                    }
                    return;
                }
                // a full batch, more may wait: rest as long as it took, so that a sync storing what is queued keeps
                // at least one of two cores (the search finds what waits all the same)
                Thread.sleep(Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("indexing free text stopped; the next look starts again: {}", e.getMessage());
        } finally {
            working.set(false);
        }
    }
}
