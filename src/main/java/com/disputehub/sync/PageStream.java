package com.disputehub.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.springframework.core.task.AsyncTaskExecutor;

/**
 * An account's pages, read one after the other by a reader of their own while the sync stores those read before
 * (issue 17, goal 2): the channel's answers and PostgreSQL's storing overlap instead of taking turns, and pages that
 * came while one was stored are stored together, in one transaction, up to {@code batch} records. The reader stops
 * while that many records wait (memory stays bounded), after {@code limit} pages, after the channel's last page, or
 * at a failed read, which the sync meets after storing the pages read before it. One read at a time, so a channel
 * sees no more calls at once than from a sync that reads and stores in turn.
 */
final class PageStream<P extends PageStream.Page> implements AutoCloseable {

    /** What the stream needs of a page: its records' number, whether more follow, and where they start. */
    interface Page {
        int size();

        boolean more();

        String nextCursor();
    }

    private final Deque<P> pages = new ArrayDeque<>();
    private final int batch;
    private int waiting;
    private RuntimeException failure;
    private boolean finished;
    private boolean closed;
    private Future<?> reader;

    private PageStream(int batch) {
        this.batch = batch;
    }

    /** Starts reading from {@code start} with {@code read} (cursor to page) on a thread of {@code executor}'s. */
    static <P extends Page> PageStream<P> start(AsyncTaskExecutor executor, Function<String, P> read,
                            String start, int limit, int batch) {
        PageStream<P> stream = new PageStream<>(batch);
        stream.reader = executor.submit(() -> stream.read(read, start, limit));
        return stream;
    }

    private void read(Function<String, P> read, String start, int limit) {
        String cursor = start;
        try {
            for (int n = 0; n < limit; n++) {
                synchronized (this) {
                    while (!closed && waiting >= batch) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                }
                P page = read.apply(cursor);
                synchronized (this) {
                    pages.add(page);
                    waiting += page.size();
                    notifyAll();
                }
                if (!page.more()) {
                    return;
                }
                cursor = page.nextCursor();
            }
        } catch (RuntimeException e) {
            fail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(new IllegalStateException("the page reader was interrupted", e));
        } catch (Error e) {
            // a reader that died otherwise must not look like the channel's last page: the poll fails instead
            fail(new IllegalStateException("the page reader failed: " + e, e));
            throw e;
        } finally {
            synchronized (this) {
                finished = true;
                notifyAll();
            }
        }
    }

    private synchronized void fail(RuntimeException e) {
        failure = e;
    }

    /**
     * The pages read since the last call, at least one, together no more than the batch's records unless one page
     * alone has more; none when the reader is done; the read's own exception when it failed before any page waited.
     */
    synchronized List<P> next() {
        while (pages.isEmpty() && !finished) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the channel's next page", e);
            }
        }
        if (pages.isEmpty()) {
            if (failure != null) {
                throw failure;
            }
            return List.of();
        }
        List<P> taken = new ArrayList<>();
        int records = 0;
        while (!pages.isEmpty() && (taken.isEmpty() || records + pages.peek().size() <= batch)) {
            P page = pages.poll();
            taken.add(page);
            records += page.size();
        }
        waiting -= records;
        notifyAll();
        return taken;
    }

    /** Stops reading (the sync is done or failed); a read under way ends on its own and its page is dropped. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            pages.clear();
            notifyAll();
        }
        reader.cancel(false);
    }
}
