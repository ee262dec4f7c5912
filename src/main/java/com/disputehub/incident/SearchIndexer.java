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
 *
 * <p>It gives way to syncs storing pages: while this JVM queued incidents within {@code disputehub.search.give-way}
 * (2 s) and fewer than {@code disputehub.search.max-backlog} (20,000) wait, it leaves them for a later look. A
 * trigram entry costs PostgreSQL more than the whole incident it indexes, and the search finds queued incidents all
 * the same, by their rows: the backlog bounds what that costs a search (tens of milliseconds at 20,000).
 */
@Configuration(proxyBeanMethods = false)
class SearchIndexer {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

    private final SearchIndex index;
    private final int batch;
    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("search-index-");
    private final AtomicBoolean working = new AtomicBoolean();

    private final Duration giveWay;
    private final int maxBacklog;

    SearchIndexer(SearchIndex index, @Value("${disputehub.search.index-batch:1000}") int batch,
                  @Value("${disputehub.search.give-way:2s}") Duration giveWay,
                  @Value("${disputehub.search.max-backlog:20000}") int maxBacklog) {
        this.index = index;
        this.batch = batch;
        this.giveWay = giveWay;
        this.maxBacklog = maxBacklog;
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
            indexWaiting(giveWay, maxBacklog);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("indexing free text stopped; the next look starts again: {}", e.getMessage());
        } finally {
            working.set(false);
        }
    }

    /**
     * Indexes what waits, batch after batch, unless it gives way to a sync (see the class); how many it indexed. Once
     * it has begun, it goes on until none is left or it gives way again.
     */
    int indexWaiting(Duration giveWay, int maxBacklog) throws InterruptedException {
        int indexed = 0;
        while (index.sinceQueued().compareTo(giveWay) >= 0 || index.pendingUpTo(maxBacklog) >= maxBacklog) {
            long started = System.nanoTime();
            int taken = index.indexBatch(batch);
            indexed += taken;
            if (taken < batch) {
                if (taken > 0) {
                    index.settle();
                }
                return indexed;
            }
            // a full batch, more may wait; while syncs store, rest as long as it took, so that they keep at least
            // one of two cores (the search finds what waits all the same)
            if (index.sinceQueued().compareTo(giveWay) < 0) {
                Thread.sleep(Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
        }
        return indexed;
    }
}
