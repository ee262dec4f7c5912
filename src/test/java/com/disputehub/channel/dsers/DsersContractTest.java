package com.disputehub.channel.dsers;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelUnavailableException;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentSource;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import tools.jackson.databind.JsonNode;

/** The DSers supplier channel against a WireMock fake of the AliExpress gateway's dropshipping calls (S1..S3). */
class DsersContractTest extends IntegrationTest {

    static final String SYNC = "/dsers/sync";
    static final String ORDER_GET = "aliexpress.trade.ds.order.get";
    static final String TRACKING = "aliexpress.ds.order.tracking.get";

    @Autowired
    IncidentStore store;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // the marketplace's complaint on store order STORE-77: the buyer received the lamp broken
        store.upsert(new IncidentSource("mirakl", ACCOUNT, "test"), IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, "STORE-77-1")
                .order("STORE-77", List.of("STORE-77-1")).reason(new Reason(ReasonCategory.DAMAGED, "7", "Producto dañado"))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER).rawPayload("{}").build());
        delivered("9001");
        MIRAKL.stubFor(call(ORDER_GET, "9002").willReturn(okJson(
                "{\"error_response\":{\"code\":\"isv.invalid-authorization\",\"msg\":\"Access to another user's data\",\"request_id\":\"r\"}}")));
        notShipped("9003");
    }

    @Test
    @DisplayName("Registering orders: a wrong batch names every problem and saves nothing; a non-supplier account is refused")
    void registration() {
        Api.Answer wrong = api.put("/api/accounts/" + DSERS + "/supplier-orders", "[" + order("9001", "STORE-77", 1)
                + ",{\"supplierOrderId\":\"90 01\",\"storeOrderId\":\"\",\"shipToCountry\":\"Spain\",\"placedAt\":null}]");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("detail").asString()).contains("order 1: 'supplierOrderId'").contains("order 1: 'storeOrderId'")
                .contains("order 1: 'shipToCountry'").contains("order 1: 'placedAt'").doesNotContain("order 0");
        assertThat(api.get("/api/accounts/" + DSERS + "/supplier-orders").body().size()).isZero();
        assertThat(api.put("/api/accounts/" + ACCOUNT + "/supplier-orders", "[" + order("1", "S", 1) + "]").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("S1, S2: a delivered order with a damaged complaint is a claim, a late one is late, a refused one is quarantined")
    void situations() {
        register(order("9001", "STORE-77", 20), order("9002", "STORE-78", 5), order("9003", "STORE-79", 14));

        sync.poll(accounts.find(DSERS).orElseThrow());

        JsonNode claim = detail("9001/CLAIM");
        assertThat(claim.at("/incident/reason/category").asString()).isEqualTo("DAMAGED");
        assertThat(claim.at("/incident/orderId").asString()).isEqualTo("STORE-77");
        assertThat(claim.at("/incident/details/attributes/supplier.linkedComplaint").asString()).isNotBlank();
        assertThat(claim.at("/incident/details/history/2/text").asString()).isEqualTo("Delivered");
        assertThat(claim.at("/suggestion/rule").asString()).isEqualTo("claim-evidence");
        assertThat(claim.get("related").toString()).contains("STORE-77-1");
        JsonNode late = detail("9003/LATE");
        assertThat(Integer.parseInt(late.at("/incident/details/attributes/supplier.lateBusinessDays").asString())).isGreaterThanOrEqualTo(4);
        assertThat(late.at("/incident/details/attributes/supplier.scope").asString()).isEqualTo("INTERNATIONAL");
        assertThat(jdbc.sql("select error from quarantine where account_id = ?").param(DSERS).query(String.class).list())
                .singleElement().asString().contains("supplier order 9002").contains("isv.invalid-authorization");

        String body = URLDecoder.decode(MIRAKL.findAll(postRequestedFor(urlPathEqualTo(SYNC))
                .withFormParam("method", equalTo(ORDER_GET))).get(0).getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(body).contains("single_order_query={\"order_id\":9001}").contains("sign_method=sha256").contains("app_key=54321")
                .containsPattern("sign=[0-9A-F]{64}");
    }

    @Test
    @DisplayName("S2: a reissue request writes the claim package, RECORDED (nothing sent: DSers has no API); the seller sends it and marks it sent; the claim closes when a reissue order shows up")
    void reissueClosesClaim() {
        register(order("9001", "STORE-77", 20));
        sync.poll(accounts.find(DSERS).orElseThrow());
        String id = detail("9001/CLAIM").at("/incident/id").asString();

        JsonNode decision = decisions().decide(id, "{\"type\":\"REQUEST_REISSUE\",\"message\":\"La lámpara llegó rota\"}");
        assertThat(decision.get("state").asString()).isEqualTo("RECORDED");
        assertThat(decision.get("channelReference").asString()).startsWith("file ");
        JsonNode packaged = detail("9001/CLAIM");
        assertThat(packaged.at("/incident/status").asString()).as("S2: the seller still has to send the package").isEqualTo("NEEDS_SELLER_ACTION");
        assertThat(packaged.at("/suggestion/rule").asString()).isEqualTo("send-package");
        assertThat(packaged.at("/suggestion/decision").asString()).isEqualTo("MARK_PACKAGE_SENT");
        assertThat(packaged.get("timeline").toString()).contains("send it to DSers support or on the AliExpress order page, then mark it sent");

        JsonNode sent = decisions().decide(id, "{\"type\":\"MARK_PACKAGE_SENT\",\"note\":\"Enviado al soporte de DSers\"}");
        assertThat(sent.get("state").asString()).isEqualTo("RECORDED");
        assertThat(detail("9001/CLAIM").at("/incident/status").asString()).isEqualTo("WAITING_FOR_CARRIER_OR_SUPPLIER");
        assertThat(detail("9001/CLAIM").at("/suggestion/rule").asString()).isNotEqualTo("send-package");
        sync.poll(accounts.find(DSERS).orElseThrow());
        assertThat(detail("9001/CLAIM").at("/incident/status").asString()).as("held while nothing changed")
                .isEqualTo("WAITING_FOR_CARRIER_OR_SUPPLIER");

        notShipped("9004");
        register(order("9004", "STORE-77", 1));
        sync.poll(accounts.find(DSERS).orElseThrow());
        assertThat(detail("9001/CLAIM").at("/incident/status").asString()).isEqualTo("RESOLVED");
        assertThat(detail("9001/CLAIM").at("/incident/rawStatus").asString()).contains("refunded or reissued");
    }

    @Test
    @DisplayName("S1: a refund request keeps its message, in the decision and in the claim package")
    void refundKeepsMessage() {
        register(order("9001", "STORE-77", 20));
        sync.poll(accounts.find(DSERS).orElseThrow());
        String id = detail("9001/CLAIM").at("/incident/id").asString();

        JsonNode decision = decisions().decide(id, "{\"type\":\"REFUND\",\"message\":\"Sin stock desde el lunes\"}");

        assertThat(decision.get("state").asString()).isEqualTo("RECORDED");
        assertThat(decision.at("/decision/message").asString()).isEqualTo("Sin stock desde el lunes");
        JsonNode file = null;
        for (JsonNode f : detail("9001/CLAIM").get("files")) {
            if (f.get("fileName").asString().startsWith("claim-refund-9001")) {
                file = f;
            }
        }
        assertThat(file).isNotNull();
        assertThat(new String(new com.disputehub.support.Api(port).raw("/api/incidents/" + id + "/files/" + file.get("id").asLong()),
                java.nio.charset.StandardCharsets.UTF_8)).contains("Sin stock desde el lunes");
    }

    @Test
    @DisplayName("S2: evidence names are kept safe (no folders, no bidi tricks), sent back with an RFC 6266 filename*; an oversized JPEG is too large, not 'not a photo'")
    void evidenceNames() throws Exception {
        register(order("9001", "STORE-77", 20));
        sync.poll(accounts.find(DSERS).orElseThrow());
        String id = detail("9001/CLAIM").at("/incident/id").asString();
        String jpeg = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x10, 0x20});
        byte[] big = new byte[1048576 + 10];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;

        com.disputehub.support.Api api = new com.disputehub.support.Api(port);
        com.disputehub.support.Api.Answer tooLarge = api.post("/api/incidents/" + id + "/decisions",
                "{\"type\":\"SUBMIT_EVIDENCE\",\"evidence\":[{\"fileName\":\"big.jpg\",\"contentBase64\":\""
                        + java.util.Base64.getEncoder().encodeToString(big) + "\"}]}");
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.body().toString()).contains("'big.jpg' is").contains("at most 1048576").doesNotContain("not a photo");

        JsonNode decision = decisions().decide(id, "{\"type\":\"SUBMIT_EVIDENCE\",\"evidence\":["
                + "{\"fileName\":\"../../etc/\u202Egpj.exe\",\"contentBase64\":\"" + jpeg + "\"},"
                + "{\"fileName\":\"фото доставки.jpg\",\"contentBase64\":\"" + jpeg + "\"}]}");
        assertThat(decision.get("state").asString()).isEqualTo("RECORDED");
        java.util.Map<String, Long> files = new java.util.HashMap<>();
        detail("9001/CLAIM").get("files").forEach(f -> files.put(f.get("fileName").asString(), f.get("id").asLong()));
        assertThat(files).containsKeys("gpj.exe", "фото доставки.jpg");
        java.net.http.HttpResponse<byte[]> download = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/incidents/" + id + "/files/" + files.get("фото доставки.jpg")))
                        .header("Authorization", "Bearer " + com.disputehub.support.Principals.API_KEY).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "inline; filename=\"____ ________.jpg\"; filename*=UTF-8''%D1%84%D0%BE%D1%82%D0%BE%20%D0%B4%D0%BE%D1%81%D1%82%D0%B0%D0%B2%D0%BA%D0%B8.jpg");
    }

    @Test
    @DisplayName("S3: a buyer's cancellation on a domestic order suggests interception, which writes its package; abroad it is refused")
    void interceptionDomesticOnly() {
        store.upsert(new IncidentSource("mirakl", ACCOUNT, "test"), IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, "STORE-88-1")
                .order("STORE-88", List.of("STORE-88-1")).reason(new Reason(ReasonCategory.BUYER_CANCELLED, "9", "Pedido anulado por el cliente"))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER).rawPayload("{}").build());
        delivered("9006");
        delivered("9007");
        register(order("9006", "STORE-88", 1).replace("\"shipToCountry\":\"ES\"", "\"shipToCountry\":\"ES\",\"shipFromCountry\":\"ES\""),
                order("9007", "STORE-88", 1));
        sync.poll(accounts.find(DSERS).orElseThrow());

        JsonNode domestic = detail("9006/CANCEL");
        assertThat(domestic.at("/incident/details/attributes/supplier.scope").asString()).isEqualTo("DOMESTIC");
        assertThat(domestic.at("/suggestion/rule").asString()).isEqualTo("intercept-domestic");
        assertThat(decisions().decide(domestic.at("/incident/id").asString(), "{\"type\":\"REQUEST_INTERCEPTION\"}")
                .get("state").asString()).isEqualTo("RECORDED");

        JsonNode abroad = detail("9007/CANCEL");
        assertThat(abroad.at("/suggestion/rule").asString()).isEqualTo("international-no-intercept");
        Api.Answer refused = api.post("/api/incidents/" + abroad.at("/incident/id").asString() + "/decisions",
                "{\"type\":\"REQUEST_INTERCEPTION\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("ships internationally");
    }

    @Test
    @DisplayName("A transient gateway error (isp.*) fails the poll and keeps the cursor, to be read again")
    void transientError() {
        register(order("9005", "STORE-80", 2));
        MIRAKL.stubFor(call(ORDER_GET, "9005").willReturn(okJson(
                "{\"error_response\":{\"code\":\"isp.service-unavailable\",\"msg\":\"busy\",\"request_id\":\"r\"}}")));

        assertThatThrownBy(() -> sync.poll(accounts.find(DSERS).orElseThrow())).isInstanceOf(ChannelUnavailableException.class);
        assertThat(jdbc.sql("select count(*) from incident where account_id = ?").param(DSERS).query(Long.class).single()).isZero();
    }

    private void register(String... orders) {
        Api.Answer answer = api.put("/api/accounts/" + DSERS + "/supplier-orders", "[" + String.join(",", orders) + "]");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    }

    private static String order(String id, String storeOrder, int daysAgo) {
        return "{\"supplierOrderId\":\"" + id + "\",\"storeOrderId\":\"" + storeOrder + "\",\"shipToCountry\":\"ES\","
                + "\"placedAt\":\"" + Instant.now().minus(Duration.ofDays(daysAgo)) + "\",\"handlingDays\":3}";
    }

    private static void delivered(String id) {
        MIRAKL.stubFor(call(ORDER_GET, id).willReturn(okJson("{\"aliexpress_trade_ds_order_get_response\":{\"result\":{"
                + "\"order_status\":\"FINISH\",\"logistics_status\":\"BUYER_ACCEPT_GOODS\",\"child_order_list\":"
                + "{\"aeop_child_order_info\":[{\"product_name\":\"Lámpara\",\"end_reason\":\"buyer_accept_goods\"}]},"
                + "\"logistics_info_list\":{\"aeop_order_logistics_info\":[{\"logistics_no\":\"LP00001\"}]}},\"request_id\":\"r\"}}")));
        MIRAKL.stubFor(post(urlPathEqualTo(SYNC)).withFormParam("method", equalTo(TRACKING)).withFormParam("ae_order_id", equalTo(id))
                .willReturn(okJson("{\"aliexpress_ds_order_tracking_get_response\":{\"result\":{\"ret\":true,\"code\":\"0\",\"data\":"
                        + "{\"tracking_detail_line_list\":[{\"mail_no\":\"LP00001\",\"detail_node_list\":["
                        + "{\"tracking_name\":\"Accepted by carrier\",\"time_stamp\":1763000000000,\"tracking_detail_desc\":\"Accepted by carrier\"},"
                        + "{\"tracking_name\":\"Arrived\",\"time_stamp\":1763400000000,\"tracking_detail_desc\":\"Arrived at destination country\"},"
                        + "{\"tracking_name\":\"Delivered\",\"time_stamp\":1763600000000,\"tracking_detail_desc\":\"Delivered\"}]}]}},"
                        + "\"request_id\":\"r\"}}")));
    }

    private static void notShipped(String id) {
        MIRAKL.stubFor(call(ORDER_GET, id).willReturn(okJson("{\"aliexpress_trade_ds_order_get_response\":{\"result\":{"
                + "\"order_status\":\"WAIT_SELLER_SEND_GOODS\",\"child_order_list\":[{\"product_name\":\"Lámpara\"}]},\"request_id\":\"r\"}}")));
        MIRAKL.stubFor(post(urlPathEqualTo(SYNC)).withFormParam("method", equalTo(TRACKING)).withFormParam("ae_order_id", equalTo(id))
                .willReturn(okJson("{\"aliexpress_ds_order_tracking_get_response\":{\"result\":{\"ret\":false,\"code\":\"1001\","
                        + "\"msg\":\"TRACKING DATA NOT FOUND\"},\"request_id\":\"r\"}}")));
    }

    private static MappingBuilder call(String method, String orderId) {
        return post(urlPathEqualTo(SYNC)).withFormParam("method", equalTo(method))
                .withFormParam("single_order_query", equalTo("{\"order_id\":" + orderId + "}"));
    }

    private JsonNode detail(String externalId) {
        String id = jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(DSERS, externalId)
                .query(String.class).optional().orElseThrow(() -> new AssertionError("no incident " + externalId));
        return api.get("/api/incidents/" + id).body();
    }
}
