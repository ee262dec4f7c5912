package com.disputehub.decision;

import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/** The dispatch flow: claim requested decisions from the outbox, then push each on its own thread. */
@Configuration
class DispatchFlow {

    static final String POLLER_ID = "decisionDispatch.poller";

    /** Drains the outbox; rows are claimed with SKIP LOCKED, so several instances can run it side by side. */
    @Bean
    IntegrationFlow decisionDispatch(Decisions decisions, DecisionDispatcher dispatcher, DispatchProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("dispatch-");
        executor.setVirtualThreads(Runtime.version().feature() >= 21);
        executor.setConcurrencyLimit(properties.batchSize());
        return IntegrationFlow
                .fromSupplier(() -> decisions.claim(properties.batchSize()), e -> e
                        .id(POLLER_ID)
                        .autoStartup(properties.autoStartup())
                        .poller(Pollers.fixedDelay(properties.pollInterval())))
                .split()
                .channel(c -> c.executor(executor))
                .handle(UUID.class, (id, headers) -> {
                    dispatcher.dispatch(id);
                    return null;
                })
                .get();
    }
}
