package com.disputehub.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

import com.disputehub.channel.FetchResult;

/**
 * Reads an account's next page while its sync stores the one before (issue 17, goal 2): the channel's answer and
 * PostgreSQL's storing then overlap instead of taking turns. One read ahead per polling account at most, so a channel
 * sees no more calls at once than before; the read goes through the same guards (rate limit, circuit breaker).
 */
@Component
class PageFetcher {

    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("sync-read-");

    PageFetcher(SyncProperties properties) {
        executor.setVirtualThreads(Runtime.version().feature() >= 21);
        executor.setConcurrencyLimit(properties.workers());
    }

    /** Starts reading a page; {@link Ahead#get} waits for it. */
    Ahead ahead(Supplier<FetchResult> read) {
        return new Ahead(CompletableFuture.supplyAsync(read, executor));
    }

    /** A page on its way. */
    static final class Ahead {
        private final CompletableFuture<FetchResult> page;

        private Ahead(CompletableFuture<FetchResult> page) {
            this.page = page;
        }

        /** The page, or the read's own exception as if it had been read here. */
        FetchResult get() {
            try {
                return page.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** Not wanted any more (the page before it failed): its answer, when it comes, is dropped. */
        void cancel() {
            page.cancel(false);
        }
    }
}
