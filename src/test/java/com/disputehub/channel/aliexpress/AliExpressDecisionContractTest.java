package com.disputehub.channel.aliexpress;

import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** AliExpress decisions from the REST API to a WireMock fake of the /sync gateway (DOMAIN A4, A5). */
class AliExpressDecisionContractTest extends IntegrationTest {

    /** The smallest PNG: its 8-byte signature and an IHDR chunk. */
    static final String PNG = Base64.getEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, (byte) 0xC4, (byte) 0x89});
    static final String GIF = Base64.getEncoder().encodeToString("GIF89a....".getBytes());

    @org.springframework.beans.factory.annotation.Autowired
    AliExpressAdapter adapter;
    @org.springframework.beans.factory.annotation.Autowired
    com.disputehub.incident.IncidentStore store;
    Api api;
    UUID damaged;

    @BeforeEach
    void syncDisputes() {
        api = new Api(port);
        MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressAdapter.LIST)
                .willReturn(json(AliExpressSyncContractTest.fixture("list-page-1.json").replace("\"total_item\": 51", "\"total_item\": 3"))));
        for (String id : new String[] {"7000", "7001"}) {
            MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressAdapter.DETAIL).withFormParam("issue_id", equalTo(id))
                    .willReturn(json(AliExpressSyncContractTest.fixture("detail-" + id + ".json"))));
        }
        sync.poll(accounts.find(ALIEXPRESS).orElseThrow());
        damaged = jdbc.sql("select id from incident where account_id = ? and external_id = '7001'").param(ALIEXPRESS)
                .query(UUID.class).single();
        MIRAKL.resetRequests();
    }

    JsonNode decide(String body) {
        return decisions().decide(damaged, body);
    }

    String status() {
        return decisions().status(damaged);
    }

    @Test
    @DisplayName("A5: agree sends solution.agree with the list's buyer_login_id (the detail has none); the status reads Decision")
    void agree() {
        MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressDecisions.AGREE)
                .willReturn(json("{\"aliexpress_issue_solution_agree_response\":{\"result\":{\"success\":true}}}")));

        Api.Answer noAddress = api.post("/api/incidents/" + damaged + "/decisions", "{\"type\":\"AGREE\"}");
        assertThat(noAddress.status()).as("the buyer's solution includes a return").isEqualTo(422);
        assertThat(noAddress.body().get("detail").asString()).contains("'returnAddressId'");

        assertThat(decide("{\"type\":\"AGREE\",\"returnAddressId\":\"addr-55\"}").get("state").asString()).isEqualTo("SENT");

        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/ae/sync")).withFormParam("method", equalTo(AliExpressDecisions.AGREE))
                .withFormParam("solution_id", equalTo("6010915445171470")).withFormParam("issue_id", equalTo("7001"))
                .withFormParam("buyer_login_id", equalTo("br1001abc")).withFormParam("return_address_id", equalTo("addr-55")));
        assertThat(status()).isEqualTo("DECISION_SENT");
    }

    @Test
    @DisplayName("A5: a complete refusal uploads its image, then saves a counter-solution with the reason; the image is kept")
    void refuse() {
        MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressDecisions.SAVE)
                .willReturn(json("{\"aliexpress_issue_solution_save_response\":{\"result\":{\"success\":true}}}")));
        MIRAKL.stubFor(post(urlPathEqualTo("/ae/sync")).withRequestBody(containing(AliExpressDecisions.UPLOAD))
                .willReturn(json("{\"aliexpress_issue_image_upload_response\":{\"result\":{\"success\":true,\"data\":\"https://ae01.alicdn.com/kf/x.png\"}}}")));

        JsonNode decision = decide("""
                {"type":"REFUSE","sellerEmail":"loja@exemplo.com.br","cause":"Others",
                 "reason":"O rastreio mostra a entrega em perfeito estado","evidence":[{"fileName":"entrega.png","contentBase64":"%s"}]}
                """.formatted(PNG));

        assertThat(decision.get("state").asString()).as(decision.toString()).isEqualTo("SENT");
        assertThat(decision.toString()).as("the outbox keeps names, not bytes").doesNotContain(PNG);
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/ae/sync"))
                .withRequestBodyPart(aMultipart().withName("method").withBody(equalTo(AliExpressDecisions.UPLOAD)).build())
                .withRequestBodyPart(aMultipart().withName("extension").withBody(equalTo("png")).build())
                .withRequestBodyPart(aMultipart().withName("image_bytes").build()));
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/ae/sync")).withFormParam("method", equalTo(AliExpressDecisions.SAVE))
                .withFormParam("param_dto", containing("\"buyer_solution_id\":\"6010915445171470\""))
                .withFormParam("param_dto", containing("\"buyer_login_id\":\"br1001abc\""))
                .withFormParam("param_dto", containing("\"refund_amount\":\"0\""))
                .withFormParam("param_dto", containing("O rastreio mostra a entrega")));
        JsonNode files = api.get("/api/incidents/" + damaged).body().get("files");
        assertThat(files.get(0).get("fileName").asString()).isEqualTo("entrega.png");
        assertThat(files.get(0).get("contentType").asString()).isEqualTo("image/png");
        assertThat(status()).isEqualTo("DECISION_SENT");
    }

    @Test
    @DisplayName("A5: an incomplete refusal is refused with every missing piece named, before any call")
    void incompleteRefusal() {
        Api.Answer missing = api.post("/api/incidents/" + damaged + "/decisions", "{\"type\":\"REFUSE\",\"cause\":\"Damaged\"}");
        Api.Answer gif = api.post("/api/incidents/" + damaged + "/decisions", """
                {"type":"REFUSE","sellerEmail":"loja@exemplo.com.br","reason":"x","evidence":[{"fileName":"a.gif","contentBase64":"%s"}]}
                """.formatted(GIF));

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().get("problems").toString()).contains("'sellerEmail' is required")
                .contains("must be \\\"Others\\\"").contains("'reason' is required").contains("at least one image");
        assertThat(gif.status()).isEqualTo(422);
        assertThat(gif.body().get("detail").asString()).contains("'a.gif' is not a JPEG or PNG image");
        assertThat(MIRAKL.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    @DisplayName("A4: delivery fixed is RECORDED, sends nothing to AliExpress, and the dispute stays open there, waiting for the platform")
    void deliveryFixed() {
        assertThat(decide("{\"type\":\"MARK_DELIVERY_FIXED\",\"note\":\"Cliente recebeu o produto certo\"}").get("state").asString())
                .isEqualTo("RECORDED");

        assertThat(status()).isEqualTo("WAITING_FOR_PLATFORM");
        assertThat(MIRAKL.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(api.get("/api/incidents/" + damaged).body().get("timeline").toString()).contains("nothing is sent to AliExpress");
    }

    @Test
    @DisplayName("A5: AliExpress answering success=false ends REJECTED with its message")
    void refusedByAliExpress() {
        MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressDecisions.AGREE).willReturn(json(
                "{\"aliexpress_issue_solution_agree_response\":{\"result\":{\"success\":false,\"error_message\":\"solution status changed\"}}}")));

        JsonNode decision = decide("{\"type\":\"AGREE\",\"returnAddressId\":\"addr-55\"}");

        assertThat(decision.get("state").asString()).isEqualTo("REJECTED");
        assertThat(decision.get("lastError").asString()).contains("solution status changed");
    }

    @Test
    @DisplayName("X4, A5: a lost answer to AGREE is reconciled on a fresh detail read with the list's buyer_login_id: applied, not applied, or cannot tell")
    void reconcileAgree() {
        com.disputehub.channel.ChannelAccount account = accounts.find(ALIEXPRESS).orElseThrow();
        com.disputehub.channel.DecisionTarget target = com.disputehub.channel.DecisionTarget.of(store.find(damaged).orElseThrow());
        com.disputehub.channel.command.Agree agree = new com.disputehub.channel.command.Agree(null, null);
        java.time.Instant since = java.time.Instant.now().minusSeconds(60);
        String detail = AliExpressSyncContractTest.fixture("detail-7001.json");

        assertThat(adapter.reconcile(account, target, agree, "d-1", since).outcome())
                .as("still waiting for the seller").isEqualTo(com.disputehub.channel.Reconciliation.Outcome.NOT_APPLIED);
        MIRAKL.verify(postRequestedFor(urlPathEqualTo("/ae/sync")).withFormParam("method", equalTo(AliExpressAdapter.DETAIL))
                .withFormParam("buyer_login_id", equalTo("br1001abc")));

        MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressAdapter.DETAIL).withFormParam("issue_id", equalTo("7001"))
                .willReturn(json(detail.replace("\"status\": \"wait_seller_accept\"", "\"status\": \"reached\""))));
        assertThat(adapter.reconcile(account, target, agree, "d-1", since).outcome())
                .isEqualTo(com.disputehub.channel.Reconciliation.Outcome.APPLIED);

        MIRAKL.stubFor(AliExpressSyncContractTest.method(AliExpressAdapter.DETAIL).withFormParam("issue_id", equalTo("7001"))
                .willReturn(json(detail.replace("6010915445171470", "6010915445179999"))));
        assertThat(adapter.reconcile(account, target, agree, "d-1", since).outcome())
                .as("the agreed solution is gone from the dispute").isEqualTo(com.disputehub.channel.Reconciliation.Outcome.UNKNOWN);
    }
}
