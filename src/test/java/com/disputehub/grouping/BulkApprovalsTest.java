package com.disputehub.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** disputehub.approvals.bulk-above (DOMAIN X6): a run larger than the limit waits for a supervisor, whatever it does. */
class BulkApprovalsTest {

    @Test
    @DisplayName("X6: with bulk-above 2, a message run to 3 eligible incidents waits; to 2 it does not; without the setting none waits")
    void bulkAbove() {
        BulkApprovals limited = new BulkApprovals(null, null, null, null, 2, Clock.systemUTC());
        BulkApprovals unlimited = new BulkApprovals(null, null, null, null, null, Clock.systemUTC());
        assertThat(limited.needed(messages(3))).isTrue();
        assertThat(limited.needed(messages(2))).isFalse();
        assertThat(unlimited.needed(messages(500))).isFalse();
    }

    private static BulkDecision messages(int eligible) {
        return new BulkDecision(UUID.randomUUID(), "PLANNED", "SEND_MESSAGE", "a group", "agent", Instant.now(), null,
                new BulkProgress(eligible + 1, eligible, 1, 0, 0, 0, 0, eligible, 0), List.of(), null, null, null, null);
    }
}
