package com.disputehub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.disputehub.support.IntegrationTest;

/**
 * A statement the driver prepares on the server is planned again for each execution's values and the table as it is
 * then (issue 17): a generic plan made while a table was empty, a sequential scan, would stay cached on the
 * connection while the table grows.
 */
class CustomPlansTest extends IntegrationTest {

    @Autowired
    JdbcTemplate template;

    @Test
    @DisplayName("X2: a page's lookup of its stored incidents, run far past the driver's prepare threshold on one connection, is never run with a generic plan")
    void neverGeneric() {
        long[] plans = template.execute((ConnectionCallback<long[]>) connection -> {
            String lookup = "select id, external_id, snapshot_hash from incident where account_id = ? and external_id = any(?)";
            try (PreparedStatement statement = connection.prepareStatement(lookup)) {
                for (int i = 0; i < 20; i++) {
                    statement.setString(1, "custom-plans-" + i);
                    statement.setArray(2, connection.createArrayOf("text", new String[] {"a-" + i, "b-" + i}));
                    try (ResultSet rows = statement.executeQuery()) {
                        assertThat(rows.next()).isFalse();
                    }
                }
            }
            try (PreparedStatement prepared = connection.prepareStatement(
                    "select generic_plans, custom_plans from pg_prepared_statements where statement = ?")) {
                prepared.setString(1, lookup.replaceFirst("\\?", "\\$1").replaceFirst("\\?", "\\$2"));
                try (ResultSet rows = prepared.executeQuery()) {
                    assertThat(rows.next()).as("the driver prepared the lookup on the server").isTrue();
                    return new long[] {rows.getLong(1), rows.getLong(2)};
                }
            }
        });

        assertThat(plans[0]).as("generic plans").isZero();
        assertThat(plans[1]).as("custom plans").isGreaterThanOrEqualTo(15);
    }
}
