package com.disputehub.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.disputehub.support.IntegrationTest;

/** Rows copied with COPY ... CSV come back exactly as written, whatever their text holds (issue 17). */
class CsvCopyTest extends IntegrationTest {

    @Autowired
    JdbcTemplate template;
    @Autowired
    TransactionTemplate tx;

    record Value(UUID id, String text, List<String> list, Instant at, BigDecimal amount, Integer count, String json) {
    }

    static final List<String> COLUMNS = List.of("id", "text", "list", "at", "amount", "count", "json");

    @Test
    @DisplayName("X5: quotes, commas, line breaks, backslashes, empty texts, NULLs, accents and arrays survive COPY unchanged")
    void copiesEveryValueAsItIs() {
        jdbc.sql("create table if not exists csv_copy_test (id uuid primary key, text text, list text[], at timestamptz, "
                + "amount numeric, count int, json jsonb)").update();
        List<Value> values = List.of(
                new Value(UUID.randomUUID(), "plain", List.of("a", "b"), Instant.parse("2026-12-01T10:15:30.123456Z"),
                        new BigDecimal("34.90"), 2, "{\"k\":\"v\"}"),
                new Value(UUID.randomUUID(), "say \"hi\", then\nleave\r\\N \\. ,", List.of("with \"quote\"", "back\\slash",
                        "comma, brace } {", "NULL", ""), Instant.parse("2026-12-01T10:15:30Z"), new BigDecimal("1E+3"), 0,
                        "{\"body\":\"¿Qué \\\"tal\\\"?\\n\"}"),
                new Value(UUID.randomUUID(), "", List.of(), null, null, null, "[]"),
                new Value(UUID.randomUUID(), null, Arrays.asList("x", null), null, null, null, "{}"));

        long copied = tx.execute(status -> CsvCopy.copy(template, "csv_copy_test", COLUMNS, values, (v, row) ->
                row.add(v.id()).add(v.text()).add(v.list()).add(v.at()).add(v.amount()).add(v.count()).add(v.json())));

        assertThat(copied).isEqualTo(values.size());
        for (Value v : values) {
            Value back = jdbc.sql("select * from csv_copy_test where id = ?").param(v.id()).query((rs, n) -> new Value(
                    rs.getObject("id", UUID.class), rs.getString("text"),
                    rs.getArray("list") == null ? null : Arrays.asList((String[]) rs.getArray("list").getArray()),
                    rs.getTimestamp("at") == null ? null : rs.getTimestamp("at").toInstant(), rs.getBigDecimal("amount"),
                    (Integer) rs.getObject("count"), rs.getString("json"))).single();
            assertThat(back.text()).isEqualTo(v.text());
            assertThat(back.list()).isEqualTo(v.list());
            assertThat(back.at()).isEqualTo(v.at());
            if (v.amount() == null) {
                assertThat(back.amount()).isNull();
            } else {
                assertThat(back.amount()).isEqualByComparingTo(v.amount());
            }
            assertThat(back.count()).isEqualTo(v.count());
            assertThat(jdbc.sql("select json = cast(? as jsonb) from csv_copy_test where id = ?").params(v.json(), v.id())
                    .query(Boolean.class).single()).isTrue();
        }
    }

    @Test
    @DisplayName("X5: a row PostgreSQL refuses fails the whole copy and nothing of it is stored")
    void badRowStoresNothing() {
        jdbc.sql("create table if not exists csv_copy_test (id uuid primary key, text text, list text[], at timestamptz, "
                + "amount numeric, count int, json jsonb)").update();
        UUID good = UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> CsvCopy.copy(template, "csv_copy_test",
                List.of("id", "json"), List.of(good, UUID.randomUUID()),
                (id, row) -> row.add(id).add(id.equals(good) ? "{}" : "{not json")))).isNotNull();
        assertThat(jdbc.sql("select count(*) from csv_copy_test where id = ?").param(good).query(Long.class).single()).isZero();
    }
}
