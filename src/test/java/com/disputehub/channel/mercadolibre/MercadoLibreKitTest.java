package com.disputehub.channel.mercadolibre;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.contract.ChannelAdapterContract;
import com.disputehub.channel.contract.KitDecision;
import com.disputehub.channel.contract.KitReads;
import com.disputehub.channel.contract.KitRecord;
import com.disputehub.support.Api;
import com.disputehub.support.Fixtures;
import com.disputehub.support.TestKeys;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;

/**
 * The Mercado Libre adapter passes the kit (DOMAIN X8) against a fake of the post-purchase claims API and its OAuth
 * token endpoint: open claims searched as respondent and paged by offset, a claim read by id with its messages and
 * partial-refund offers, the seller's actions, and single-use refresh tokens. Fixtures in
 * {@code src/test/resources/mercadolibre/kit}, shaped like the documentation's claim example.
 */
class MercadoLibreKitTest extends ChannelAdapterContract {

    static final String SELLER = "1330467461";
    static final String CLIENT_SECRET = "kit-meli-client-secret-8f2a";
    static final String FIRST_REFRESH = "TG-kit-first-refresh-6d1e";
    static final String CLAIMS = MercadoLibreClient.CLAIMS;
    static final Map<String, String> SERVED = new ConcurrentHashMap<>();
    static final String CLAIM_BY_ID = "meli-claim-by-id";
    /** GET /post-purchase/v1/claims/{id}: the claim as served, or Mercado Libre's 404. */
    static final WireMockServer FAKE = startFake(new KitReads.ById(CLAIM_BY_ID, SERVED, id -> error(404, "not_found", "Resource not found")));

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        account(registry, "mercadolibre", FAKE.baseUrl(), Map.of("client-id", "7423891", "client-secret", CLIENT_SECRET,
                "refresh-token", FIRST_REFRESH), Map.of("page-size", "3", "user-id", SELLER));
        registry.add("disputehub.tokens.encryption-key", TestKeys::tokenKey);
        // the fake answers at once: the channel's published 5 calls a second would only slow the scenarios down
        registry.add("resilience4j.ratelimiter.configs.kit.limit-for-period", () -> "100");
    }

    @Override
    protected WireMockServer fake() {
        return FAKE;
    }

    @Override
    protected void prepare() {
        SERVED.clear();
        // single use: the first refresh token gives APP_USR-1 and a second refresh token, which gives APP_USR-2, and so on
        FAKE.stubFor(post(urlPathEqualTo(MercadoLibreClient.TOKEN_PATH)).withRequestBody(containing("refresh_token=" + FIRST_REFRESH))
                .willReturn(okJson(grant(1))));
        FAKE.stubFor(post(urlPathEqualTo(MercadoLibreClient.TOKEN_PATH)).withRequestBody(containing("refresh_token=TG-kit-next-1"))
                .willReturn(okJson(grant(2))));
        FAKE.stubFor(meli(get(urlPathMatching(CLAIMS + "/[0-9]+"))).atPriority(20).willReturn(okJson("{}").withTransformers(CLAIM_BY_ID)));
        FAKE.stubFor(meli(get(urlPathMatching(CLAIMS + "/[0-9]+/messages"))).willReturn(okJson("""
                [{"sender_role": "complainant", "receiver_role": "respondent", "message": "O produto chegou com defeito",
                  "translated_message": null, "date_created": "2026-11-25T10:15:00.000-03:00", "attachments": [], "status": "available"}]""")));
        FAKE.stubFor(meli(get(urlPathMatching(CLAIMS + "/[0-9]+/partial-refund/available-offers"))).willReturn(okJson("""
                {"currency_id": "BRL", "available_offers": [{"amount": 44.95, "percentage": 50}, {"amount": 26.97, "percentage": 30}]}""")));
    }

    private static String grant(int n) {
        return "{\"access_token\": \"APP_USR-kit-" + n + "\", \"token_type\": \"Bearer\", \"expires_in\": 21600, \"scope\": \"offline_access read write\","
                + " \"user_id\": " + SELLER + ", \"refresh_token\": \"TG-kit-next-" + n + "\"}";
    }

    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        pages.stream().flatMap(List::stream).filter(r -> r.kind() != KitRecord.Kind.MALFORMED)
                .forEach(r -> SERVED.put(id(r), claim(r, Shown.OPEN)));
        int total = pages.stream().mapToInt(List::size).sum() == 0 ? 0 : 3 * (pages.size() - 1) + pages.get(pages.size() - 1).size();
        for (int i = 0; i < pages.size(); i++) {
            FAKE.stubFor(meli(get(urlPathEqualTo(CLAIMS + "/search"))).withQueryParam("offset", equalTo(String.valueOf(3 * i)))
                    .withQueryParam("players.role", equalTo("respondent")).withQueryParam("players.user_id", equalTo(SELLER))
                    .willReturn(i == failing ? aResponse().withStatus(500).withBody(error(500, "internal_server_error", "Internal Server Error"))
                            : okJson("{\"paging\": {\"offset\": " + 3 * i + ", \"limit\": 3, \"total\": " + total + "}, \"data\": ["
                            + String.join(",", pages.get(i).stream().map(r -> claim(r, Shown.OPEN)).toList()) + "]}")));
        }
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        return request.getUrl().startsWith(CLAIMS + "/search") && request.queryParameter("offset").isPresent()
                && request.queryParameter("offset").firstValue().equals(String.valueOf(3 * index));
    }

    @Override
    protected String externalId(KitRecord record) {
        return id(record);
    }

    @Override
    protected String unknownReasonCode() {
        return "XYZ4711";
    }

    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        String claim = CLAIMS + "/" + id(record);
        return switch (type) {
            case REFUND -> stubbed(KitDecision.call("{\"type\":\"REFUND\",\"mode\":\"TOTAL\"}", "POST", claim + "/expected-resolutions/refund"));
            case AGREE -> stubbed(KitDecision.call("{\"type\":\"AGREE\"}", "POST", claim + "/expected-resolutions/allow-return"));
            case SEND_MESSAGE -> stubbed(KitDecision.call("{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Pode enviar uma foto?\"}",
                    "POST", claim + "/actions/send-message"));
            case ESCALATE -> stubbed(KitDecision.call("{\"type\":\"ESCALATE\",\"comments\":\"O comprador não responde\"}", "POST",
                    claim + "/actions/open-dispute"));
            default -> throw new IllegalArgumentException("a Mercado Libre claim does not take " + type);
        };
    }

    @Override
    protected KitDecision decisionToReconcile(KitRecord record) {
        return decision(DecisionType.REFUND, record);
    }

    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        String message = "The action refund is not available for the claim";
        FAKE.stubFor(post(urlPathEqualTo(decision.path())).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(error(400, "bad_request", message))));
        return message;
    }

    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        switch (shown) {
            case APPLIED -> SERVED.put(id(record), claim(record, Shown.CLOSED));
            case NOT_APPLIED -> SERVED.put(id(record), claim(record, Shown.OPEN));
            case UNKNOWN -> SERVED.remove(id(record));
        }
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(CLIENT_SECRET, FIRST_REFRESH, "TG-kit-next-1", "APP_USR-kit-1");
    }

    @Test
    @DisplayName("X8: a refresh token is used once: the one Mercado Libre answers is stored and used for the next refresh")
    void singleUseRefreshTokens() {
        serve(List.of(List.of(KitRecord.normal("t1"))), -1);
        poll();
        jdbc.sql("update channel_token set access_expires_at = now() where account_id = ?").param(ACCOUNT).update();
        poll();

        List<LoggedRequest> refreshes = FAKE.findAll(postRequestedFor(urlPathEqualTo(MercadoLibreClient.TOKEN_PATH)));
        assertThat(refreshes).hasSize(2);
        assertThat(refreshes.get(0).getBodyAsString()).contains("refresh_token=" + FIRST_REFRESH).contains("client_id=7423891");
        assertThat(refreshes.get(1).getBodyAsString()).contains("refresh_token=TG-kit-next-1");
        assertThat(FAKE.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(CLAIMS + "/search"))))
                .last().satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer APP_USR-kit-2"));
    }

    @Test
    @DisplayName("X8: the one partial-refund offer is one of the listed percentages, sent as that percentage")
    void partialRefundOffer() {
        KitRecord record = synced("p1");
        String offerPath = CLAIMS + "/" + id(record) + "/expected-resolutions/partial-refund";
        FAKE.stubFor(meli(post(urlPathEqualTo(offerPath))).willReturn(okJson("{}")));
        String incident = incidentId(record).toString();

        Api.Answer refused = api().post("/api/incidents/" + incident + "/decisions",
                "{\"type\":\"REFUND\",\"mode\":\"DETAILED\",\"amount\":\"40.00\",\"shippingAmount\":\"0\",\"quantity\":1}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().toString()).contains("30% (26.97 BRL)").contains("50% (44.95 BRL)");

        JsonNode sent = driver().decide(incident, "{\"type\":\"REFUND\",\"mode\":\"DETAILED\",\"amount\":\"26.97\",\"shippingAmount\":\"0\",\"quantity\":1}");
        assertThat(sent.get("state").asString()).isEqualTo("SENT");
        assertThat(FAKE.findAll(postRequestedFor(urlPathEqualTo(offerPath)))).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).isEqualTo("{\"percentage\":30}"));
        assertThat(incident(record).productValue().amount()).isEqualByComparingTo("89.90");
    }

    private static KitDecision stubbed(KitDecision decision) {
        FAKE.stubFor(meli(post(urlPathEqualTo(decision.path()))).willReturn(okJson("{}")));
        return decision;
    }

    private static MappingBuilder meli(MappingBuilder call) {
        return call.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.matching("Bearer APP_USR-kit-[0-9]+"));
    }

    static String error(int status, String error, String message) {
        return "{\"message\": \"" + message + "\", \"error\": \"" + error + "\", \"status\": " + status + ", \"cause\": []}";
    }

    private static String id(KitRecord record) {
        return String.valueOf(5_256_700_000L + Math.abs(record.id().hashCode() % 100_000));
    }

    enum Shown { OPEN, CLOSED }

    static String claim(KitRecord record, Shown shown) {
        String actions = shown == Shown.CLOSED ? "" : """
                {"action": "refund", "due_date": "2026-11-28T10:12:40.000-03:00", "mandatory": false},
                {"action": "allow_partial_refund", "due_date": "2026-11-28T10:12:40.000-03:00", "mandatory": false},
                {"action": "allow_return", "due_date": "2026-11-28T10:12:40.000-03:00", "mandatory": false},
                {"action": "send_message_to_complainant", "due_date": null, "mandatory": false},
                {"action": "open_dispute", "due_date": "2026-11-30T10:12:40.000-03:00", "mandatory": false}""";
        String json = Fixtures.text("mercadolibre/kit/claim.json").replace("${id}", id(record)).replace("${actions}", actions)
                .replace("${status}", shown == Shown.CLOSED ? "closed" : "opened")
                .replace("${resolution}", shown == Shown.CLOSED ? "{\"reason\": \"payment_refunded\", \"date_created\": \"2026-11-26T09:00:00.000-03:00\"}" : "null");
        return switch (record.kind()) {
            case NORMAL -> json.replace("${reason}", "PDD9549").replace("${updated}", "2026-11-25T10:15:00.000-03:00");
            case UNKNOWN_VALUES -> json.replace("${reason}", "XYZ4711").replace("${updated}", "2026-11-25T10:15:00.000-03:00");
            case MALFORMED -> json.replace("${reason}", "PDD9549").replace("${updated}", "yesterday at noon");
        };
    }

}
