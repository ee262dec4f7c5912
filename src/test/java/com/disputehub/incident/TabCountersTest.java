package com.disputehub.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.support.IntegrationTest;

/** The tab counters the database keeps (V29) against counting the rows, through every kind of change (issue 17). */
class TabCountersTest extends IntegrationTest {

    static final IncidentSource SOURCE = new IncidentSource("mirakl", ACCOUNT, "test-1");
    static final IncidentSource OTHER = new IncidentSource("mirakl", ACCOUNT + "-other", "test-1");

    @Autowired
    IncidentOutcomes outcomes;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    IncidentStore store;
    @Autowired
    IncidentQueries queries;
    @Autowired
    IncidentWork work;
    @Autowired
    TabCounters counters;

    static IncidentSnapshot snapshot(String id, IncidentStatus status, List<String> flags) {
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, id)
                .reason(new Reason(ReasonCategory.DAMAGED, "2", null))
                .status(status, status.name(), ActionOwner.SELLER).flags(flags).rawPayload("{\"s\":\"" + status + flags + "\"}")
                .build();
    }

    void sameAsRows() {
        for (IncidentFilter filter : List.of(IncidentFilter.all(), IncidentFilter.all().withAccount(ACCOUNT),
                IncidentFilter.all().withAccount(OTHER.accountId()), new FilterForm("mirakl", ACCOUNT, null,
                        "NEEDS_SELLER_ACTION", null, null, null, null, null, null, null, null, null, null, "no", null).toFilter(),
                new FilterForm(null, ACCOUNT, null, null, null, null, null, null, null, null, null, null, null, null, "no", null)
                        .toFilter())) {
            assertThat(counters.counts(filter)).as("the counters answer %s", filter).isPresent();
            assertThat(queries.counts(filter)).as("counts of %s", filter).isEqualTo(queries.countRows(filter));
        }
    }

    @Test
    @DisplayName("X3: tab counts from the counters equal counted rows after creations, changes, decisions, snoozes, deletions and compaction")
    void countersFollowEveryChange() {
        String run = UUID.randomUUID().toString();
        List<IncidentSnapshot> page = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            IncidentStatus status = IncidentStatus.values()[i % IncidentStatus.values().length];
            page.add(snapshot(run + "-" + i, status, i % 4 == 0 ? List.of(IncidentView.FIRST_ABSENCE_FLAG) : List.of()));
        }
        List<UpsertResult> created = store.upsertAll(SOURCE, page);
        store.upsertAll(OTHER, page.subList(0, 5));
        sameAsRows();

        store.upsertAll(SOURCE, List.of(snapshot(run + "-0", IncidentStatus.WAITING_FOR_BUYER, List.of()),
                snapshot(run + "-1", IncidentStatus.NEEDS_SELLER_ACTION, List.of(IncidentView.FIRST_ABSENCE_FLAG))));
        recordOutcome(created.get(2).incidentId(), IncidentStatus.WAITING_FOR_PLATFORM, "test",
                TimelineText.of("tl.refsRemoved"));
        sameAsRows();

        UUID needsAction = created.stream().map(UpsertResult::incidentId)
                .filter(id -> store.find(id).orElseThrow().status() == IncidentStatus.NEEDS_SELLER_ACTION).findFirst().orElseThrow();
        work.snooze(needsAction, Instant.now().plusSeconds(3600), "test");
        jdbc.sql("delete from timeline_event where incident_id = ?").param(created.get(3).incidentId()).update();
        jdbc.sql("delete from change_event where incident_id = ?").param(created.get(3).incidentId()).update();
        jdbc.sql("delete from event where incident_id = ?").param(created.get(3).incidentId()).update();
        jdbc.sql("delete from incident_work where incident_id = ?").param(created.get(3).incidentId()).update();
        jdbc.sql("delete from incident where id = ?").param(created.get(3).incidentId()).update();
        sameAsRows();
        assertThat(queries.counts(IncidentFilter.all().withAccount(ACCOUNT)).all())
                .as("11 left, all counted without the snooze filter").isEqualTo(11);

        assertThat(counters.compact()).isPositive();
        sameAsRows();
        assertThat(jdbc.sql("select count(*) from incident_count where account_id = ?").param(ACCOUNT).query(Long.class).single())
                .as("one row per group after compaction").isLessThanOrEqualTo(IncidentStatus.values().length * 2L);
    }

    @Test
    @DisplayName("X3: a filter the counters cannot answer (a text, a reason, a deadline) counts rows")
    void otherFiltersCountRows() {
        IncidentFilter text = new FilterForm(null, null, null, null, null, null, null, "caja", null, null, null, null, null,
                null, null, null).toFilter();
        assertThat(counters.counts(text)).isEmpty();
        assertThat(queries.counts(text)).isEqualTo(queries.countRows(text));
    }

    /** A decision's outcome recorded on the incident, as the dispatcher records it (in its own transaction). */
    private void recordOutcome(UUID incidentId, IncidentStatus statusAfter, String actor, TimelineText summary) {
        tx.executeWithoutResult(status -> outcomes.recordAll(List.of(new IncidentOutcomes.Outcome(incidentId, statusAfter,
                actor, summary))));
    }
}
