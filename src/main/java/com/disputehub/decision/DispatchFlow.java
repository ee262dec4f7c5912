package com.disputehub.decision;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.channel.runtime.ChannelGuards;

/** The dispatch flows: drain the outbox, and settle what dead dispatchers left half-sent. */
@Configuration
class DispatchFlow {

    static final String POLLER_ID = "decisionDispatch.poller";
    static final String RECOVERY_POLLER_ID = "orphanRecovery.poller";
    /** Keep claiming while decisions are due; the executor's limit holds the poller back when all threads are busy. */
    static final int MAX_BATCHES_PER_POLL = 100;
    private static final Logger log = LoggerFactory.getLogger(DispatchFlow.class);

    /**
     * Claims due decisions of accounts whose circuit is not open (SKIP LOCKED: instances never share a row)
     * and pushes each on its own thread.
     */
    @Bean
    IntegrationFlow decisionDispatch(Decisions decisions, DecisionDispatcher dispatcher, DispatchProperties properties,
                                     DispatcherInstance instance, ChannelGuards guards, ChannelAccounts accounts) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("dispatch-");
        executor.setVirtualThreads(Runtime.version().feature() >= 21);
        executor.setConcurrencyLimit(properties.batchSize());
        return IntegrationFlow
                .fromSupplier(() -> decisions.claim(properties.batchSize(), instance.id(), guards.pausedAccounts(accounts.all())),
                        e -> e.id(POLLER_ID)
                                .autoStartup(properties.autoStartup())
                                .poller(Pollers.fixedDelay(properties.pollInterval()).maxMessagesPerPoll(MAX_BATCHES_PER_POLL)))
                .split()
                .channel(c -> c.executor(executor))
                .handle(UUID.class, (id, headers) -> {
                    dispatcher.dispatch(id);
                    return null;
                })
                .get();
    }

    /** Reconciles SENDING decisions whose dispatcher stopped beating (a crash mid-send). */
    @Bean
    IntegrationFlow orphanRecovery(Reconciler reconciler, DispatchProperties properties) {
        return IntegrationFlow
                .fromSupplier(reconciler::recoverOrphans, e -> e.id(RECOVERY_POLLER_ID)
                        .autoStartup(properties.autoStartup())
                        .poller(Pollers.fixedDelay(properties.recoveryInterval())))
                .handle(Integer.class, (taken, headers) -> {
                    if (taken > 0) {
                        log.info("reconciled {} decision(s) left half-sent by a stopped dispatcher", taken);
                    }
                    return null;
                })
                .get();
    }
}
