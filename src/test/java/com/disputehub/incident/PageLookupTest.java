package com.disputehub.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.support.IntegrationTest;

/**
 * A page's lookup of its stored incidents stays a lookup however the table grew (issue 17): planned for its values
 * each time ({@link com.disputehub.database.PlannedEachTime}), since a generic plan made while the table was empty, a
 * sequential scan, would stay cached on the connection while an initial sync fills it; and through the external ids,
 * since PostgreSQL estimates an account its statistics do not know yet at one row (an initial sync of 100,000 took 83 s
 * instead of 16, then 20).
 */
class PageLookupTest extends IntegrationTest {

    static final IncidentSource SOURCE = new IncidentSource("mirakl", ACCOUNT, "test-1");

    @Autowired
    IncidentStore store;
    @Autowired
    TransactionTemplate tx;

    @Test
    @DisplayName("X2: pages stored and changed one after the other on one connection, far past the driver's prepare threshold, never leave a lookup prepared on the server, where a generic plan could stay")
    void neverPreparedOnTheServer() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> prepared = tx.execute(status -> {
            for (int page = 0; page < 12; page++) {
                List<IncidentSnapshot> snapshots = List.of(snapshot("CP-" + run + "-" + page, IncidentStatus.NEEDS_SELLER_ACTION));
                store.upsertAll(SOURCE, snapshots);
                store.upsertAll(SOURCE, List.of(snapshot("CP-" + run + "-" + page, IncidentStatus.WAITING_FOR_BUYER)));
            }
            return jdbc.sql("select statement from pg_prepared_statements").query(String.class).list();
        });

        assertThat(prepared).as("statements the driver prepared on this connection").isNotEmpty()
                .noneMatch(sql -> sql.contains("from incident where external_id = any($1)"))
                .noneMatch(sql -> sql.contains("from incident where id = any($1) order by id for update"));
    }

    @Test
    @DisplayName("X2: the lookup goes through the external ids for an account the statistics do not know, where one through the account would read all its incidents")
    void throughTheExternalIds() {
        List<String> plan = tx.execute(status -> {
            jdbc.sql("analyze incident").update();
            jdbc.sql("set local enable_seqscan = off").update();
            String sql = IncidentUpserts.FINGERPRINTS.replaceFirst("\\?", "'{PL-1,PL-2}'").replaceFirst("\\?", "'account-never-seen'");
            return jdbc.sql("explain " + sql).query(String.class).list();
        });

        assertThat(String.join("\n", plan)).contains("incident_external_account_uk").doesNotContain("incident_account_");
    }

    private static IncidentSnapshot snapshot(String id, IncidentStatus status) {
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, id)
                .reason(new Reason(ReasonCategory.DAMAGED, "2", null))
                .status(status, status.name(), ActionOwner.SELLER)
                .rawPayload("{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}").build();
    }
}
