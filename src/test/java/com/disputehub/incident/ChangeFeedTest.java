package com.disputehub.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.support.IntegrationTest;

/** The change feed an ERP follows with {@code after=}: every change once, none skipped, under concurrent writers. */
class ChangeFeedTest extends IntegrationTest {

    static final int WRITERS = 6;
    static final int CHANGES_EACH = 60;

    @Autowired
    ChangeFeed feed;
    @Autowired
    TransactionTemplate tx;

    @Test
    @DisplayName("X5: six writers whose transactions commit out of id order; a reader following after= sees every change exactly once")
    void gapFreeUnderConcurrentWriters() throws Exception {
        UUID incident = syncFixtureOrders(ACCOUNT, "");
        long start = lastSequence();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String writer = "W" + w;
            running.add(writers.submit(() -> {
                for (int i = 0; i < CHANGES_EACH; i++) {
                    String change = writer + "-" + i;
                    tx.executeWithoutResult(status -> {
                        feed.record(incident, change);
                        // hold the id just taken while others commit theirs
                        sleep(ThreadLocalRandom.current().nextInt(0, 8));
                    });
                }
            }));
        }
        Map<String, Integer> seen = new HashMap<>();
        long after = start;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (seen.size() < WRITERS * CHANGES_EACH && Instant.now().isBefore(deadline)) {
            List<ChangeEvent> page = feed.after(after, 7);
            for (ChangeEvent e : page) {
                assertThat(e.sequence()).isGreaterThan(after);
                after = e.sequence();
                if (e.change().startsWith("W")) {
                    seen.merge(e.change(), 1, Integer::sum);
                }
            }
        }
        for (Future<?> w : running) {
            w.get();
        }
        writers.shutdown();
        for (ChangeEvent e : feed.after(after, 1000)) {
            if (e.change().startsWith("W")) {
                seen.merge(e.change(), 1, Integer::sum);
            }
        }

        assertThat(seen).hasSize(WRITERS * CHANGES_EACH);
        assertThat(seen.values()).containsOnly(1);
    }

    private long lastSequence() {
        long last = 0;
        for (List<ChangeEvent> page = feed.after(0, 1000); !page.isEmpty(); page = feed.after(last, 1000)) {
            last = page.get(page.size() - 1).sequence();
        }
        return last;
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
