package com.disputehub.decision;

import static com.disputehub.support.MiraklFake.authorized;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.access.ApiKeys;
import com.disputehub.access.Role;
import com.disputehub.access.Scope;
import com.disputehub.access.Users;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklFake;

import tools.jackson.databind.JsonNode;

/** Four eyes before big money moves (DOMAIN X6): a refund above the account's limit waits for another supervisor. */
class FourEyesTest extends IntegrationTest {

    static final String REFUND = "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}";

    @Autowired
    ApiKeys keys;
    @Autowired
    Users users;

    Api agent;
    UUID small;
    UUID large;

    @BeforeEach
    void setUp() {
        syncFixtureOrders(FOUR_EYES, "/fe");
        small = incident("ORD-100-A-1"); // 34.90 EUR
        large = incident("ORD-102-A-1"); // 119.98 EUR
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/fe/api/orders/refund"))).willReturn(
                MiraklFake.json("{\"refunds\":[{\"order_line_id\":\"ORD-102-A-1\",\"refund_id\":\"r-4e\"}]}")));
        agent = Api.withKey(port, keys.create("fe-agent-" + UUID.randomUUID(), Set.of(Scope.DECISIONS_WRITE), null, "test"));
    }

    @Test
    @DisplayName("X6: a refund above the limit waits outside the outbox; its requester and an agent may not approve; "
            + "another supervisor does, with a reason, and it reaches the channel once")
    void approvedOnce() {
        JsonNode asked = agent.post("/api/incidents/" + large + "/decisions", REFUND).body();
        assertThat(asked.get("state").asString()).isEqualTo("APPROVAL_PENDING");
        String id = asked.get("id").asString();
        assertThat(agent.post("/api/incidents/" + small + "/decisions", REFUND).body().get("state").asString())
                .as("below the limit it goes straight to the outbox").isEqualTo("REQUESTED");

        startDispatcher();
        await().atMost(Duration.ofSeconds(10)).until(() -> MIRAKL.findAll(putRequestedFor(urlPathEqualTo("/fe/api/orders/refund"))).size() == 1);
        assertThat(state(id)).as("the dispatcher leaves it alone").isEqualTo("APPROVAL_PENDING");

        assertThat(agent.post("/api/decisions/" + id + "/approve", "{\"reason\":\"fine\"}").status()).as("an agent").isEqualTo(403);
        assertThat(new Api(port).post("/api/decisions/" + id + "/approve", "{}").status()).as("no reason").isEqualTo(400);
        assertThat(new Api(port).get("/api/decisions?state=approval_pending").body().toString()).contains(id);
        assertThat(new Api(port).get("/api/incidents/" + large).body().get("timeline").toString())
                .contains("waits for a supervisor's approval");

        Api.Answer approved = new Api(port).post("/api/decisions/" + id + "/approve", "{\"reason\":\"photos show the damage\"}");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().at("/review/verdict").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().at("/review/reviewedBy").asString()).isEqualTo("key:bootstrap");
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(state(id)));
        assertThat(MIRAKL.findAll(putRequestedFor(urlPathEqualTo("/fe/api/orders/refund")))).hasSize(2);
        assertThat(new Api(port).post("/api/decisions/" + id + "/approve", "{\"reason\":\"again\"}").status())
                .as("answered once").isEqualTo(409);
        assertThat(new Api(port).get("/api/incidents/" + large).body().get("timeline").toString())
                .contains("approved (requested by key:fe-agent").contains("photos show the damage");
    }

    @Test
    @DisplayName("X6: nobody approves their own refund; a supervisor's no sends nothing; two supervisors at once: one answer wins")
    void fourEyesAndRaces() throws Exception {
        Api admin = new Api(port);
        String own = admin.post("/api/incidents/" + large + "/decisions", REFUND).body().get("id").asString();
        Api.Answer self = admin.post("/api/decisions/" + own + "/approve", "{\"reason\":\"mine\"}");
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.body().get("detail").asString()).contains("four eyes");

        jdbc.sql("delete from app_user where login in ('sam', 'sue')").update();
        users.save("sam", null, "Sam", Role.SUPERVISOR, "sam-password-4711");
        users.save("sue", null, "Sue", Role.SUPERVISOR, "sue-password-4711");
        Api sam = Api.anonymous(port).signIn("sam", "sam-password-4711");
        Api sue = Api.anonymous(port).signIn("sue", "sue-password-4711");
        CompletableFuture<Api.Answer> yes = CompletableFuture.supplyAsync(() ->
                sam.form("/inbox/approvals/" + own + "/approve", Map.of("reason", "ok by me")));
        CompletableFuture<Api.Answer> no = CompletableFuture.supplyAsync(() ->
                sue.form("/inbox/approvals/" + own + "/reject", Map.of("reason", "too much")));
        assertThat(List.of(yes.get().status(), no.get().status())).containsOnly(302);
        List<String> verdicts = jdbc.sql("select verdict from decision_review where decision_id = ?").param(UUID.fromString(own))
                .query(String.class).list();
        assertThat(verdicts).hasSize(1);
        assertThat(state(own)).isEqualTo(verdicts.get(0).equals("APPROVED") ? "REQUESTED" : "NOT_APPROVED");

        Api.Answer detailed = agent.post("/api/incidents/" + large + "/decisions",
                "{\"type\":\"REFUND\",\"mode\":\"DETAILED\",\"reasonCode\":\"20\",\"quantity\":1,\"amount\":\"60.00\",\"shippingAmount\":\"0\"}");
        assertThat(detailed.status()).as(detailed.body().toString()).isEqualTo(202);
        String second = detailed.body().get("id").asString();
        assertThat(state(second)).as("a detailed refund of 60.00 is above 50").isEqualTo("APPROVAL_PENDING");
        assertThat(sam.page("/inbox/approvals")).contains(second);
        assertThat(sam.form("/inbox/approvals/" + second + "/reject", Map.of("reason", "refund the shipping only")).status())
                .isEqualTo(302);
        assertThat(state(second)).isEqualTo("NOT_APPROVED");
        assertThat(sam.page("/inbox/approvals")).doesNotContain(second);
        assertThat(sam.page("/inbox/incidents/" + large)).as("the timeline names the verdicts and their reasons")
                .contains("refund the shipping only").contains(verdicts.get(0).equals("APPROVED") ? "ok by me" : "too much");
    }

    @Test
    @DisplayName("X6: a bulk run of refunds where four eyes is on waits once confirmed; a supervisor refuses one on the page; "
            + "another run is approved by the API, and its refunds, large ones included, go without asking again, each once")
    void bulkRun() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/fe/api/orders/refund"))).willReturn(
                MiraklFake.json("{\"refunds\":[{\"order_line_id\":\"x\",\"refund_id\":\"r-bulk\"}]}")));
        jdbc.sql("delete from app_user where login = 'sol'").update();
        users.save("sol", null, "Sol", Role.SUPERVISOR, "sol-password-4711");
        Api sol = Api.anonymous(port).signIn("sol", "sol-password-4711");
        Api.Answer again = new Api(port).post("/api/bulk-decisions", "{\"selection\":{\"incidentIds\":[\"" + large + "\"]},"
                + "\"decision\":" + REFUND + ",\"dryRun\":false}");
        assertThat(again.status()).as(again.body().toString()).isEqualTo(202);
        String second = again.body().get("id").asString();
        Api.Answer self = new Api(port).post("/api/bulk-decisions/" + second + "/approve", "{\"reason\":\"mine\"}");
        assertThat(self.status()).as("four eyes: not by its requester").isEqualTo(403);
        assertThat(sol.page("/inbox/approvals")).contains("data-bulk=\"" + second + "\"");
        assertThat(sol.form("/inbox/approvals/bulk/" + second + "/reject", Map.of("reason", "already refunded")).status()).isEqualTo(302);
        assertThat(new Api(port).get("/api/bulk-decisions/" + second).body().get("state").asString()).isEqualTo("NOT_APPROVED");
        assertThat(sol.page("/inbox/bulk/" + second + "?lang=en")).contains("Not approved: nothing sent");

        Api.Answer run = agent.post("/api/bulk-decisions", "{\"selection\":{\"incidentIds\":[\"" + small + "\",\"" + large + "\"]},"
                + "\"decision\":" + REFUND + ",\"dryRun\":false}");
        assertThat(run.status()).as(run.body().toString()).isEqualTo(202);
        String id = run.body().get("id").asString();
        assertThat(run.body().get("state").asString()).isEqualTo("APPROVAL_PENDING");
        startDispatcher();
        assertThat(agent.post("/api/bulk-decisions/" + id + "/approve", "{\"reason\":\"mine\"}").status()).as("an agent").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from decision where account_id = ?").param(FOUR_EYES).query(Long.class).single())
                .as("nothing reaches the outbox while it waits").isZero();

        Api.Answer approved = new Api(port).post("/api/bulk-decisions/" + id + "/approve", "{\"reason\":\"both parcels lost\"}");
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(202);
        assertThat(approved.body().get("reviewedBy").asString()).isEqualTo("key:bootstrap");
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(new Api(port).get("/api/bulk-decisions/" + id).body()
                .get("state").asString()));
        assertThat(jdbc.sql("select state from decision where account_id = ?").param(FOUR_EYES).query(String.class).list())
                .containsExactly("SENT", "SENT");
        assertThat(MIRAKL.findAll(putRequestedFor(urlPathEqualTo("/fe/api/orders/refund")))).hasSize(2);
        assertThat(new Api(port).post("/api/bulk-decisions/" + id + "/reject", "{\"reason\":\"late\"}").status()).isEqualTo(409);

        Api admin = new Api(port);
        String own = admin.post("/api/bulk-decisions", "{\"selection\":{\"incidentIds\":[\"" + large + "\"]},"
                + "\"decision\":{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"},\"dryRun\":false}").body().get("state").asString();
        assertThat(own).as("no money, no limit on size: it runs at once").isIn("RUNNING", "DONE");
    }

    private String state(String decisionId) {
        return new Api(port).get("/api/decisions/" + decisionId).body().get("state").asString();
    }

    private UUID incident(String externalId) {
        return jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(FOUR_EYES, externalId)
                .query(UUID.class).single();
    }
}
