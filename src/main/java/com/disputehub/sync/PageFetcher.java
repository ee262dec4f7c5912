package com.disputehub.sync;

import java.util.function.Function;

import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts the {@link PageStream} of each poll: the reader threads (virtual where the JDK has them), one per polling
 * account, so never more than {@code disputehub.sync.workers}; a poll reads at most {@code page-limit} pages and
 * stores up to {@code store-batch} records at a time.
 */
@Component
class PageFetcher {

    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("sync-read-");
    private final SyncProperties properties;

    PageFetcher(SyncProperties properties) {
        this.properties = properties;
        executor.setVirtualThreads(Runtime.version().feature() >= 21);
        executor.setConcurrencyLimit(properties.workers());
    }

    /** The pages from {@code start} on, each read by {@code read} from the cursor the page before gave. */
    <P extends PageStream.Page> PageStream<P> stream(Function<String, P> read, String start) {
        return PageStream.start(executor, read, start, properties.pageLimit(), properties.storeBatch());
    }
}
