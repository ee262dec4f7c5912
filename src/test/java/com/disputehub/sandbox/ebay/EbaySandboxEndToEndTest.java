package com.disputehub.sandbox.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.support.SandboxTest;

import tools.jackson.databind.JsonNode;

/** The eBay demo account against the built-in simulator (DOMAIN X8): tokens refreshed, disputes synced, decisions applied. */
class EbaySandboxEndToEndTest extends SandboxTest {

    static final String DEMO = "demo-ebay-us";

    @Autowired
    EbSimWorld world;

    @BeforeEach
    void firstSync() {
        poll(DEMO);
    }

    @Test
    @DisplayName("X8: the demo store's inquiries, returns and cases arrive without credentials, the user token refreshed and stored encrypted")
    void disputesArrive() {
        assertThat(jdbc.sql("select count(*) from incident where account_id = ?").param(DEMO).query(Long.class).single())
                .isGreaterThanOrEqualTo(12);
        assertThat(jdbc.sql("select count(distinct split_part(external_id, '-', 1)) from incident where account_id = ?").param(DEMO)
                .query(Long.class).single()).as("inquiries, returns and cases").isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from quarantine where account_id = ?").param(DEMO).query(Long.class).single()).isZero();
        byte[] stored = jdbc.sql("select access_token from channel_token where account_id = ?").param(DEMO).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("sandbox-user-token");
    }

    @Test
    @DisplayName("X8: a return approved in DisputeHub is approved on the simulated eBay; eBay closing it shows at the next sync")
    void returnApproved() {
        JsonNode items = api.get("/api/incidents?account=" + DEMO + "&status=NEEDS_SELLER_ACTION&limit=100").body().get("items");
        JsonNode ret = null;
        for (JsonNode item : items) {
            if (item.get("externalId").asString().startsWith("RET-")) {
                ret = item;
                break;
            }
        }
        assertThat(ret).as("a return waits for the seller").isNotNull();
        String id = ret.get("id").asString();
        String returnId = ret.get("externalId").asString().substring(4);

        assertThat(decisions.decide(id, "{\"type\":\"AGREE\"}").get("state").asString()).isEqualTo("SENT");
        assertThat(world.find(EbSimWorld.RETURN, returnId).orElseThrow().status).isEqualTo("RETURN_ACCEPTED");

        for (int i = 0; i < 40 && !"CLOSED".equals(world.find(EbSimWorld.RETURN, returnId).orElseThrow().status); i++) {
            world.tick();
        }
        poll(DEMO);
        assertThat(decisions.status(id)).isEqualTo("CLOSED");
    }
}
