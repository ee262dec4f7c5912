package com.disputehub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentSource;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.support.IntegrationTest;

/**
 * A page's lookups are planned for their values and the incident table as it is then ({@link PlannedEachTime}): a
 * generic plan made while the table was empty, a sequential scan, would stay cached on the connection while an initial
 * sync fills it (an initial sync of 100,000 then took 83 s instead of 16).
 */
class CustomPlansTest extends IntegrationTest {

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
                .noneMatch(sql -> sql.contains("from incident where account_id = $1 and external_id = any($2)"))
                .noneMatch(sql -> sql.contains("from incident where id = any($1) order by id for update"));
    }

    private static IncidentSnapshot snapshot(String id, IncidentStatus status) {
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, id)
                .reason(new Reason(ReasonCategory.DAMAGED, "2", null))
                .status(status, status.name(), ActionOwner.SELLER)
                .rawPayload("{\"id\":\"" + id + "\",\"status\":\"" + status + "\"}").build();
    }
}
