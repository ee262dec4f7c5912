package com.disputehub.sandbox.aliexpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.SandboxTest;

import tools.jackson.databind.JsonNode;

/** The DSers demo account against the simulated AliExpress dropshipping calls (DOMAIN S1..S4). */
class DsersSandboxEndToEndTest extends SandboxTest {

    static final String DEMO = "demo-dsers-es";

    @BeforeEach
    void firstSync() {
        poll(DEMO);
    }

    @Test
    @DisplayName("S1, S2: late, out-of-stock and customs situations are found in the supplier orders, with the playbook's step")
    void situationsFound() {
        assertThat(incident("8100000000000001/LATE").at("/incident/reason/category").asString()).isEqualTo("LATE_SHIPMENT");
        JsonNode veryLate = incident("8100000000000002/LATE");
        assertThat(Integer.parseInt(veryLate.at("/incident/details/attributes/supplier.lateBusinessDays").asString())).isGreaterThanOrEqualTo(4);
        assertThat(veryLate.at("/suggestion/rule").asString()).isEqualTo("late-refund");
        assertThat(incident("8100000000000003/UNAVAILABLE").at("/incident/reason/category").asString()).isEqualTo("OUT_OF_STOCK");
        JsonNode customs = incident("8100000000000004/CUSTOMS");
        assertThat(customs.at("/suggestion/rule").asString()).isEqualTo("customs-remind");
        assertThat(customs.at("/incident/details/history").size()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from incident where account_id = ? and external_id like '8100000000000006/%'")
                .param(DEMO).query(Long.class).single()).as("placed yesterday: not late yet").isZero();
        assertThat(jdbc.sql("select count(*) from quarantine where account_id = ?").param(DEMO).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("S1: when the late order ships, its incident resolves on the next sync")
    void lateOrderShips() {
        String id = incident("8100000000000001/LATE").at("/incident/id").asString();
        dropshipping.tick();
        poll(DEMO);
        assertThat(decisions.status(id)).isEqualTo("RESOLVED");
    }

    @Test
    @DisplayName("S2: a decision produces a claim package with the seed's deadlines; the seller sends it, marks it sent, and the claim waits for the supplier")
    void claimPackage() {
        String id = incident("8100000000000004/CUSTOMS").at("/incident/id").asString();
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10, 0x20};
        JsonNode decision = decisions.decide(id, "{\"type\":\"SUBMIT_EVIDENCE\",\"message\":\"Caja abierta\",\"evidence\":[{\"fileName\":\"box.jpg\",\"contentBase64\":\""
                + Base64.getEncoder().encodeToString(photo) + "\"}]}");
        assertThat(decision.get("state").asString()).as("a package to send by hand: nothing was sent").isEqualTo("RECORDED");
        assertThat(decisions.status(id)).as("the package is still to be sent, by the seller").isEqualTo("NEEDS_SELLER_ACTION");

        JsonNode detail = api.get("/api/incidents/" + id).body();
        JsonNode claim = null;
        for (JsonNode file : detail.get("files")) {
            if (file.get("fileName").asString().startsWith("claim-submit-evidence-8100000000000004")) {
                claim = file;
            }
        }
        assertThat(claim).isNotNull();
        String text = new String(api.raw("/api/incidents/" + id + "/files/" + claim.get("id").asLong()));
        assertThat(text).contains("AliExpress order: 8100000000000004").contains("Store order: PED-31004")
                .contains("box.jpg").contains("Expected answer:").contains("Refund at the latest:").contains("Caja abierta");
        assertThat(detail.get("timeline").toString()).contains("Claim package ready");
        assertThat(detail.at("/suggestion/rule").asString()).isEqualTo("send-package");

        assertThat(decisions.decide(id, "{\"type\":\"MARK_PACKAGE_SENT\"}").get("state").asString()).isEqualTo("RECORDED");
        assertThat(decisions.status(id)).as("sent by hand: now the supplier's turn").isEqualTo("WAITING_FOR_CARRIER_OR_SUPPLIER");
    }

    @Test
    @DisplayName("S3: an international order cannot be intercepted, with a clear message")
    void noInterceptionAbroad() {
        String id = incident("8100000000000002/LATE").at("/incident/id").asString();
        Api.Answer refused = api.post("/api/incidents/" + id + "/decisions", "{\"type\":\"REQUEST_INTERCEPTION\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("ships internationally").contains("S3");
    }

    @org.springframework.beans.factory.annotation.Autowired
    DsSimOrders dropshipping;

    private JsonNode incident(String externalId) {
        String id = jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(DEMO, externalId)
                .query(String.class).optional().orElseThrow(() -> new AssertionError("no incident " + externalId));
        return api.get("/api/incidents/" + id).body();
    }
}
