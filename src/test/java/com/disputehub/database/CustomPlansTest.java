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
 * A page's statements are planned for their values and the incident table as it is then (issue 17): a generic plan
 * made while the table was empty, a sequential scan, would stay cached on the connection while an initial sync fills
 * it (an initial sync of 100,000 then took 83 s instead of 16).
 */
class CustomPlansTest extends IntegrationTest {

    static final IncidentSource SOURCE = new IncidentSource("mirakl", ACCOUNT, "test-1");

    @Autowired
    IncidentStore store;
    @Autowired
    TransactionTemplate tx;

    @Test
    @DisplayName("X2: pages stored one after the other on one connection, far past the driver's prepare threshold, never look up their incidents with a generic plan")
    void neverGeneric() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> plans = tx.execute(status -> {
            for (int page = 0; page < 12; page++) {
                store.upsertAll(SOURCE, List.of(snapshot("CP-" + run + "-" + page + "-a"), snapshot("CP-" + run + "-" + page + "-b")));
            }
            return jdbc.sql("""
                    select generic_plans, custom_plans from pg_prepared_statements
                    where statement like 'select id, external_id, snapshot_hash from incident%'
                    """).query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single();
        });

        assertThat(plans.get(0)).as("generic plans").isZero();
        assertThat(plans.get(1)).as("custom plans").isGreaterThanOrEqualTo(7);
    }

    private static IncidentSnapshot snapshot(String id) {
        return IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, id)
                .reason(new Reason(ReasonCategory.DAMAGED, "2", null))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER)
                .rawPayload("{\"id\":\"" + id + "\"}").build();
    }
}
