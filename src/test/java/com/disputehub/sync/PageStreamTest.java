package com.disputehub.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import com.disputehub.channel.FetchResult;
import com.disputehub.channel.RawRecord;

/** The pages of one poll, read ahead of the store (issue 17, goal 2): in order, bounded, nothing lost at a failure. */
class PageStreamTest {

    /** A page of the test's channel. */
    record Page(FetchResult fetched) implements PageStream.Page {
        public int size() {
            return fetched.records().size();
        }

        public boolean more() {
            return fetched.more();
        }

        public String nextCursor() {
            return fetched.nextCursor();
        }
    }

    final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("test-read-");
    final AtomicInteger reads = new AtomicInteger();

    /** A channel of {@code pages} pages of three records; the cursor is the page's number. */
    Function<String, Page> channel(int pages, int failingPage) {
        return cursor -> {
            int page = Integer.parseInt(cursor);
            reads.incrementAndGet();
            if (page == failingPage) {
                throw new IllegalStateException("page " + page + " refused");
            }
            List<RawRecord> records = IntStream.range(0, 3).mapToObj(n -> RawRecord.json(page + "-" + n, "{}")).toList();
            return new Page(new FetchResult(records, String.valueOf(page + 1), page + 1 < pages));
        };
    }

    static List<String> refs(List<Page> batch) {
        return batch.stream().flatMap(p -> p.fetched().records().stream()).map(RawRecord::ref).toList();
    }

    @Test
    @DisplayName("X1: every page comes once, in order, pages that waited together up to the batch's records, then none")
    void inOrderInBatches() {
        try (PageStream<Page> stream = PageStream.start(executor, channel(5, -1), "0", 100, 6)) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 2);
            List<Page> first = stream.next();
            assertThat(refs(first)).as("two pages of three waited: one batch of six")
                    .containsExactly("0-0", "0-1", "0-2", "1-0", "1-1", "1-2");
            List<String> rest = new java.util.ArrayList<>();
            for (List<Page> batch = stream.next(); !batch.isEmpty(); batch = stream.next()) {
                assertThat(batch.stream().mapToInt(Page::size).sum()).isLessThanOrEqualTo(6);
                rest.addAll(refs(batch));
            }
            assertThat(rest).containsExactly("2-0", "2-1", "2-2", "3-0", "3-1", "3-2", "4-0", "4-1", "4-2");
            assertThat(stream.next()).isEmpty();
        }
        assertThat(reads).hasValue(5);
    }

    @Test
    @DisplayName("X1: the reader waits while a batch's records wait to be stored, so memory stays bounded")
    void boundedAhead() throws InterruptedException {
        try (PageStream<Page> stream = PageStream.start(executor, channel(50, -1), "0", 100, 6)) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 2);
            Thread.sleep(200);
            assertThat(reads).as("six records wait: no third read").hasValue(2);
            stream.next();
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 4);
        }
    }

    @Test
    @DisplayName("X1: pages read before a failed read are stored first; then the read's own exception")
    void failureAfterPages() {
        try (PageStream<Page> stream = PageStream.start(executor, channel(5, 2), "0", 100, 100)) {
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 3);
            assertThat(refs(stream.next())).hasSize(6);
            assertThatThrownBy(stream::next).isInstanceOf(IllegalStateException.class).hasMessage("page 2 refused");
        }
    }

    @Test
    @DisplayName("X1: a reader that dies of an error fails the poll after the pages before it, rather than looking like the last page")
    void errorIsAFailure() {
        Function<String, Page> dying = cursor -> {
            if (cursor.equals("1")) {
                throw new StackOverflowError("mapper recursed");
            }
            return channel(5, -1).apply(cursor);
        };
        try (PageStream<Page> stream = PageStream.start(executor, dying, "0", 100, 100)) {
            assertThat(refs(stream.next())).hasSize(3);
            assertThatThrownBy(stream::next).isInstanceOf(IllegalStateException.class).hasMessageContaining("mapper recursed");
        }
    }

    @Test
    @DisplayName("X1: a poll reads no more than its page limit, and its last page still says more")
    void pageLimit() {
        try (PageStream<Page> stream = PageStream.start(executor, channel(50, -1), "0", 4, 3)) {
            List<Page> all = new java.util.ArrayList<>();
            for (List<Page> batch = stream.next(); !batch.isEmpty(); batch = stream.next()) {
                all.addAll(batch);
            }
            assertThat(all).hasSize(4);
            assertThat(all.get(3).more()).isTrue();
        }
        assertThat(reads).hasValue(4);
    }

    @Test
    @DisplayName("X1: a closed stream reads no more")
    void closeStops() throws InterruptedException {
        PageStream<Page> stream = PageStream.start(executor, channel(50, -1), "0", 100, 3);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);
        stream.close();
        Thread.sleep(200);
        assertThat(reads).hasValue(1);
    }
}
