package com.disputehub.sync;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.runtime.ChannelAccounts;

/**
 * The sync flow: every {@code disputehub.sync.tick} it hands the accounts that are due to a bounded set of workers
 * ({@code disputehub.sync.workers}, virtual threads where the JDK has them), never more than are free, so that a
 * thousand accounts poll without a thread or a connection each (issue 17, goal 6) and a slow account holds one worker,
 * never the scheduler.
 */
@Configuration
class SyncFlows {

    /** The flow's poller, to start or stop it by name. */
    static final String POLLER = "sync.poller";

    private static final Logger log = LoggerFactory.getLogger(SyncFlows.class);

    private final ChannelAccounts accounts;
    private final AccountSync sync;
    private final SyncProperties properties;
    private final Clock clock;
    private final SyncSchedule schedule = new SyncSchedule();

    SyncFlows(ChannelAccounts accounts, AccountSync sync, SyncProperties properties, Clock clock) {
        this.accounts = accounts;
        this.sync = sync;
        this.properties = properties;
        this.clock = clock;
    }

    @Bean
    IntegrationFlow syncFlow() {
        SimpleAsyncTaskExecutor workers = new SimpleAsyncTaskExecutor("sync-");
        workers.setVirtualThreads(Runtime.version().feature() >= 21);
        workers.setConcurrencyLimit(properties.workers());
        log.info("sync of {} accounts by {} workers, looking for due accounts every {}{}", accounts.all().size(),
                properties.workers(), properties.tick(),
                properties.autoStartup() ? "" : " (not started: disputehub.sync.auto-startup=false)");
        return IntegrationFlow
                .fromSupplier(this::due, e -> e.id(POLLER).autoStartup(properties.autoStartup())
                        .poller(Pollers.fixedDelay(properties.tick())))
                .split()
                .channel(c -> c.executor(workers))
                .handle(ChannelAccount.class, (account, headers) -> {
                    poll(account);
                    return null;
                })
                .get();
    }

    /** The due accounts, as many as there are free workers; null (no message) when there are none. */
    private List<ChannelAccount> due() {
        List<ChannelAccount> due = schedule.take(accounts.all(), clock.instant(), properties.workers() - schedule.running());
        return due.isEmpty() ? null : due;
    }

    /**
     * Polls the account, then, on the same worker, every account due meanwhile, until none is; whatever a poll's end,
     * its account is due again one interval later. The account's state keeps the error.
     */
    private void poll(ChannelAccount first) {
        ChannelAccount account = first;
        while (account != null) {
            try {
                log.debug("sync {}", sync.poll(account));
            } catch (RuntimeException e) {
                log.warn("sync poll of {} failed: {}", account.id(), e.getMessage());
            } catch (Error e) {
                schedule.finished(account, clock.instant());
                throw e;
            }
            account = schedule.finishedThenNext(account, accounts.all(), clock.instant());
        }
    }
}
