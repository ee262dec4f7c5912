package com.disputehub.grouping;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.disputehub.channel.DecisionCommand;
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
 * An item refused at its turn (its incident changed since the dry run) is skipped with the reason.
 */
@Component
class BulkRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkRunner.class);

    private final BulkStore store;
    private final DecisionService decisions;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bulk-decisions");
        t.setDaemon(true);
        return t;
    });

    BulkRunner(BulkStore store, DecisionService decisions, ObjectMapper json, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.json = json;
        this.clock = clock;
    }

    void start(UUID bulkId) {
        executor.execute(() -> run(bulkId));
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
            for (BulkStore.Waiting item : store.waiting(bulkId)) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                handOver(bulkId, requestedBy, item);
            }
            store.queued(bulkId, clock.instant());
        } catch (RuntimeException e) {
            log.error("bulk decision {} stopped; it resumes at the next start: {}", bulkId, e.toString());
        }
    }

    private void handOver(UUID bulkId, String requestedBy, BulkStore.Waiting item) {
        try {
            DecisionCommand command = json.readValue(item.commandJson(), DecisionCommand.class);
            Decision decision = decisions.request(item.incidentId(), command, requestedBy,
                    IdempotencyKey.bulk(bulkId, item.incidentId()));
            store.handedOver(bulkId, item.incidentId(), decision.id());
        } catch (DecisionRefusedException e) {
            store.skipped(bulkId, item.incidentId(), BulkDecisions.refusal(e.kind()), "refused when its turn came: " + e.getMessage());
        } catch (IncidentNotFoundException e) {
            store.skipped(bulkId, item.incidentId(), "GONE", e.getMessage());
        }
    }
}
