package com.disputehub.channel.cj;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.Reconciliation;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.Evidence;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentSource;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CJ Dropshipping's dispute calls against a WireMock fake: a claim from a complaint, a dispute opened, its outcome. */
class CjContractTest extends IntegrationTest {

    static final String PHOTO = "https://marketplace.example/photos/broken-lamp.jpg";

    @Autowired
    IncidentStore store;
    @Autowired
    CjAdapter cj;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        store.upsert(new IncidentSource("mirakl", ACCOUNT, "test"), IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, "STORE-91-1")
                .order("STORE-91", List.of("STORE-91-1")).reason(new Reason(ReasonCategory.DAMAGED, "7", "Producto dañado"))
                .evidence(List.of(new Evidence(PHOTO, "broken-lamp.jpg", PartyRole.BUYER)))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER).rawPayload("{}").build());
        disputes("[]");
        assertThat(api.put("/api/accounts/" + CJ + "/supplier-orders", "[{\"supplierOrderId\":\"CJPKL7160102171YQ\","
                + "\"storeOrderId\":\"STORE-91\",\"shipToCountry\":\"ES\",\"placedAt\":\"" + Instant.now() + "\"}]").status())
                .isEqualTo(200);
    }

    @Test
    @DisplayName("A complaint makes a claim; a reissue opens a CJ dispute with the photos; CJ's resend resolves it")
    void claimDisputeResend() {
        sync.poll(accounts.find(CJ).orElseThrow());
        JsonNode claim = incident();
        assertThat(claim.get("status").asString()).isEqualTo("NEEDS_SELLER_ACTION");
        assertThat(claim.at("/reason/category").asString()).isEqualTo("DAMAGED");
        stubDisputeCalls(CjAnswers.ok("true"));

        JsonNode decision = decisions().decide(claim.get("id").asString(), "{\"type\":\"REQUEST_REISSUE\",\"message\":\"Lamp arrived broken\"}");
        assertThat(decision.get("state").asString()).as(decision.toString()).isEqualTo("SENT");
        JsonNode create = JsonMapper.builder().build().readTree(MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/cj/disputes/create")))
                .get(0).getBodyAsString());
        assertThat(create.get("orderId").asString()).isEqualTo("CJPKL7160102171YQ");
        assertThat(create.get("businessDisputeId").asString()).isEqualTo(decision.get("channelReference").asString()).isNotBlank();
        assertThat(create.get("disputeReasonId").asInt()).as("the reason naming the damage").isEqualTo(7);
        assertThat(create.get("expectType").asInt()).isEqualTo(2);
        assertThat(create.get("messageText").asString()).isEqualTo("Lamp arrived broken");
        assertThat(create.get("imageUrl").toString()).contains(PHOTO);
        assertThat(create.get("productInfoList").size()).as("only the line CJ lets you choose").isEqualTo(1);
        assertThat(MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/cj/disputes/create"))).get(0).getHeader("CJ-Access-Token"))
                .isEqualTo("cj-token-5150");

        disputes("[{\"id\":\"D-77\",\"status\":\"Processing\",\"disputeReason\":\"Damaged product\"}]");
        sync.poll(accounts.find(CJ).orElseThrow());
        assertThat(incident().get("status").asString()).isEqualTo("WAITING_FOR_CARRIER_OR_SUPPLIER");

        disputes("[{\"id\":\"D-77\",\"status\":\"Finished\",\"disputeReason\":\"Damaged product\",\"resendOrderCode\":\"CJR-5521\",\"finallyDeal\":2}]");
        sync.poll(accounts.find(CJ).orElseThrow());
        JsonNode resolved = incident();
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.at("/details/attributes/cj.resendOrder").asString()).isEqualTo("CJR-5521");
    }

    @Test
    @DisplayName("CJ's refusal (1600100 Param error) ends the decision REJECTED in CJ's words; an outage fails the poll")
    void refusalAndOutage() {
        sync.poll(accounts.find(CJ).orElseThrow());
        stubDisputeCalls(okJson("{\"code\":1600100,\"result\":false,\"message\":\"Param error\",\"data\":null,\"requestId\":\"q\"}"));

        JsonNode decision = decisions().decide(incident().get("id").asString(), "{\"type\":\"REFUND\"}");
        assertThat(decision.get("state").asString()).isEqualTo("REJECTED");
        assertThat(decision.get("lastError").asString()).contains("1600100").contains("Param error");
        assertThat(api.post("/api/incidents/" + incident().get("id").asString() + "/decisions", "{\"type\":\"ASK_EXPEDITE\"}")
                .body().toString()).contains("refunds and resends only");

        MIRAKL.stubFor(get(urlPathEqualTo("/cj/disputes/getDisputeList")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> sync.poll(accounts.find(CJ).orElseThrow())).isInstanceOf(ChannelUnavailableException.class);
    }

    @Test
    @DisplayName("X4: a lost answer is reconciled by CJ's businessDisputeId: applied, not applied, or cannot tell")
    void reconcileByKey() {
        sync.poll(accounts.find(CJ).orElseThrow());
        com.disputehub.channel.ChannelAccount account = accounts.find(CJ).orElseThrow();
        com.disputehub.channel.DecisionTarget target = com.disputehub.channel.DecisionTarget.of(store.find(
                java.util.UUID.fromString(incident().get("id").asString())).orElseThrow());
        com.disputehub.channel.command.DecisionCommand refund = new com.disputehub.channel.command.Refund(null, null, null, null, null, null, null);
        Instant since = Instant.now().minusSeconds(30);

        disputes("[{\"id\":\"D-1\",\"businessDisputeId\":\"decision-1\",\"status\":\"Processing\"}]");
        assertThat(cj.reconcile(account, target, refund, "decision-1", since).outcome()).isEqualTo(Reconciliation.Outcome.APPLIED);
        assertThat(cj.reconcile(account, target, refund, "decision-2", since).outcome())
                .as("CJ echoes keys, and this one is not there").isEqualTo(Reconciliation.Outcome.NOT_APPLIED);
        disputes("[]");
        assertThat(cj.reconcile(account, target, refund, "decision-2", since).outcome()).isEqualTo(Reconciliation.Outcome.NOT_APPLIED);
        disputes("[{\"id\":\"D-OLD\",\"status\":\"Finished\"}]");
        assertThat(cj.reconcile(account, target, refund, "decision-2", since).outcome())
                .as("an older dispute without our key is not proof of ours").isEqualTo(Reconciliation.Outcome.UNKNOWN);
    }

    private void stubDisputeCalls(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder create) {
        MIRAKL.stubFor(get(urlPathEqualTo("/cj/disputes/disputeProducts")).withQueryParam("orderId", equalTo("CJPKL7160102171YQ"))
                .willReturn(CjAnswers.ok("{\"orderId\":\"CJPKL7160102171YQ\",\"productInfoList\":["
                        + "{\"lineItemId\":\"L1\",\"canChoose\":true,\"quantity\":1,\"price\":12.90,\"supplierName\":\"Lamp Co\"},"
                        + "{\"lineItemId\":\"L2\",\"canChoose\":false,\"quantity\":2,\"price\":3.10}]}")));
        MIRAKL.stubFor(post(urlPathEqualTo("/cj/disputes/disputeConfirmInfo")).willReturn(CjAnswers.ok("{\"orderId\":\"CJPKL7160102171YQ\","
                + "\"maxAmount\":12.9,\"expectResultOptionList\":[\"1\",\"2\"],\"disputeReasonList\":["
                + "{\"disputeReasonId\":1,\"reasonName\":\"Logistics delay\"},{\"disputeReasonId\":7,\"reasonName\":\"Damaged product\"}]}")));
        MIRAKL.stubFor(post(urlPathEqualTo("/cj/disputes/create")).willReturn(create));
    }

    private static void disputes(String list) {
        MIRAKL.stubFor(get(urlPathEqualTo("/cj/disputes/getDisputeList")).withQueryParam("orderId", equalTo("CJPKL7160102171YQ"))
                .willReturn(CjAnswers.ok("{\"pageNum\":1,\"pageSize\":20,\"total\":0,\"list\":" + list + "}")));
    }

    private JsonNode incident() {
        String id = jdbc.sql("select id from incident where account_id = ? and external_id = 'CJPKL7160102171YQ/CLAIM'").param(CJ)
                .query(String.class).single();
        return api.get("/api/incidents/" + id).body().get("incident");
    }
}
