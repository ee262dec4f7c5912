package com.disputehub.sandbox.orderchamp;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.support.SandboxTest;

import tools.jackson.databind.JsonNode;

/** The Orderchamp demo account against the built-in simulator (DOMAIN O1..O6). */
class OrderchampSandboxEndToEndTest extends SandboxTest {

    static final String DEMO = "demo-orderchamp-nl";

    @Autowired
    OcSimWorld world;

    @BeforeEach
    void firstSync() {
        poll(DEMO);
    }

    @Test
    @DisplayName("O1, O2, O5: the demo brand's problems arrive routed, on hold for payout, without credentials")
    void problemsFlow() {
        assertThat(jdbc.sql("select count(*) from incident where account_id = ?").param(DEMO).query(Long.class).single())
                .isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("select count(*) from incident where account_id = ? and 'PAYOUT_ON_HOLD' = any(flags)").param(DEMO)
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from quarantine where account_id = ?").param(DEMO).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("O3, O4: a replacement reaches the simulated platform; when the retailer resolves it, the next sync shows it")
    void replacementThenResolved() {
        JsonNode items = api.get("/api/incidents?account=" + DEMO + "&status=NEEDS_SELLER_ACTION").body().get("items");
        String id = items.get(0).get("id").asString();
        String problemId = items.get(0).get("externalId").asString();
        assertThat(decisions.decide(id, "{\"type\":\"SEND_REPLACEMENT\"}").get("state").asString()).isEqualTo("SENT");

        poll(DEMO);
        assertThat(decisions.status(id)).isEqualTo("WAITING_FOR_BUYER");
        assertThat(world.find(problemId).orElseThrow().solution).isEqualTo("REPLACEMENT");
        for (int i = 0; i < 30 && !"RESOLVED".equals(world.find(problemId).orElseThrow().status); i++) {
            world.tick(); // retailers resolve solved problems one per tick
        }
        poll(DEMO);
        assertThat(decisions.status(id)).isEqualTo("RESOLVED");
    }

    @Test
    @DisplayName("O6: the demo brand's problem rate is read from the simulated platform and flagged above 5%")
    void problemRate() {
        JsonNode rate = api.get("/api/accounts/" + DEMO + "/problem-rate").body();

        assertThat(rate.get("orders").asLong()).isEqualTo(150);
        assertThat(rate.get("problems").asLong()).isEqualTo(12);
        assertThat(rate.get("aboveThreshold").asBoolean()).as("12 / 150 = 8%").isTrue();
    }
}
