package com.disputehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/** Idempotency-Key on every POST that creates something (DOMAIN X4, X7): notes, groups and bulk runs, once each. */
class IdempotentCreateTest extends IntegrationTest {

    Api api;
    UUID incident;

    @BeforeEach
    void sync() {
        api = new Api(port);
        incident = syncFixtureOrders(ACCOUNT, "");
    }

    @Test
    @DisplayName("X4, X7: eight racing notes with one key make one note; the same key with another body is a 422")
    void noteOnce() throws Exception {
        String key = "note-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Answer>> racing = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racing.add(pool.submit(() -> api.post("/api/incidents/" + incident + "/notes", "{\"body\":\"Called the buyer\"}",
                    "Idempotency-Key", key)));
        }
        List<Long> ids = new ArrayList<>();
        int replays = 0;
        for (Future<Api.Answer> answer : racing) {
            assertThat(answer.get().status()).isEqualTo(201);
            ids.add(answer.get().body().get("id").asLong());
            replays += answer.get().headers().get("idempotent-replayed").get(0).equals("true") ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(replays).isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from incident_note where incident_id = ?").param(incident).query(Long.class).single())
                .isEqualTo(1);
        Api.Answer reused = api.post("/api/incidents/" + incident + "/notes", "{\"body\":\"Something else\"}", "Idempotency-Key", key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("detail").asString()).contains("another request");
    }

    @Test
    @DisplayName("X4, X7: a group and a bulk run posted twice with one key exist once each")
    void groupAndBulkOnce() {
        String group = "{\"name\":\"Lamps " + UUID.randomUUID() + "\"}";
        long groups = jdbc.sql("select count(*) from incident_group").query(Long.class).single();
        Api.Answer first = api.post("/api/groups", group, "Idempotency-Key", "g-1");
        Api.Answer again = api.post("/api/groups", group, "Idempotency-Key", "g-1");
        assertThat(again.body().get("id").asString()).isEqualTo(first.body().get("id").asString());
        assertThat(again.headers().get("idempotent-replayed")).containsExactly("true");
        assertThat(jdbc.sql("select count(*) from incident_group").query(Long.class).single()).isEqualTo(groups + 1);

        String bulk = "{\"selection\":{\"incidentIds\":[\"" + incident + "\"]},"
                + "\"decision\":{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hola\"},\"dryRun\":true}";
        long before = jdbc.sql("select count(*) from bulk_decision").query(Long.class).single();
        Api.Answer planned = api.post("/api/bulk-decisions", bulk, "Idempotency-Key", "b-1");
        Api.Answer replayed = api.post("/api/bulk-decisions", bulk, "Idempotency-Key", "b-1");
        assertThat(replayed.body().get("id").asString()).isEqualTo(planned.body().get("id").asString());
        assertThat(jdbc.sql("select count(*) from bulk_decision").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(api.post("/api/bulk-decisions", bulk.replace("Hola", "Adiós"), "Idempotency-Key", "b-1").status()).isEqualTo(422);
        assertThat(api.post("/api/groups", group, "Idempotency-Key", "b-1").status()).as("a key is one request, whatever it creates")
                .isEqualTo(422);
    }
}
