package com.disputehub.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.support.IntegrationTest;

/**
 * The free text index beside the incident table (V31, issue 17): the search finds every incident by its text as it
 * is now, before the indexer has come by and after, and a sync's change racing the indexer is never lost.
 */
class SearchIndexTest extends IntegrationTest {

    static final IncidentSource SOURCE = new IncidentSource("mirakl", ACCOUNT, "test-1");

    @Autowired
    IncidentStore store;
    @Autowired
    IncidentQueries queries;
    @Autowired
    SearchIndex index;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    SearchIndexer indexer;

    static IncidentSnapshot snapshot(String id, String body) {
        return snapshot(id, body, IncidentStatus.NEEDS_SELLER_ACTION);
    }

    static IncidentSnapshot snapshot(String id, String body, IncidentStatus status) {
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, id)
                .reason(new Reason(ReasonCategory.DAMAGED, "2", null))
                .status(status, status.name(), status.isOpen() ? ActionOwner.SELLER : ActionOwner.NOBODY)
                .messages(List.of(new IncidentMessage(id + "-m", null, null, PartyRole.BUYER, "Ana", List.of(PartyRole.SELLER),
                        body, java.time.Instant.parse("2026-11-30T10:00:00Z"))))
                .rawPayload("{\"id\":\"" + id + "\",\"body\":\"" + body + "\",\"status\":\"" + status + "\"}")
                .build();
    }

    List<UUID> found(String text) {
        return queries.search(new FilterForm(null, null, null, null, null, null, null, text, null, null, null, null, null,
                null, null, null).toFilter(), null, 50).items().stream().map(Incident::id).toList();
    }

    void indexAll() {
        while (index.indexBatch(1000) > 0) {
            // until the queue is empty
        }
    }

    boolean queued(UUID id) {
        return jdbc.sql("select count(*) from incident_search where incident_id = ? and search_text is null").param(id)
                .query(Long.class).single() > 0;
    }

    String indexed(UUID id) {
        return jdbc.sql("select search_text from incident_search where incident_id = ? and search_text is not null")
                .param(id).query(String.class).optional().orElse(null);
    }

    @Test
    @DisplayName("M2: the indexer gives way while a sync stores, unless its backlog is full, and indexes once syncs are quiet; the search finds what waits")
    void givesWayToSyncs() throws InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID first = store.upsert(SOURCE, snapshot("GW1-" + run, "cedió el paso " + run)).incidentId();

        assertThat(indexer.indexWaiting(java.time.Duration.ofHours(1), 1_000_000)).as("a sync has just stored").isZero();
        assertThat(queued(first)).isTrue();
        assertThat(found("paso " + run)).as("found by its row while it waits").containsExactly(first);

        assertThat(indexer.indexWaiting(java.time.Duration.ofHours(1), 1)).as("the backlog is full").isPositive();
        assertThat(indexed(first)).contains("cedió el paso " + run);

        UUID second = store.upsert(SOURCE, snapshot("GW2-" + run, "otro paso " + run)).incidentId();
        assertThat(indexer.indexWaiting(java.time.Duration.ZERO, 1_000_000)).as("the syncs are quiet").isPositive();
        assertThat(indexed(second)).contains("otro paso " + run);
        assertThat(found("paso " + run)).containsExactlyInAnyOrder(first, second);
    }

    @Test
    @DisplayName("M2: a new incident is found by what the buyer wrote before it is indexed and after")
    void newIncidentFoundBeforeAndAfterIndexing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        indexAll();
        UUID id = store.upsertAll(SOURCE, List.of(snapshot("s-" + run, "caja aplastada " + run))).get(0).incidentId();

        assertThat(queued(id)).as("queued for the index").isTrue();
        assertThat(indexed(id)).isNull();
        assertThat(found("aplastada " + run)).containsExactly(id);

        indexAll();
        assertThat(queued(id)).isFalse();
        assertThat(indexed(id)).contains("caja aplastada " + run);
        assertThat(found("aplastada " + run)).containsExactly(id);
        assertThat(found("intacta " + run)).isEmpty();
    }

    @Test
    @DisplayName("M2: after a channel changes an incident's text, the old text no longer finds it and the new one does, indexed or not")
    void changedTextReplacesTheOld() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID id = store.upsertAll(SOURCE, List.of(snapshot("s-" + run, "primera version " + run))).get(0).incidentId();
        indexAll();

        store.upsertAll(SOURCE, List.of(snapshot("s-" + run, "segunda version " + run)));
        assertThat(queued(id)).isTrue();
        assertThat(indexed(id)).as("the old text left the index with the change").isNull();
        assertThat(found("primera version " + run)).isEmpty();
        assertThat(found("segunda version " + run)).containsExactly(id);

        indexAll();
        assertThat(found("primera version " + run)).isEmpty();
        assertThat(found("segunda version " + run)).containsExactly(id);
        assertThat(indexed(id)).contains("segunda version");
    }

    @Test
    @DisplayName("M2: a phrase finds only incidents with the whole phrase, though the index looks for its rarest-looking word")
    void phraseIsCheckedWhole() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID whole = store.upsertAll(SOURCE, List.of(snapshot("s-" + run, "la caja rota " + run))).get(0).incidentId();
        UUID word = store.upsertAll(SOURCE, List.of(snapshot("t-" + run, "la caja intacta " + run))).get(0).incidentId();
        assertThat(SearchIndex.narrowing("caja rota 4242")).isEqualTo("4242");
        assertThat(SearchIndex.narrowing("llegó muy mal")).isEqualTo("llegó");
        assertThat(SearchIndex.narrowing("a b")).isEqualTo("a b");

        for (int pass = 0; pass < 2; pass++) {
            assertThat(found("caja rota " + run)).containsExactly(whole);
            assertThat(found("caja " + run)).isEmpty();
            assertThat(found(run)).containsExactlyInAnyOrder(whole, word);
            indexAll();
        }
    }

    @Test
    @DisplayName("M2: a channel's change that leaves the text as it was (a new status) keeps the incident's index entry")
    void changeWithoutNewTextKeepsTheEntry() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID id = store.upsertAll(SOURCE, List.of(snapshot("s-" + run, "misma caja " + run))).get(0).incidentId();
        indexAll();

        assertThat(store.upsertAll(SOURCE, List.of(snapshot("s-" + run, "misma caja " + run, IncidentStatus.CLOSED)))
                .get(0).outcome()).isEqualTo(UpsertResult.Outcome.UPDATED);

        assertThat(queued(id)).isFalse();
        assertThat(indexed(id)).contains("misma caja " + run);
        assertThat(found("misma caja " + run)).containsExactly(id);
    }

    @Test
    @DisplayName("M2: a change committed while the indexer runs is indexed afterwards, never dropped with an older text")
    void changeRacingTheIndexerIsNotLost() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID id = store.upsertAll(SOURCE, List.of(snapshot("s-" + run, "antes " + run))).get(0).incidentId();
        assertThat(queued(id)).isTrue();

        CountDownLatch changed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> sync = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            store.upsertAll(SOURCE, List.of(snapshot("s-" + run, "despues " + run)));
            changed.countDown();
            await(release);
        }));
        assertThat(changed.await(10, TimeUnit.SECONDS)).isTrue();

        indexAll(); // the sync's transaction holds the incident's queue row: the indexer leaves it
        assertThat(queued(id)).as("still queued while the change is uncommitted").isTrue();
        assertThat(indexed(id)).isNull();
        assertThat(found("antes " + run)).containsExactly(id);

        release.countDown();
        sync.get(10, TimeUnit.SECONDS);
        assertThat(found("despues " + run)).containsExactly(id);
        indexAll();
        assertThat(indexed(id)).contains("despues " + run);
        assertThat(found("antes " + run)).isEmpty();
        assertThat(found("despues " + run)).containsExactly(id);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
