package com.disputehub.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.support.IntegrationTest;

/** The incident store on the real PostgreSQL: idempotent upsert, one timeline event per real change. */
class IncidentStoreTest extends IntegrationTest {

    static final IncidentSource SOURCE = new IncidentSource("mirakl", ACCOUNT, "test-1");

    @Autowired
    IncidentOutcomes outcomes;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    IncidentStore store;
    @Autowired
    Timeline timeline;
    @Autowired
    ChangeFeed changes;
    @Autowired
    IncidentQueries queries;
    @Autowired
    IncidentFiles files;

    final String externalId = "LINE-" + UUID.randomUUID();

    IncidentSnapshot.Builder snapshot() {
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, externalId)
                .order("ORDER-1", List.of("LINE-1"))
                .skus(List.of("SKU-1"))
                .product("Lámpara", null)
                .reason(new Reason(ReasonCategory.DAMAGED, "2", "Artículo recibido dañado"))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER)
                .productValue(Money.of("34.90", "EUR"))
                .openedAt(Instant.parse("2026-11-20T10:00:00.123456789Z"))
                .respondBy(Instant.parse("2026-11-21T10:00:00.987654321Z"))
                .messages(List.of(new IncidentMessage("m-1", "t", "Asunto", PartyRole.BUYER, "Ana",
                        List.of(PartyRole.SELLER), "hola", Instant.parse("2026-11-20T10:00:00.5Z"))))
                .rawPayload("{\"order_id\":\"ORDER-1\",\"price\":34.90}");
    }

    long rows(String table, UUID incident) {
        return jdbc.sql("select count(*) from " + table + " where " + ("incident".equals(table) ? "id" : "incident_id") + " = ?")
                .param(incident).query(Long.class).single();
    }

    @Test
    @DisplayName("X2: re-reading an unchanged dispute writes no row, no timeline event and no change event")
    void unchangedIsIdempotent() {
        IncidentSnapshot s = snapshot().build();
        UpsertResult created = store.upsert(SOURCE, s);
        long changesBefore = changes.after(0, 100_000).size();

        UpsertResult again = store.upsert(SOURCE, snapshot().build());
        UpsertResult rebuilt = store.upsert(SOURCE, snapshot().productValue(Money.of("34.9000", "EUR"))
                .rawPayload("{\"price\": 34.90, \"order_id\": \"ORDER-1\"}").build());

        assertThat(created.outcome()).isEqualTo(UpsertResult.Outcome.CREATED);
        assertThat(again.outcome()).isEqualTo(UpsertResult.Outcome.UNCHANGED);
        assertThat(rebuilt.outcome()).as("same amount at another scale, same JSON in another order").isEqualTo(UpsertResult.Outcome.UNCHANGED);
        assertThat(rows("incident", created.incidentId())).isEqualTo(1);
        assertThat(rows("timeline_event", created.incidentId())).isEqualTo(1);
        assertThat(changes.after(0, 100_000)).hasSize((int) changesBefore);
    }

    @Test
    @DisplayName("X2: a page stored at once answers each snapshot in order: new, unchanged, changed, and the same incident twice as if one after the other")
    void pageAtOnce() {
        IncidentSnapshot known = snapshot().build();
        UUID knownId = store.upsert(SOURCE, known).incidentId();
        IncidentSnapshot.Builder other = IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, externalId + "-B")
                .order("ORDER-2", List.of("LINE-2")).reason(new Reason(ReasonCategory.DAMAGED, "2", null))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER).rawPayload("{\"n\":1}");
        IncidentSnapshot followUpOfNothing = IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, externalId + "-C")
                .reason(new Reason(ReasonCategory.DAMAGED, "2", null)).followUp(true)
                .status(IncidentStatus.CLOSED, "CLOSED", ActionOwner.NOBODY).rawPayload("{}").build();
        long changesBefore = changes.after(0, 100_000).size();

        List<UpsertResult> results = store.upsertAll(SOURCE, List.of(other.build(), known, followUpOfNothing,
                other.status(IncidentStatus.WAITING_FOR_BUYER, "INCIDENT_OPEN", ActionOwner.BUYER).rawPayload("{\"n\":2}").build()));

        assertThat(results).extracting(UpsertResult::outcome).containsExactly(UpsertResult.Outcome.CREATED,
                UpsertResult.Outcome.UNCHANGED, UpsertResult.Outcome.SKIPPED, UpsertResult.Outcome.UPDATED);
        assertThat(results.get(1).incidentId()).isEqualTo(knownId);
        assertThat(results.get(3).incidentId()).isEqualTo(results.get(0).incidentId());
        assertThat(results.get(3).changes()).contains("status");
        assertThat(timeline.of(results.get(0).incidentId())).extracting(TimelineEvent::type).containsExactly("CREATED", "CHANNEL_UPDATE");
        assertThat(timeline.of(knownId)).hasSize(1);
        assertThat(changes.after(0, 100_000)).hasSize((int) changesBefore + 2);
        assertThat(store.find(results.get(0).incidentId()).orElseThrow().status()).isEqualTo(IncidentStatus.WAITING_FOR_BUYER);
        assertThat(jdbc.sql("select count(*) from incident where external_id = ?").param(externalId + "-C").query(Long.class).single())
                .as("a follow-up of an incident never stored stores nothing").isZero();
    }

    @Test
    @DisplayName("X2: a page one of whose rows the database refuses stores nothing of the page")
    void pageFailsWhole() {
        IncidentSnapshot good = snapshot().build();
        IncidentSnapshot refused = IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, externalId + "-NUL")
                .reason(new Reason(ReasonCategory.DAMAGED, "2", null))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER)
                .buyerName("a\u0000b") // PostgreSQL's text holds no NUL character
                .rawPayload("{}").build();

        assertThatThrownBy(() -> store.upsertAll(SOURCE, List.of(good, refused)))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);

        assertThat(jdbc.sql("select count(*) from incident where external_id like ?").param(externalId + "%")
                .query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("X2: a real change writes exactly one timeline event that says what changed, and one change event")
    void realChangeIsOneEvent() {
        IncidentSnapshot s = snapshot().build();
        UUID id = store.upsert(SOURCE, s).incidentId();

        UpsertResult updated = store.upsert(SOURCE, snapshot()
                .status(IncidentStatus.WAITING_FOR_BUYER, "INCIDENT_OPEN", ActionOwner.BUYER)
                .messages(List.of(s.messages().get(0), new IncidentMessage("m-2", "t", "Asunto", PartyRole.SELLER, "Tienda",
                        List.of(PartyRole.BUYER), "le enviamos otra", Instant.parse("2026-11-20T12:00:00Z"))))
                .build());

        assertThat(updated.outcome()).isEqualTo(UpsertResult.Outcome.UPDATED);
        List<TimelineEvent> events = timeline.of(id);
        assertThat(events).extracting(TimelineEvent::type).containsExactly("CREATED", "CHANNEL_UPDATE");
        assertThat(events.get(1).summary()).isEqualTo(
                "status: needs seller action → waiting for buyer; to act: seller → buyer; 1 new message, last from seller");
        assertThat(changes.after(0, 100_000).stream().filter(c -> c.incidentId().equals(id)).map(ChangeEvent::change))
                .containsExactly("CREATED", "UPDATED");
    }

    @Test
    @DisplayName("M4: a decision's status holds while the channel reports the same state, and yields to a new one")
    void heldStatus() {
        IncidentSnapshot s = snapshot().build();
        UUID id = store.upsert(SOURCE, s).incidentId();
        recordOutcome(id, IncidentStatus.WAITING_FOR_PLATFORM, "seller", TimelineText.of("tld.markResolved", TimelineText.Arg.value("4")));

        assertThat(store.upsert(SOURCE, s).outcome()).isEqualTo(UpsertResult.Outcome.UNCHANGED);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(IncidentStatus.WAITING_FOR_PLATFORM);

        store.upsert(SOURCE, snapshot().followUp(true).reason(null).openedAt(null).respondBy(null)
                .status(IncidentStatus.CLOSED, "RECEIVED", ActionOwner.NOBODY).build());
        Incident closed = store.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.reason()).isEqualTo(s.reason());
        assertThat(closed.openedAt()).isEqualTo(Instant.parse("2026-11-20T10:00:00.123456Z"));
    }

    @Test
    @DisplayName("M1: after the seller's message the status holds through the seller's own message, and yields to the buyer's reply")
    void heldStatusYieldsToBuyersReply() {
        UUID id = store.upsert(SOURCE, snapshot().build()).incidentId();
        recordOutcome(id, IncidentStatus.WAITING_FOR_BUYER, "seller", TimelineText.of("tl.outcome", TimelineText.Arg.value("Message sent")));
        IncidentMessage buyer = snapshot().build().messages().get(0);
        IncidentMessage seller = new IncidentMessage("m-2", "t", null, PartyRole.SELLER, "Tienda", List.of(PartyRole.BUYER),
                "Le enviamos otra", Instant.parse("2026-11-20T11:00:00Z"));
        IncidentMessage reply = new IncidentMessage("m-3", "t", null, PartyRole.BUYER, "Ana", List.of(PartyRole.SELLER),
                "¿Cuándo llega?", Instant.parse("2026-11-20T11:00:30Z"));

        store.upsert(SOURCE, snapshot().messages(List.of(buyer, seller)).build());
        assertThat(store.find(id).orElseThrow().status()).as("our own message changes nothing").isEqualTo(IncidentStatus.WAITING_FOR_BUYER);

        store.upsert(SOURCE, snapshot().messages(List.of(buyer, seller, reply)).build());
        assertThat(store.find(id).orElseThrow().status()).as("the channel says the seller must act again")
                .isEqualTo(IncidentStatus.NEEDS_SELLER_ACTION);
    }

    @Test
    @DisplayName("X2: a follow-up for an incident never stored is skipped, not created")
    void unknownFollowUpSkipped() {
        IncidentSnapshot s = snapshot().followUp(true).reason(null).status(IncidentStatus.CLOSED, "RECEIVED", ActionOwner.NOBODY).build();

        assertThat(store.upsert(SOURCE, s).outcome()).isEqualTo(UpsertResult.Outcome.SKIPPED);
        assertThat(jdbc.sql("select count(*) from incident where external_id = ?").param(s.externalId()).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("X9: a list page reads its incidents without their raw payloads, and a file list without the files' bytes; one incident reads both")
    void listsLeaveHeavyColumns() {
        UUID id = store.upsert(SOURCE, snapshot().build()).incidentId();
        files.add(id, null, "foto.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        Incident listed = queries.search(IncidentFilter.all().withAccount(ACCOUNT), null, 50).items().stream()
                .filter(i -> i.id().equals(id)).findFirst().orElseThrow();
        assertThat(listed.rawPayload()).as("a list never carries the payload").isNull();
        assertThat(listed.messages()).as("what a row shows is read").hasSize(1);
        assertThat(store.find(id).orElseThrow().rawPayload()).contains("ORDER-1");
        assertThat(files.of(id)).singleElement().satisfies(f -> assertThat(f.sizeBytes()).isEqualTo(4));
        assertThat(files.content(id, files.of(id).get(0).id())).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(4));
    }

    @Test
    @DisplayName("X9: an incident closed when first read ends when stored, one the channel closes later ends then, and a reopened one has no end")
    void closingTime() {
        UUID open = store.upsert(SOURCE, snapshot().build()).incidentId();
        UUID closedAtOnce = store.upsert(SOURCE, IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, externalId + "-closed")
                .reason(new Reason(ReasonCategory.DAMAGED, "2", "Artículo recibido dañado"))
                .status(IncidentStatus.CLOSED, "CLOSED", ActionOwner.NOBODY).rawPayload("{}").build()).incidentId();

        assertThat(closedAt(open)).isNull();
        assertThat(closedAt(closedAtOnce)).isEqualTo(store.find(closedAtOnce).orElseThrow().updatedAt());

        store.upsert(SOURCE, snapshot().status(IncidentStatus.RESOLVED, "CLOSED", ActionOwner.NOBODY).build());
        assertThat(closedAt(open)).isEqualTo(store.find(open).orElseThrow().updatedAt());
        store.upsert(SOURCE, snapshot().build());
        assertThat(closedAt(open)).isNull();
    }

    @Test
    @DisplayName("X2: the raw payload is kept as the channel wrote it: its order of keys, its spacing, its numbers")
    void rawPayloadVerbatim() {
        String raw = "{\"order_id\": \"ORDER-1\", \"price\": 34.90, \"a\": [1.0, 2]}";
        UUID id = store.upsert(SOURCE, snapshot().rawPayload(raw).build()).incidentId();

        assertThat(store.find(id).orElseThrow().rawPayload()).isEqualTo(raw);
    }

    private Instant closedAt(UUID incident) {
        return jdbc.sql("select closed_at from incident where id = ?").param(incident)
                .query((rs, n) -> Optional.ofNullable(IncidentRowMapper.instant(rs, "closed_at"))).single().orElse(null);
    }

    /** A decision's outcome recorded on the incident, as the dispatcher records it (in its own transaction). */
    private void recordOutcome(UUID incidentId, IncidentStatus statusAfter, String actor, TimelineText summary) {
        tx.executeWithoutResult(status -> outcomes.recordAll(List.of(new IncidentOutcomes.Outcome(incidentId, statusAfter,
                actor, summary))));
    }
}
