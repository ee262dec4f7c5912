package com.disputehub.channel.aliexpress;

import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.channel.shared.aliexpress.AliExpressSigner;
import com.disputehub.incident.Incident;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.PartyRole;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.support.IntegrationTest;
import com.disputehub.sync.SyncReport;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** The AliExpress adapter against a WireMock fake of the open platform's /sync gateway, through sync and store. */
class AliExpressSyncContractTest extends IntegrationTest {

    static final String SYNC = "/ae/sync";

    @Autowired
    IncidentStore store;

    static String fixture(String name) {
        try (InputStream in = AliExpressSyncContractTest.class.getResourceAsStream("/aliexpress/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MappingBuilder method(String method) {
        return post(urlPathEqualTo(SYNC)).withFormParam("method", equalTo(method));
    }

    void stubScan() {
        MIRAKL.stubFor(method(AliExpressAdapter.LIST).withFormParam("query_dto", containing("\"current_page\":1"))
                .willReturn(json(fixture("list-page-1.json"))));
        MIRAKL.stubFor(method(AliExpressAdapter.LIST).withFormParam("query_dto", containing("\"current_page\":2"))
                .willReturn(json(fixture("list-page-2.json"))));
        for (String id : new String[] {"7000", "7001", "7003"}) {
            MIRAKL.stubFor(method(AliExpressAdapter.DETAIL).withFormParam("issue_id", equalTo(id))
                    .willReturn(json(fixture("detail-" + id + ".json"))));
        }
        MIRAKL.stubFor(method(AliExpressAdapter.DETAIL).withFormParam("issue_id", equalTo("7002")).willReturn(json(
                "{\"error_response\":{\"code\":\"isv.issue-not-exist\",\"msg\":\"The dispute does not exist\",\"request_id\":\"x\"}}")));
    }

    SyncReport poll() {
        return sync.poll(accounts.find(ALIEXPRESS).orElseThrow());
    }

    Incident incident(String issueId) {
        UUID id = jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(ALIEXPRESS, issueId)
                .query(UUID.class).single();
        return store.find(id).orElseThrow();
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    @Test
    @DisplayName("A1, A2: the scan pages through open disputes oldest first, reads each detail, and quarantines the one AliExpress refuses")
    void firstScan() {
        stubScan();

        SyncReport report = poll();

        assertThat(report.created()).isEqualTo(3);
        assertThat(report.quarantined()).isEqualTo(1);
        var details = MIRAKL.findAll(postRequestedFor(urlPathEqualTo(SYNC)).withRequestBody(containing("method=aliexpress.issue.detail.get")));
        assertThat(details.stream().map(r -> form(r).get("issue_id"))).containsExactly("7000", "7001", "7002", "7003");

        Incident damaged = incident("7001");
        assertThat(damaged.reason().category()).as("Portuguese cause").isEqualTo(ReasonCategory.DAMAGED);
        assertThat(damaged.reason().rawLabel()).isEqualTo("Mercadoria danificada");
        assertThat(damaged.reason().rawCode()).isEqualTo("115");
        assertThat(damaged.status()).isEqualTo(IncidentStatus.NEEDS_SELLER_ACTION);
        assertThat(damaged.requestedRefund().amount()).isEqualByComparingTo("407.47");
        assertThat(damaged.requestedRefund().currency()).isEqualTo("BRL");
        assertThat(damaged.flags()).as("the buyer asks for a return").containsExactly("RETURN_REQUESTED");
        assertThat(damaged.productValue().amount()).isEqualByComparingTo("66.65");
        assertThat(damaged.productValue().currency()).isEqualTo("USD");
        assertThat(damaged.respondBy()).as("five days after the buyer's request").isEqualTo(Instant.parse("2026-11-25T10:00:05Z"));
        assertThat(damaged.evidence()).extracting(e -> e.url()).containsExactly("https://ae01.alicdn.com/kf/foto-quebrada.jpg");
        assertThat(damaged.messages().get(0).author()).isEqualTo(PartyRole.BUYER);
        assertThat(damaged.messages().get(0).body()).contains("A luminária chegou quebrada");

        Incident notReceived = incident("7000");
        assertThat(notReceived.reason().category()).as("English cause from the list").isEqualTo(ReasonCategory.NOT_DELIVERED);
        assertThat(notReceived.status()).as("the seller's counter-offer waits for the buyer").isEqualTo(IncidentStatus.WAITING_FOR_BUYER);

        Incident newStatus = incident("7003");
        assertThat(newStatus.rawStatus()).isEqualTo("some_new_status");
        assertThat(newStatus.reason().category()).isEqualTo(ReasonCategory.WRONG_ITEM);

        String error = jdbc.sql("select error from quarantine where account_id = ?").param(ALIEXPRESS).query(String.class).single();
        assertThat(error).contains("isv.issue-not-exist").contains("The dispute does not exist");
    }

    @Test
    @DisplayName("A1: every call is signed with the app secret, which itself is never sent")
    void signedRequests() {
        stubScan();
        poll();

        for (LoggedRequest request : MIRAKL.findAll(postRequestedFor(urlPathEqualTo(SYNC)))) {
            Map<String, String> params = form(request);
            assertThat(params).containsEntry("app_key", "12345").containsEntry("sign_method", "sha256")
                    .containsEntry("access_token", "seller-session-token").containsKeys("timestamp", "method", "sign");
            assertThat(params.get("sign")).isEqualTo(AliExpressSigner.sign(AE_SECRET, params));
            assertThat(request.getBodyAsString()).doesNotContain(AE_SECRET);
        }
    }

    @Test
    @DisplayName("A1: the next scan reads again only the disputes whose gmt_modified changed")
    void unchangedDisputesAreNotReadAgain() {
        stubScan();
        poll();
        MIRAKL.resetRequests();
        MIRAKL.stubFor(method(AliExpressAdapter.LIST).withFormParam("query_dto", containing("\"current_page\":1"))
                .willReturn(json(fixture("list-page-1.json").replace("\"gmt_modified\": \"2026-11-19 08:00:00\"",
                        "\"gmt_modified\": \"2026-11-22 08:00:00\""))));

        poll();

        var details = MIRAKL.findAll(postRequestedFor(urlPathEqualTo(SYNC)).withRequestBody(containing("method=aliexpress.issue.detail.get")));
        assertThat(details.stream().map(r -> form(r).get("issue_id")))
                .as("7000 changed; 7002 was never stored, so it is asked again").containsExactlyInAnyOrder("7000", "7002");
    }

    @Test
    @DisplayName("A2: a dispute that left the open list is read again by its order and shows closed")
    void finishedDisputeIsFollowedUp() {
        stubScan();
        poll();
        MIRAKL.resetMappings();
        MIRAKL.stubFor(method(AliExpressAdapter.LIST).withFormParam("query_dto", containing("processing"))
                .willReturn(json("{\"aliexpress_issue_issuelist_get_response\":{\"total_item\":0,\"data_list\":{}}}")));
        MIRAKL.stubFor(method(AliExpressAdapter.LIST).withFormParam("query_dto", containing("\"order_no\":\"8194715118461400\""))
                .willReturn(json(fixture("list-page-1.json"))));
        MIRAKL.stubFor(method(AliExpressAdapter.LIST).withFormParam("query_dto", containing("\"order_no\""))
                .atPriority(10).willReturn(json("{\"aliexpress_issue_issuelist_get_response\":{\"total_item\":0,\"data_list\":{}}}")));
        MIRAKL.stubFor(method(AliExpressAdapter.DETAIL).withFormParam("issue_id", equalTo("7000"))
                .willReturn(json(fixture("detail-7000-finished.json"))));

        poll();

        Incident closed = incident("7000");
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.rawStatus()).isEqualTo("finish");
    }

    @Test
    @DisplayName("A1: ApiCallLimit means back off: the poll is retried, then fails with AliExpress's code, and nothing is lost")
    void apiCallLimit() {
        MIRAKL.stubFor(method(AliExpressAdapter.LIST).willReturn(json(
                "{\"error_response\":{\"code\":\"ApiCallLimit\",\"msg\":\"This ban will last for 1 more seconds\"}}")));

        assertThatThrownBy(this::poll).isInstanceOf(ChannelUnavailableException.class).hasMessageContaining("ApiCallLimit");
        assertThat(MIRAKL.findAll(postRequestedFor(urlPathEqualTo(SYNC)))).as("retried with backoff").hasSize(4);
    }
}
