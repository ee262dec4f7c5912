package com.disputehub.channel.orderchamp;

import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** The Orderchamp adapter against a WireMock fake of its GraphQL endpoint, through sync, store and decisions. */
class OrderchampContractTest extends IntegrationTest {

    static final String GRAPHQL = "/oc/v1/graphql";

    @Autowired
    IncidentStore store;
    @Autowired
    OrderchampAdapter adapter;
    Api api;

    static String fixture(String name) {
        try (InputStream in = OrderchampContractTest.class.getResourceAsStream("/orderchamp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void stubProblems() {
        api = new Api(port);
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("ReportedProblems"))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("Y3Vyc29yOjM=")))
                .willReturn(json(fixture("problems-page-2.json"))));
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("ReportedProblems")).atPriority(10)
                .willReturn(json(fixture("problems-page-1.json"))));
    }

    void poll() {
        sync.poll(accounts.find(ORDERCHAMP).orElseThrow());
    }

    Incident incident(String externalId) {
        UUID id = jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(ORDERCHAMP, externalId)
                .query(UUID.class).single();
        return store.find(id).orElseThrow();
    }

    @Test
    @DisplayName("O1, O2, O4, O5: problems page by Relay cursor; routed by reason; several per order; photos; payout on hold")
    void syncsProblems() {
        poll();

        MIRAKL.verify(postRequestedFor(urlPathEqualTo(GRAPHQL)).withHeader("Authorization", equalTo("Bearer oc-private-token"))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo("Y3Vyc29yOjM="))));
        Incident damaged = incident("gid://orderchamp/OrderProblem/501");
        assertThat(damaged.kind()).isEqualTo(IncidentKind.RETAILER_ISSUE);
        assertThat(damaged.reason().category()).isEqualTo(ReasonCategory.DAMAGED);
        assertThat(damaged.reason().rawLabel()).isEqualTo("Ik heb beschadigde artikelen ontvangen");
        assertThat(damaged.status()).isEqualTo(IncidentStatus.NEEDS_SELLER_ACTION);
        assertThat(damaged.flags()).containsExactly(OrderchampMapper.PAYOUT_ON_HOLD);
        assertThat(damaged.evidence()).extracting(e -> e.url()).containsExactly("https://cdn.orderchamp.com/problems/501/kapotte-vaas.jpg");
        assertThat(damaged.buyerName()).isEqualTo("Winkeltje Amsterdam");

        Incident invoice = incident("gid://orderchamp/OrderProblem/502");
        assertThat(invoice.orderId()).as("two problems on one order").isEqualTo(damaged.orderId());
        assertThat(invoice.status()).isEqualTo(IncidentStatus.WAITING_FOR_PLATFORM);
        assertThat(invoice.reason().category()).isEqualTo(ReasonCategory.INVOICE_PROBLEM);
        assertThat(invoice.flags()).contains(OrderchampMapper.HANDLED_BY_PLATFORM);

        Incident wrong = incident("gid://orderchamp/OrderProblem/504");
        assertThat(wrong.status()).isEqualTo(IncidentStatus.WAITING_FOR_BUYER);
        assertThat(wrong.flags()).as("already paid out").isEmpty();

        String error = jdbc.sql("select error from quarantine where account_id = ?").param(ORDERCHAMP).query(String.class).single();
        assertThat(error).contains("'veel' is not an amount");
    }

    @Test
    @DisplayName("O1: no solution can be chosen for a problem Orderchamp support handles; the 4xx says why")
    void platformProblemRefusesDecisions() {
        poll();
        UUID invoice = incident("gid://orderchamp/OrderProblem/502").id();

        Api.Answer refused = api.post("/api/incidents/" + invoice + "/decisions", "{\"type\":\"REFUND\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asString()).contains("HANDLED_BY_PLATFORM").contains("to act: platform");
    }

    JsonNode decide(UUID incident, String body) {
        return decisions().decide(incident, body);
    }

    @Test
    @DisplayName("O3: a replacement with return instructions goes out as the mutation; the retailer then marks it resolved")
    void sendReplacement() {
        poll();
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("orderProblemSendReplacement")).willReturn(json(
                "{\"data\":{\"orderProblemSendReplacement\":{\"problem\":{\"id\":\"x\",\"status\":\"IN_PROGRESS\"},\"userErrors\":[]}}}")));
        UUID damaged = incident("gid://orderchamp/OrderProblem/501").id();

        JsonNode decision = decide(damaged, "{\"type\":\"SEND_REPLACEMENT\",\"returnInstructions\":\"Stuur de kapotte vazen terug met het label\"}");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        MIRAKL.verify(postRequestedFor(urlPathEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo("gid://orderchamp/OrderProblem/501")))
                .withRequestBody(matchingJsonPath("$.variables.returnInstructions", containing("kapotte vazen"))));
        assertThat(store.find(damaged).orElseThrow().status()).isEqualTo(IncidentStatus.WAITING_FOR_BUYER);
    }

    @Test
    @DisplayName("O3: contacting the retailer sends the chat mutation (files it cannot carry are refused); an open problem the pages no longer list is read by id")
    void contactRetailerAndFollowUp() {
        poll();
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("orderProblemMessageCreate")).willReturn(json(
                "{\"data\":{\"orderProblemMessageCreate\":{\"message\":{\"id\":\"m-9\"},\"userErrors\":[]}}}")));
        UUID damaged = incident("gid://orderchamp/OrderProblem/501").id();
        com.disputehub.support.Api.Answer withFiles = new com.disputehub.support.Api(port).post("/api/incidents/" + damaged + "/decisions",
                "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Zie bijlage\",\"evidence\":[{\"fileName\":\"a.pdf\",\"contentBase64\":\"JVBERg==\"}]}");
        assertThat(withFiles.status()).as("files Orderchamp's chat cannot carry are refused, not dropped").isEqualTo(422);
        assertThat(withFiles.body().toString()).contains("takes no files with SEND_MESSAGE");

        JsonNode decision = decide(damaged, "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Mogen we 15% korting aanbieden?\"}");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        assertThat(decision.get("channelReference").asString()).isEqualTo("m-9");
        MIRAKL.verify(postRequestedFor(urlPathEqualTo(GRAPHQL))
                .withRequestBody(matchingJsonPath("$.variables.body", equalTo("Mogen we 15% korting aanbieden?"))));

        MIRAKL.resetMappings();
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("ReportedProblems")).willReturn(json(
                "{\"data\":{\"orderProblems\":{\"pageInfo\":{\"hasNextPage\":false},\"edges\":[]}}}")));
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("ProblemsById")).willReturn(json(
                "{\"data\":{\"nodes\":[" + fixture("problems-page-1.json").replaceAll("(?s).*?\"node\": (\\{\"id\": \"gid://orderchamp/OrderProblem/501\".*?\"sender\": \"RETAILER\"\\}\\]\\}).*", "$1")
                        .replace("\"status\": \"SUBMITTED\"", "\"status\": \"RESOLVED\"") + "]}}")));
        poll();

        MIRAKL.verify(postRequestedFor(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("ProblemsById"))
                .withRequestBody(matchingJsonPath("$.variables.ids[0]")));
        assertThat(store.find(damaged).orElseThrow().status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(store.find(damaged).orElseThrow().flags()).as("resolved: payout no longer held by it").isEmpty();
    }

    @Test
    @DisplayName("O3: Orderchamp's userErrors end the refund REJECTED with Orderchamp's words")
    void refundRefused() {
        poll();
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("orderProblemRefund")).willReturn(json(
                "{\"data\":{\"orderProblemRefund\":{\"problem\":null,\"userErrors\":[{\"field\":\"id\",\"message\":\"Problem already has a solution\"}]}}}")));

        JsonNode decision = decide(incident("gid://orderchamp/OrderProblem/501").id(), "{\"type\":\"REFUND\"}");

        assertThat(decision.get("state").asString()).isEqualTo("REJECTED");
        assertThat(decision.get("lastError").asString()).contains("Problem already has a solution");
    }

    @Test
    @DisplayName("O6: the account's reported-problem rate over 30 days, read from Orderchamp, is flagged above 5%")
    void problemRate() {
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("ProblemRate")).willReturn(json(
                "{\"data\":{\"orders\":{\"totalCount\":40},\"orderProblems\":{\"totalCount\":3}}}")));

        JsonNode rate = api.get("/api/accounts/" + ORDERCHAMP + "/problem-rate").body();

        assertThat(rate.get("problems").asLong()).isEqualTo(3);
        assertThat(rate.get("orders").asLong()).isEqualTo(40);
        assertThat(rate.get("rate").decimalValue()).isEqualByComparingTo("0.075");
        assertThat(rate.get("aboveThreshold").asBoolean()).isTrue();
        MIRAKL.verify(postRequestedFor(urlPathEqualTo(GRAPHQL)).withRequestBody(matchingJsonPath("$.variables.since")));
        assertThat(api.get("/api/accounts/" + ACCOUNT + "/problem-rate").status()).as("Mirakl counts no such rate").isEqualTo(404);
        assertThat(api.get("/api/accounts/nobody/problem-rate").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("O1: a THROTTLED GraphQL error is transient: retried, then the poll fails with Orderchamp's message")
    void throttled() {
        MIRAKL.resetMappings();
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).willReturn(json(
                "{\"errors\":[{\"message\":\"Too many requests\",\"extensions\":{\"code\":\"THROTTLED\"}}]}")));

        assertThatThrownBy(this::poll).isInstanceOf(ChannelUnavailableException.class).hasMessageContaining("Too many requests");
        assertThat(MIRAKL.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL)))).hasSize(4);
    }

    @Test
    @DisplayName("X4, O3: a lost answer to a chat message is reconciled on the problem read by id: the brand's message since the attempt is applied, an older one with the same words is not, a problem gone cannot tell")
    void reconcileMessage() {
        poll();
        com.disputehub.channel.DecisionTarget target = com.disputehub.channel.DecisionTarget.of(incident("gid://orderchamp/OrderProblem/501"));
        com.disputehub.channel.ChannelAccount account = accounts.find(ORDERCHAMP).orElseThrow();
        com.disputehub.channel.command.SendMessage message = new com.disputehub.channel.command.SendMessage(
                com.disputehub.channel.command.SendMessage.Recipients.BUYER, "Mogen we 15% korting aanbieden?", null, null);
        java.time.Instant attempt = java.time.Instant.parse("2026-11-21T10:00:00Z");
        String node = fixture("problems-page-1.json").replaceAll("(?s).*?\"node\": (\\{\"id\": \"gid://orderchamp/OrderProblem/501\".*?\"sender\": \"RETAILER\"\\}\\]\\}).*", "$1");

        byId(node.replace("\"sender\": \"RETAILER\"}]", "\"sender\": \"RETAILER\"}, {\"id\": \"m-9\", \"body\": \"Mogen we 15% korting aanbieden?\", "
                + "\"createdAt\": \"2026-11-21T10:00:05Z\", \"sender\": \"BRAND\"}]"));
        assertThat(adapter.reconcile(account, target, message, "d-1", attempt).outcome())
                .isEqualTo(com.disputehub.channel.Reconciliation.Outcome.APPLIED);

        byId(node.replace("\"sender\": \"RETAILER\"}]", "\"sender\": \"RETAILER\"}, {\"id\": \"m-3\", \"body\": \"Mogen we 15% korting aanbieden?\", "
                + "\"createdAt\": \"2026-11-20T11:00:00Z\", \"sender\": \"BRAND\"}]"));
        assertThat(adapter.reconcile(account, target, message, "d-1", attempt).outcome())
                .as("the same words sent the day before are an earlier message").isEqualTo(com.disputehub.channel.Reconciliation.Outcome.NOT_APPLIED);

        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("ProblemsById")).willReturn(json("{\"data\":{\"nodes\":[]}}")));
        assertThat(adapter.reconcile(account, target, message, "d-1", attempt).outcome())
                .isEqualTo(com.disputehub.channel.Reconciliation.Outcome.UNKNOWN);
    }

    private static void byId(String node) {
        MIRAKL.stubFor(post(urlPathEqualTo(GRAPHQL)).withRequestBody(containing("ProblemsById")).willReturn(json(
                "{\"data\":{\"nodes\":[" + node + "]}}")));
    }
}
