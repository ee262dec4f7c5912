package com.disputehub.grouping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.disputehub.channel.command.DecisionCommand;
import com.disputehub.decision.Decision;
import com.disputehub.decision.DecisionRefusedException;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.IdempotencyKey;
import com.disputehub.decision.IncidentNotFoundException;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.ObjectMapper;

/**
 * Hands a confirmed bulk decision's items to the outbox one by one, in the background, each with the key
 * {@code bulk:<id>:<incident>}; a restart resumes where it stopped and the key keeps an item from being sent twice.
 * An item refused at its turn (its incident changed since the dry run) is skipped with the reason. A passing error
 * (the database away) makes the run wait and try again by itself, with a growing pause, saying so in its progress.
 */
@Component
class BulkRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkRunner.class);
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration MAX_PAUSE = Duration.ofMinutes(1);

    private final BulkStore store;
    private final BulkCompletion completion;
    private final DecisionService decisions;
    private final ObjectMapper json;
    private final Clock clock;
    private final TaskScheduler scheduler;
    private final Map<UUID, Integer> failures = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-decisions");
        t.setDaemon(true);
        return t;
    });

    BulkRunner(BulkStore store, BulkCompletion completion, DecisionService decisions, ObjectMapper json, Clock clock,
               TaskScheduler scheduler) {
        this.store = store;
        this.decisions = decisions;
        this.json = json;
        this.clock = clock;
        this.completion = completion;
        this.scheduler = scheduler;
    }

    /** Runs the bulk on its thread; inside a transaction, once it commits, so that the run sees its own rows. */
    void start(UUID bulkId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(() -> run(bulkId));
                }
            });
        } else {
            executor.execute(() -> run(bulkId));
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void resume() {
        store.confirmed().forEach(this::start);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private void run(UUID bulkId) {
        try {
            String requestedBy = "bulk:" + bulkId + " (" + store.requestedBy(bulkId) + ")";
            boolean approved = store.approved(bulkId);
            for (BulkStore.Waiting item : store.waiting(bulkId)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                handOver(bulkId, requestedBy, approved, item);
            }
            store.queued(bulkId, clock.instant());
            store.notWaiting(bulkId);
            completion.check(bulkId);
            failures.remove(bulkId);
        } catch (RuntimeException e) {
            waitAndRetry(bulkId, e);
        }
    }

    private void waitAndRetry(UUID bulkId, RuntimeException e) {
        int failed = failures.merge(bulkId, 1, Integer::sum);
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failed - 1, 6));
        Instant retryAt = clock.instant().plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause);
        String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        log.warn("bulk decision {} stopped on an error; it tries again at {}: {}", bulkId, retryAt, e.toString());
        try {
            store.waitingAfterError(bulkId, reason.length() > 300 ? reason.substring(0, 300) + "…" : reason, retryAt);
        } catch (RuntimeException unrecorded) {
            log.warn("bulk decision {}: cannot record that it waits: {}", bulkId, unrecorded.toString());
        }
        scheduler.schedule(() -> start(bulkId), retryAt);
    }

    private void handOver(UUID bulkId, String requestedBy, boolean approved, BulkStore.Waiting item) {
        if (failures.containsKey(bulkId)) {
            store.notWaiting(bulkId);
        }
        try {
            DecisionCommand command = json.readValue(item.commandJson(), DecisionCommand.class);
            IdempotencyKey key = IdempotencyKey.bulk(bulkId, item.incidentId());
            Decision decision = approved ? decisions.requestApproved(item.incidentId(), command, requestedBy, key)
                    : decisions.request(item.incidentId(), command, requestedBy, key);
            store.handedOver(bulkId, item.incidentId(), decision.id());
        } catch (DecisionRefusedException e) {
            store.skipped(bulkId, item.incidentId(), BulkDecisions.refusal(e.kind()), "refused when its turn came: " + e.getMessage());
        } catch (IncidentNotFoundException e) {
            store.skipped(bulkId, item.incidentId(), "GONE", e.getMessage());
        }
    }
}
