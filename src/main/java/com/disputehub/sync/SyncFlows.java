package com.disputehub.sync;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.messaging.MessagingException;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.runtime.ChannelAccounts;

/** Registers one polling flow per configured account when the application is ready, and the sync error flow. */
@Configuration
class SyncFlows {

    private static final Logger log = LoggerFactory.getLogger(SyncFlows.class);

    private final ChannelAccounts accounts;
    private final AccountSync sync;
    private final IntegrationFlowContext flows;
    private final SyncProperties properties;

    SyncFlows(ChannelAccounts accounts, AccountSync sync, IntegrationFlowContext flows, SyncProperties properties) {
        this.accounts = accounts;
        this.sync = sync;
        this.flows = flows;
        this.properties = properties;
    }

    /** Logs a failed poll in one line; the account's sync_state row keeps the error for the API. */
    @Bean
    IntegrationFlow syncErrorFlow() {
        return IntegrationFlow.from("syncErrors")
                .handle(message -> {
                    Throwable error = message.getPayload() instanceof MessagingException me && me.getCause() != null
                            ? me.getCause() : (Throwable) message.getPayload();
                    log.warn("sync poll failed: {}", error.getMessage());
                })
                .get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerAccountFlows() {
        for (ChannelAccount account : accounts.all()) {
            register(account);
        }
    }

    /**
     * Polls one account every {@code poll-interval} on a thread of its own (a bulkhead: a slow or failing
     * account never holds the scheduler the others need); each report goes to the debug log.
     */
    private void register(ChannelAccount account) {
        Duration interval = account.pollInterval();
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("sync-" + account.id() + "-");
        executor.setVirtualThreads(Runtime.version().feature() >= 21);
        executor.setConcurrencyLimit(1);
        IntegrationFlow flow = IntegrationFlow
                .fromSupplier(() -> sync.poll(account), e -> e
                        .id(endpointId(account.id()))
                        .autoStartup(properties.autoStartup())
                        .poller(Pollers.fixedDelay(interval).taskExecutor(executor).errorChannel("syncErrors")))
                .handle(message -> log.debug("sync {}", message.getPayload()))
                .get();
        flows.registration(flow).id(flowId(account.id())).autoStartup(properties.autoStartup()).register();
        log.info("sync of account {} ({}) every {}{}", account.id(), account.channelType(), interval,
                properties.autoStartup() ? "" : " (not started: disputehub.sync.auto-startup=false)");
    }

    static String flowId(String accountId) {
        return "sync-" + accountId;
    }

    static String endpointId(String accountId) {
        return "sync-" + accountId + ".poller";
    }
}
