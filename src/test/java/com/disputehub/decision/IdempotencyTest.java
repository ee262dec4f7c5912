package com.disputehub.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.command.MarkResolved;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

/** One decision per idempotency key, whoever races, repeats or reuses it (DOMAIN X4). */
class IdempotencyTest extends IntegrationTest {

    private static final String RESOLVE = "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"}";

    @Autowired
    DecisionService service;

    Api api;
    UUID incident;

    @BeforeEach
    void incident() {
        api = new Api(port);
        incident = syncFixtureOrders(ACCOUNT, "");
    }

    long decisionsOfIncident() {
        return jdbc.sql("select count(*) from decision where incident_id = ?").param(incident).query(Long.class).single();
    }

    @Test
    @DisplayName("X4: eight racing requests with one Idempotency-Key all get 202 and the same decision, made once")
    void racingRequests() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                String key = "erp-race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Answer>> answers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return api.post("/api/incidents/" + incident + "/decisions", RESOLVE, "Idempotency-Key", key);
                    }));
                }
                start.countDown();
                List<String> ids = new ArrayList<>();
                for (Future<Api.Answer> answer : answers) {
                    assertThat(answer.get().status()).as(answer.get().body().toString()).isEqualTo(202);
                    ids.add(answer.get().body().get("id").asString());
                }
                assertThat(ids).as("round " + round).containsOnly(ids.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(decisionsOfIncident()).isEqualTo(5);
    }

    @Test
    @DisplayName("X4: a repeat says it is one (Idempotent-Replayed); the same key with another body is a 422 and changes nothing")
    void keyReusedWithAnotherRequest() {
        Api.Answer first = api.post("/api/incidents/" + incident + "/decisions", RESOLVE, "Idempotency-Key", "erp-7");
        Api.Answer again = api.post("/api/incidents/" + incident + "/decisions", RESOLVE, "Idempotency-Key", "erp-7");
        Api.Answer changed = api.post("/api/incidents/" + incident + "/decisions",
                "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}", "Idempotency-Key", "erp-7");

        assertThat(first.headers().get("Idempotent-Replayed")).containsExactly("false");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.headers().get("Idempotent-Replayed")).containsExactly("true");
        assertThat(again.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(again.body().get("idempotencyKey").asString()).isEqualTo("erp-7");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.body().get("detail").asString()).contains("'erp-7' was already used for another request")
                .contains("Mark resolved").doesNotContain("Exception");
        assertThat(decisionsOfIncident()).isEqualTo(1);
    }

    @Test
    @DisplayName("X4: a client's key shaped like a rule's or a bulk run's key never takes theirs")
    void clientKeysAreScoped() {
        UUID bulk = UUID.randomUUID();
        Api.Answer client = api.post("/api/incidents/" + incident + "/decisions", RESOLVE,
                "Idempotency-Key", "bulk:" + bulk + ":" + incident);
        Api.Answer ruleShaped = api.post("/api/incidents/" + incident + "/decisions", RESOLVE,
                "Idempotency-Key", "rule:late-refund:" + incident);

        DecisionService.Submitted bulkItem = service.submit(incident, new MarkResolved("10"), "bulk",
                IdempotencyKey.bulk(bulk, incident));
        DecisionService.Submitted rule = service.submit(incident, new MarkResolved("10"), "rule:late-refund",
                IdempotencyKey.rule("late-refund", incident));

        assertThat(bulkItem.replayed()).isFalse();
        assertThat(rule.replayed()).isFalse();
        assertThat(List.of(bulkItem.decision().id().toString(), rule.decision().id().toString()))
                .doesNotContain(client.body().get("id").asString(), ruleShaped.body().get("id").asString());
        assertThat(client.body().get("keyScope").asString()).as("scoped to the API key that sent it").isEqualTo("client:key:bootstrap");
        assertThat(decisionsOfIncident()).isEqualTo(4);
    }

    @Test
    @DisplayName("X4: a decision form sent twice (double click, resubmit) makes one decision and says so")
    void formSentTwice() {
        api.signInAsAdmin();
        String page = api.page("/inbox/incidents/" + incident);
        Matcher keys = Pattern.compile("name=\"formKey\" value=\"([0-9a-f-]{36})\"").matcher(page);
        List<String> formKeys = new ArrayList<>();
        while (keys.find()) {
            formKeys.add(keys.group(1));
        }
        assertThat(formKeys).hasSizeGreaterThan(1).doesNotHaveDuplicates();

        Map<String, String> form = Map.of("type", "MARK_RESOLVED", "f.reasonCode", "10", "formKey", formKeys.get(0));
        Api.Answer first = api.form("/inbox/incidents/" + incident + "/decisions", form);
        api.page("/inbox/incidents/" + incident); // the browser follows the redirect, then the form is sent again
        Api.Answer second = api.form("/inbox/incidents/" + incident + "/decisions", form);

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(302);
        String shown = api.page("/inbox/incidents/" + incident);
        assertThat(decisionsOfIncident()).as(shown).isEqualTo(1);
        assertThat(shown).contains("This form was already sent");
    }
}
