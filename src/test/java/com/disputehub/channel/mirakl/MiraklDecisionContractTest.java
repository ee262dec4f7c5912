package com.disputehub.channel.mirakl;

import static com.disputehub.support.MiraklFake.authorized;
import static com.disputehub.support.MiraklFake.json;
import static com.disputehub.support.MiraklFake.jsonFixture;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklFake;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import tools.jackson.databind.JsonNode;

/** Decisions from the REST API to the Mirakl fake, through the outbox and the dispatch flow. */
class MiraklDecisionContractTest extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    MiraklAdapter adapter;
    @org.springframework.beans.factory.annotation.Autowired
    com.disputehub.incident.IncidentStore store;
    Api api;

    @BeforeEach
    void syncIncidents() {
        api = new Api(port);
        syncFixtureOrders(ACCOUNT, "");
    }

    String incidentId(String externalId) {
        return jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(ACCOUNT, externalId)
                .query(UUID.class).single().toString();
    }

    JsonNode decideAndDispatch(String externalId, String decision) {
        return decisions().decide(incidentId(externalId), decision);
    }

    JsonNode incident(String externalId) {
        return api.get("/api/incidents/" + incidentId(externalId)).body();
    }

    @Test
    @DisplayName("M6: a total refund reaches Mirakl as OR28 with the line's amounts, taxes and a REFUND reason")
    void totalRefund() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/api/orders/refund"))).willReturn(
                json("{\"refunds\":[{\"order_line_id\":\"ORD-100-A-1\",\"refund_id\":\"r-77\",\"order_refund_id\":\"or-9\"}]}")));

        JsonNode decision = decideAndDispatch("ORD-100-A-1", "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        assertThat(decision.get("channelReference").asString()).isEqualTo("r-77");
        MIRAKL.verify(putRequestedFor(urlPathEqualTo("/api/orders/refund")).withQueryParam("shop_id", equalTo("2001"))
                .withHeader("Authorization", equalTo(API_KEY))
                .withRequestBody(equalToJson("""
                        {"refunds":[{"order_line_id":"ORD-100-A-1","amount":34.90,"shipping_amount":4.95,"quantity":1,
                          "taxes":[{"code":"IVA","amount":6.06}],"shipping_taxes":[{"code":"IVA","amount":0.86}],
                          "reason_code":"20","currency_iso_code":"EUR"}]}""")));
        JsonNode incident = incident("ORD-100-A-1");
        assertThat(incident.at("/incident/status").asString()).isEqualTo("DECISION_SENT");
        assertThat(incident.get("timeline").toString()).contains("DECISION_REQUESTED").contains("Total refund sent to Mirakl (refund r-77)");
    }

    @Test
    @DisplayName("M6: a detailed refund sends the given quantity, amounts and taxes, and leaves the incident open")
    void detailedRefund() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/api/orders/refund"))).willReturn(
                json("{\"refunds\":[{\"refund_id\":\"r-78\"}]}")));

        JsonNode decision = decideAndDispatch("ORD-100-A-1", """
                {"type":"REFUND","mode":"DETAILED","reasonCode":"23","quantity":1,"amount":"10.00",
                 "taxes":[{"code":"IVA","amount":"1.74"}],"shippingAmount":"0","shippingTaxes":[]}""");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        MIRAKL.verify(putRequestedFor(urlPathEqualTo("/api/orders/refund")).withRequestBody(equalToJson("""
                {"refunds":[{"order_line_id":"ORD-100-A-1","amount":10.00,"shipping_amount":0,"quantity":1,
                  "taxes":[{"code":"IVA","amount":1.74}],"shipping_taxes":[],"reason_code":"23","currency_iso_code":"EUR"}]}""")));
        assertThat(incident("ORD-100-A-1").at("/incident/status").asString()).isEqualTo("WAITING_FOR_BUYER");
    }

    @Test
    @DisplayName("M4, M7: mark resolved sends OR64 with the reason; the incident waits for the operator, even after the next sync")
    void markResolved() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/api/orders/ORD-102-A/lines/ORD-102-A-1/resolve_incident")))
                .willReturn(aResponse().withStatus(204)));

        JsonNode decision = decideAndDispatch("ORD-102-A-1", "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"}");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        MIRAKL.verify(putRequestedFor(urlPathEqualTo("/api/orders/ORD-102-A/lines/ORD-102-A-1/resolve_incident"))
                .withRequestBody(equalToJson("{\"reason_code\":\"10\"}")));
        assertThat(incident("ORD-102-A-1").at("/incident/status").asString()).isEqualTo("WAITING_FOR_PLATFORM");

        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("start_update_date", equalTo("2026-11-21T12:00:00Z"))
                .willReturn(json(MiraklFake.fixture("orders-page-1.json"))));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("order_ids", equalTo("ORD-100-A,ORD-102-A"))
                .willReturn(json(MiraklFake.fixture("orders-page-1.json"))));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).withQueryParam("with_messages", absent())
                .willReturn(jsonFixture("threads-empty.json")));
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        assertThat(incident("ORD-102-A-1").at("/incident/status").asString())
                .as("Mirakl still shows INCIDENT_OPEN: the decision's status holds").isEqualTo("WAITING_FOR_PLATFORM");
        assertThat(incident("ORD-102-A-1").get("allowedDecisions").toString()).doesNotContain("MARK_RESOLVED");
    }

    @Test
    @DisplayName("M5: a reply in an existing thread goes through M12 as multipart message_input, to the customer")
    void replyInThread() {
        MIRAKL.stubFor(authorized(post(urlPathEqualTo("/api/inbox/threads/thr-2/message")))
                .willReturn(json("{\"message_id\":\"m-9\",\"thread_id\":\"thr-2\"}").withStatus(201)));

        JsonNode decision = decideAndDispatch("ORD-102-A-1",
                "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"threadId\":\"thr-2\",\"body\":\"Le enviamos unos auriculares nuevos hoy.\"}");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/api/inbox/threads/thr-2/message"))
                .withHeader("Content-Type", com.github.tomakehurst.wiremock.client.WireMock.containing("multipart/form-data"))
                .withRequestBodyPart(aMultipart().withName("message_input").withBody(equalToJson(
                        "{\"body\":\"Le enviamos unos auriculares nuevos hoy.\",\"to\":[{\"type\":\"CUSTOMER\"}]}")).build()));
        assertThat(incident("ORD-102-A-1").at("/incident/status").asString()).isEqualTo("WAITING_FOR_BUYER");
    }

    @Test
    @DisplayName("M5: files sent with a reply go as M12 parts 'files' with their names and bytes")
    void replyWithFiles() {
        MIRAKL.stubFor(authorized(post(urlPathEqualTo("/api/inbox/threads/thr-2/message")))
                .willReturn(json("{\"message_id\":\"m-11\",\"thread_id\":\"thr-2\"}").withStatus(201)));
        String label = java.util.Base64.getEncoder().encodeToString("%PDF-1.4 etiqueta".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        JsonNode decision = decideAndDispatch("ORD-102-A-1", "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"threadId\":\"thr-2\","
                + "\"body\":\"Adjuntamos la etiqueta de devolución.\",\"evidence\":[{\"fileName\":\"etiqueta.pdf\",\"contentBase64\":\"" + label + "\"}]}");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/api/inbox/threads/thr-2/message"))
                .withRequestBodyPart(aMultipart().withName("files").withHeader("Content-Disposition",
                        com.github.tomakehurst.wiremock.client.WireMock.containing("filename=\"etiqueta.pdf\""))
                        .withBody(com.github.tomakehurst.wiremock.client.WireMock.equalTo("%PDF-1.4 etiqueta")).build()));
        assertThat(incident("ORD-102-A-1").get("timeline").toString()).contains("etiqueta.pdf");

    }

    @Test
    @DisplayName("M5: a new conversation to customer and operator goes through OR43 with a FREE_TEXT topic")
    void newThread() {
        MIRAKL.stubFor(authorized(post(urlPathEqualTo("/api/orders/ORD-102-A/threads")))
                .willReturn(json("{\"thread_id\":\"thr-3\",\"message_id\":\"m-10\"}").withStatus(201)));

        JsonNode decision = decideAndDispatch("ORD-102-A-1",
                "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER_AND_OPERATOR\",\"subject\":\"Reposición\",\"body\":\"Enviamos reposición.\"}");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/api/orders/ORD-102-A/threads"))
                .withRequestBodyPart(aMultipart().withName("thread_input").withBody(equalToJson("""
                        {"body":"Enviamos reposición.","to":[{"type":"CUSTOMER"},{"type":"OPERATOR"}],
                         "topic":{"type":"FREE_TEXT","value":"Reposición"}}""")).build()));
    }

    @Test
    @DisplayName("M5, M6: a message without subject opens a thread titled with the incident's reason; a refund without mode is total")
    void sensibleDefaults() {
        MIRAKL.stubFor(authorized(post(urlPathEqualTo("/api/orders/ORD-100-A/threads")))
                .willReturn(json("{\"thread_id\":\"thr-4\",\"message_id\":\"m-11\"}").withStatus(201)));
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/api/orders/refund"))).willReturn(json("{\"refunds\":[{\"refund_id\":\"r-80\"}]}")));

        assertThat(decideAndDispatch("ORD-100-A-1", "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hola\"}")
                .get("state").asString()).isEqualTo("SENT");
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/api/orders/ORD-100-A/threads"))
                .withRequestBodyPart(aMultipart().withName("thread_input").withBody(equalToJson("""
                        {"body":"Hola","to":[{"type":"CUSTOMER"}],"topic":{"type":"FREE_TEXT","value":"Artículo recibido dañado"}}""")).build()));

        JsonNode refund = decideAndDispatch("ORD-100-A-1", "{\"type\":\"REFUND\",\"reasonCode\":\"20\"}");
        assertThat(refund.at("/decision/mode").asString()).isEqualTo("TOTAL");
        MIRAKL.verify(putRequestedFor(urlPathEqualTo("/api/orders/refund"))
                .withRequestBody(equalToJson("{\"refunds\":[{\"order_line_id\":\"ORD-100-A-1\",\"amount\":34.90}]}", true, true)));
    }

    @Test
    @DisplayName("M6, X4: Mirakl's refusal (payable balance too low) ends REJECTED with Mirakl's own message, not retried")
    void rejectedByChannel() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo("/api/orders/refund"))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":400,\"message\":\"Saldo pagadero insuficiente para realizar el reembolso\"}")));

        JsonNode decision = decideAndDispatch("ORD-100-A-1", "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}");

        assertThat(decision.get("state").asString()).isEqualTo("REJECTED");
        assertThat(decision.get("lastError").asString()).contains("Saldo pagadero insuficiente");
        MIRAKL.verify(1, putRequestedFor(urlPathEqualTo("/api/orders/refund")));
        assertThat(incident("ORD-100-A-1").get("timeline").toString()).contains("rejected by the channel");
        assertThat(api.get("/api/decisions?state=REJECTED").body().toString()).contains(decision.get("id").asString());
    }

    @Test
    @DisplayName("M6, M7: wrong or incomplete decisions are refused with clear reasons before any call to Mirakl")
    void invalidDecisionsNeverReachTheChannel() {
        String id = incidentId("ORD-100-A-1");
        Api.Answer wrongReason = api.post("/api/incidents/" + id + "/decisions", "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"10\"}");
        assertThat(wrongReason.status()).isEqualTo(422);
        assertThat(wrongReason.body().get("problems").toString()).contains("'10' is not a refund reason").contains("20 Reembolso");

        Api.Answer operatorOnly = api.post("/api/incidents/" + id + "/decisions", "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"13\"}");
        assertThat(operatorOnly.status()).isEqualTo(422);

        Api.Answer tooMuch = api.post("/api/incidents/" + id + "/decisions",
                "{\"type\":\"REFUND\",\"mode\":\"DETAILED\",\"reasonCode\":\"20\",\"quantity\":1,\"amount\":\"99\",\"shippingAmount\":\"0\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body().get("detail").asString()).contains("more than the 34.90 left to refund");

        Api.Answer noBody = api.post("/api/incidents/" + id + "/decisions", "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\"}");
        assertThat(noBody.status()).isEqualTo(422);
        assertThat(noBody.body().get("detail").asString()).contains("'body' is required");

        Api.Answer noReason = api.post("/api/incidents/" + id + "/decisions", "{\"type\":\"REFUND\"}");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body().get("problems").toString()).contains("'reasonCode' is required")
                .contains("20 Reembolso por artículo dañado").contains("23 Gesto comercial");

        Api.Answer noType = api.post("/api/incidents/" + id + "/decisions", "{\"mode\":\"TOTAL\"}");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.body().get("hint").asString()).contains("SEND_MESSAGE, REFUND, MARK_RESOLVED");

        Api.Answer unknownIncident = api.post("/api/incidents/" + UUID.randomUUID() + "/decisions", "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"}");
        assertThat(unknownIncident.status()).isEqualTo(404);

        RequestPatternBuilder writes = anyRequestedFor(anyUrl());
        assertThat(MIRAKL.findAll(writes).stream().filter(r -> !RequestMethod.GET.equals(r.getMethod()))).isEmpty();
        assertThat(jdbc.sql("select count(*) from decision where incident_id = ?").param(UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    @DisplayName("X4: the same Idempotency-Key answers the same decision instead of making a second one")
    void idempotencyKey() {
        String id = incidentId("ORD-100-A-1");
        String body = "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"}";
        Api.Answer first = api.post("/api/incidents/" + id + "/decisions", body, "Idempotency-Key", "erp-42");
        Api.Answer second = api.post("/api/incidents/" + id + "/decisions", body, "Idempotency-Key", "erp-42");

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(jdbc.sql("select count(*) from decision where incident_id = ?").param(UUID.fromString(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("X4, M6: a lost answer to a refund is reconciled on the order read again: a refund since the attempt is applied, none is not, an order gone cannot tell")
    void reconcileRefund() {
        com.disputehub.channel.ChannelAccount account = accounts.find(ACCOUNT).orElseThrow();
        com.disputehub.channel.DecisionTarget target = com.disputehub.channel.DecisionTarget.of(
                store.find(UUID.fromString(incidentId("ORD-100-A-1"))).orElseThrow());
        com.disputehub.channel.command.Refund refund = new com.disputehub.channel.command.Refund(com.disputehub.channel.command.Refund.Mode.TOTAL, "20",
                null, null, null, null, null);
        java.time.Instant attempt = java.time.Instant.now().minusSeconds(30);
        String order = MiraklFake.fixture("orders-page-1.json");

        orderById(order);
        assertThat(adapter.reconcile(account, target, refund, "d-1", attempt).outcome())
                .isEqualTo(com.disputehub.channel.Reconciliation.Outcome.NOT_APPLIED);

        orderById(order.replace("\"refunds\": [],", "\"refunds\": [{\"id\": \"r-found\", \"amount\": 34.90, \"reason_code\": \"20\", "
                + "\"created_date\": \"" + java.time.Instant.now() + "\"}],"));
        assertThat(adapter.reconcile(account, target, refund, "d-1", attempt).outcome())
                .isEqualTo(com.disputehub.channel.Reconciliation.Outcome.APPLIED);

        orderById(order.replace("\"refunds\": [],", "\"refunds\": [{\"id\": \"r-old\", \"amount\": 34.90, \"reason_code\": \"20\", "
                + "\"created_date\": \"" + java.time.Instant.now().minusSeconds(86_400) + "\"}],"));
        assertThat(adapter.reconcile(account, target, refund, "d-1", attempt).outcome())
                .as("a refund older than the attempt is not this one").isEqualTo(com.disputehub.channel.Reconciliation.Outcome.NOT_APPLIED);

        orderById(MiraklFake.fixture("orders-empty.json"));
        assertThat(adapter.reconcile(account, target, refund, "d-1", attempt).outcome())
                .isEqualTo(com.disputehub.channel.Reconciliation.Outcome.UNKNOWN);
    }

    private static void orderById(String body) {
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("order_ids", equalTo("ORD-100-A"))
                .willReturn(json(body)));
    }
}
