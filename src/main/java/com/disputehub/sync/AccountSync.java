package com.disputehub.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.stereotype.Component;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.ChannelAdapter;
import com.disputehub.channel.RawRecord;
import com.disputehub.channel.runtime.ChannelAdapters;
import com.disputehub.channel.runtime.ChannelGuards;
import com.disputehub.incident.IncidentQueries;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentSource;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.OpenIncidentRef;
import com.disputehub.incident.UpsertResult;

/**
 * One poll of one account: pages of changes until the channel says there are no more, read while those before are
 * stored ({@link PageStream}; pages that came meanwhile are stored together), the cursor saved after each store, then
 * a follow-up read of the open incidents the pages did not mention. A record that cannot be normalized or stored is
 * quarantined; the rest of its page is stored all the same. The poll's lock is renewed every fifth of its lease.
 */
@Component
public class AccountSync {

    private static final Logger log = LoggerFactory.getLogger(AccountSync.class);

    private final ChannelAdapters adapters;
    private final IncidentStore store;
    private final IncidentQueries queries;
    private final SyncStates states;
    private final Quarantine quarantine;
    private final JdbcLockRegistry locks;
    private final ChannelGuards guards;
    private final SyncProperties properties;
    private final PageFetcher fetcher;

    AccountSync(ChannelAdapters adapters, IncidentStore store, IncidentQueries queries, SyncStates states,
                Quarantine quarantine, JdbcLockRegistry locks, ChannelGuards guards, SyncProperties properties,
                PageFetcher fetcher) {
        this.adapters = adapters;
        this.store = store;
        this.queries = queries;
        this.states = states;
        this.quarantine = quarantine;
        this.locks = locks;
        this.guards = guards;
        this.properties = properties;
        this.fetcher = fetcher;
    }

    /** Polls the account unless its circuit is open or another instance is polling it right now. */
    public SyncReport poll(ChannelAccount account) {
        if (guards.paused(account)) {
            log.debug("sync of {} paused: its circuit breaker is open or its authorization was refused", account.id());
            return SyncReport.skipped(account.id());
        }
        String key = lockKey(account);
        Lock lock = locks.obtain(key);
        if (!lock.tryLock()) {
            log.debug("sync of {} skipped: another instance holds its lock", account.id());
            return SyncReport.skipped(account.id());
        }
        try {
            return pollLocked(account, key);
        } finally {
            lock.unlock();
        }
    }

    private SyncReport pollLocked(ChannelAccount account, String key) {
        ChannelAdapter adapter = adapters.get(account.channelType());
        Run run = new Run(account, adapter, new IncidentSource(account.channelType(), account.id(), adapter.version()));
        states.started(account);
        try {
            boolean more = true;
            long renewed = System.nanoTime();
            try (PageStream<NormalizedPage> pages = fetcher.stream(cursor -> NormalizedPage.of(adapter, account,
                    guards.call(account, () -> adapter.fetchChanges(account, cursor))), states.cursor(account.id()))) {
                for (List<NormalizedPage> batch = pages.next(); !batch.isEmpty(); batch = pages.next()) {
                    storeAll(run, batch.stream().flatMap(page -> page.entries().stream()).toList());
                    batch.forEach(page -> run.touched.addAll(page.fetched().unchanged()));
                    NormalizedPage last = batch.get(batch.size() - 1);
                    states.saveCursor(account.id(), last.nextCursor(), run.storedDelta(), run.quarantinedDelta());
                    run.pages += batch.size();
                    more = last.more();
                    if (System.nanoTime() - renewed > properties.lockTtl().toNanos() / 5) {
                        locks.renewLock(key);
                        renewed = System.nanoTime();
                    }
                }
            }
            if (more) {
                log.warn("sync of {} stopped after {} pages (disputehub.sync.page-limit); it goes on at the next poll",
                        account.id(), run.pages);
            }
            followUp(run);
            states.succeeded(account.id(), run.storedDelta(), run.quarantinedDelta());
        } catch (RuntimeException e) {
            states.failed(account.id(), e.getMessage() == null ? e.getClass().getName() : e.getMessage());
            throw e;
        }
        return new SyncReport(account.id(), true, run.pages, run.created, run.updated, run.unchanged,
                run.quarantined, run.followedUp);
    }

    private void followUp(Run run) {
        List<OpenIncidentRef> open = new ArrayList<>(queries.openIncidents(run.account.id()));
        open.removeIf(ref -> run.touched.contains(ref.externalId()));
        for (int from = 0; from < open.size(); from += properties.followUpBatch()) {
            List<OpenIncidentRef> batch = open.subList(from, Math.min(open.size(), from + properties.followUpBatch()));
            storeAll(run, NormalizedPage.normalize(run.adapter, run.account,
                    guards.call(run.account, () -> run.adapter.reread(run.account, batch))));
            run.followedUp += batch.size();
        }
    }

    /**
     * Quarantines the records that could not be normalized and stores the rest at once; should that fail for
     * something of the records' own (not the database's health), each snapshot is stored on its own so that the bad
     * one is quarantined and the rest kept.
     */
    private void storeAll(Run run, List<NormalizedPage.Entry> entries) {
        List<RawRecord> sources = new ArrayList<>();
        List<IncidentSnapshot> snapshots = new ArrayList<>();
        for (NormalizedPage.Entry entry : entries) {
            if (entry.failure() != null) {
                quarantine(run, entry.record(), "normalize", entry.failure());
            }
            for (IncidentSnapshot snapshot : entry.snapshots()) {
                sources.add(entry.record());
                snapshots.add(snapshot);
            }
        }
        if (snapshots.isEmpty()) {
            return;
        }
        try {
            List<UpsertResult> results = store.upsertAll(run.source, snapshots);
            results.forEach(result -> count(run, result));
            snapshots.forEach(snapshot -> run.touched.add(snapshot.externalId()));
            return;
        } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
            throw e; // the database, not the record: fail the poll, keep the cursor
        } catch (RuntimeException e) {
            log.info("account {}: a page of {} incidents failed at once ({}); storing them one by one", run.account.id(),
                    snapshots.size(), e.getMessage());
        }
        for (int i = 0; i < snapshots.size(); i++) {
            IncidentSnapshot snapshot = snapshots.get(i);
            try {
                count(run, store.upsert(run.source, snapshot));
                run.touched.add(snapshot.externalId());
            } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
                throw e;
            } catch (RuntimeException e) {
                quarantine(run, sources.get(i), "store " + snapshot.externalId(), e);
            }
        }
    }

    private void quarantine(Run run, RawRecord record, String stage, RuntimeException e) {
        log.warn("account {}: {} quarantined at {}: {}", run.account.id(), record.ref(), stage, e.getMessage());
        quarantine.put(run.account, record, stage, e.getClass().getSimpleName() + ": " + e.getMessage());
        run.quarantined++;
    }

    private static void count(Run run, UpsertResult result) {
        switch (result.outcome()) {
            case CREATED -> run.created++;
            case UPDATED -> run.updated++;
            case UNCHANGED -> run.unchanged++;
            case SKIPPED -> { }
        }
    }

    static String lockKey(ChannelAccount account) {
        return "sync:" + account.id();
    }

    /** Counters of one poll, and what was already added to the stored totals. */
    private static final class Run {
        final ChannelAccount account;
        final ChannelAdapter adapter;
        final IncidentSource source;
        final Set<String> touched = new HashSet<>();
        int pages;
        int created;
        int updated;
        int unchanged;
        int quarantined;
        int followedUp;
        private int storedReported;
        private int quarantinedReported;

        Run(ChannelAccount account, ChannelAdapter adapter, IncidentSource source) {
            this.account = account;
            this.adapter = adapter;
            this.source = source;
        }

        int storedDelta() {
            int stored = created + updated;
            int delta = stored - storedReported;
            storedReported = stored;
            return delta;
        }

        int quarantinedDelta() {
            int delta = quarantined - quarantinedReported;
            quarantinedReported = quarantined;
            return delta;
        }
    }
}
