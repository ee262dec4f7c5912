package com.disputehub.decision;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;

import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelGuards;

/**
 * The dispatcher's workers (issue 17, goal 3). Each claims a few due decisions ({@code disputehub.dispatch.batch-size}),
 * pushes them one after the other, records their outcomes together, and claims again for as long as the outbox has due work, so that sending never
 * waits for the poller's next look; a worker that claimed a full batch brings in another, up to
 * {@code disputehub.dispatch.workers}. Workers run on virtual threads where the JDK has them, and stop claiming as
 * soon as the dispatch poller is stopped. Claims skip locked rows: instances never share a decision.
 */
@Component
class DispatchWorkers {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorkers.class);

    private final Decisions decisions;
    private final DecisionDispatcher dispatcher;
    private final DispatchProperties properties;
    private final DispatcherInstance instance;
    private final ChannelGuards guards;
    private final ChannelAccounts accounts;
    private final ApplicationContext context;
    private final SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("dispatch-");
    private final AtomicInteger active = new AtomicInteger();

    DispatchWorkers(Decisions decisions, DecisionDispatcher dispatcher, DispatchProperties properties,
                    DispatcherInstance instance, ChannelGuards guards, ChannelAccounts accounts, ApplicationContext context) {
        this.decisions = decisions;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.instance = instance;
        this.guards = guards;
        this.accounts = accounts;
        this.context = context;
        executor.setVirtualThreads(Runtime.version().feature() >= 21);
    }

    /** The poller's look: one more worker when there is room for one; null when there is none. */
    Integer wake() {
        return spawn() ? active.get() : null;
    }

    private boolean spawn() {
        int now;
        do {
            now = active.get();
            if (now >= properties.workers()) {
                return false;
            }
        } while (!active.compareAndSet(now, now + 1));
        try {
            executor.execute(this::work);
            return true;
        } catch (RuntimeException e) {
            active.decrementAndGet();
            throw e;
        }
    }

    private void work() {
        try {
            while (running()) {
                List<UUID> claimed = decisions.claim(properties.batchSize(), instance.id(), guards.pausedAccounts(accounts.all()));
                if (claimed.isEmpty()) {
                    return;
                }
                if (claimed.size() == properties.batchSize()) {
                    spawn();
                }
                dispatcher.dispatchAll(claimed);
            }
        } catch (RuntimeException e) {
            log.warn("a dispatch worker stopped; the next look starts another: {}", e.getMessage());
        } finally {
            active.decrementAndGet();
        }
    }

    private boolean running() {
        return context.getBean(DispatchFlow.POLLER_ID, Lifecycle.class).isRunning();
    }
}
