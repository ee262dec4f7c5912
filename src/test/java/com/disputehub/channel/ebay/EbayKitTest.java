package com.disputehub.channel.ebay;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The eBay adapter passes the kit (DOMAIN X8) against a fake of the Post-Order API v2 and eBay's OAuth token
 * endpoint: return requests paged by offset (inquiries and cases answer empty), a return read back by its detail,
 * the seller's calls with eBay's error shape, and the user token refreshed from the account's refresh token.
 * Fixtures in {@code src/test/resources/ebay/kit}, shaped like ReturnSummaryType.
 */
class EbayKitTest extends ChannelAdapterContract {

    static final String CLIENT_SECRET = "PRD-kit-client-secret-5a1b";
    static final String REFRESH_TOKEN = "v^1.1#i^1#r^1#kit-refresh-token-7c3e";
    static final String ACCESS_TOKEN = "v^1.1#i^1#p^3#kit-user-access-token-91d2";
    static final String BASE = EbayClient.POST_ORDER;
    static final Map<String, String> SERVED = new ConcurrentHashMap<>();
    static final WireMockServer FAKE = startFake(new ReturnById());

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        account(registry, "ebay", FAKE.baseUrl(), Map.of("client-id", "kit-app-PRD-1234", "client-secret", CLIENT_SECRET,
                "refresh-token", REFRESH_TOKEN), Map.of("page-size", "3", "marketplace-id", "EBAY_US"));
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
        FAKE.stubFor(post(urlPathEqualTo(EbayClient.TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":7200,\"token_type\":\"User Access Token\"}")));
        for (String kind : List.of("inquiry", "casemanagement")) {
            FAKE.stubFor(ebay(get(urlPathEqualTo(BASE + "/" + kind + "/search"))).willReturn(okJson(page(List.of(), 0, 0))));
        }
        FAKE.stubFor(ebay(get(urlPathMatching(BASE + "/return/[^/]+"))).atPriority(20)
                .willReturn(okJson("{}").withTransformers(ReturnById.NAME)));
    }

    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        pages.stream().flatMap(List::stream).filter(r -> r.kind() != KitRecord.Kind.MALFORMED)
                .forEach(r -> SERVED.put(r.id(), member(r, Shown.WAITING)));
        int total = pages.stream().mapToInt(List::size).sum() == 0 ? 0 : 3 * (pages.size() - 1) + pages.get(pages.size() - 1).size();
        for (int i = 0; i < pages.size(); i++) {
            FAKE.stubFor(ebay(get(urlPathEqualTo(BASE + "/return/search"))).withQueryParam("offset", equalTo(String.valueOf(3 * i)))
                    .willReturn(i == failing ? aResponse().withStatus(500).withBody(error("Internal error. Please wait a few minutes and try the call again."))
                            : okJson(page(pages.get(i).stream().map(r -> member(r, Shown.WAITING)).toList(), 3 * i, total))));
        }
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        return request.getUrl().startsWith(BASE + "/return/search") && request.queryParameter("offset").isPresent()
                && request.queryParameter("offset").firstValue().equals(String.valueOf(3 * index));
    }

    @Override
    protected String externalId(KitRecord record) {
        return "RET-" + record.id();
    }

    @Override
    protected String unknownReasonCode() {
        return "KIT_LANDED_ON_THE_MOON";
    }

    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        String path = BASE + "/return/" + record.id();
        return switch (type) {
            case REFUND -> stubbed(KitDecision.call("{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"message\":\"Sorry for the crack\"}",
                    "POST", path + "/issue_refund"), "{\"refundStatus\":\"SUCCESS\"}");
            case AGREE -> stubbed(new KitDecision("{\"type\":\"AGREE\"}", "POST", path + "/decide", "APPROVE"), "");
            case REFUSE -> stubbed(new KitDecision("{\"type\":\"REFUSE\",\"reason\":\"The photos show an intact mug\"}", "POST",
                    path + "/decide", "DECLINE"), "");
            case SEND_MESSAGE -> stubbed(KitDecision.call("{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Could you send a photo?\"}",
                    "POST", path + "/send_message"), "");
            case ESCALATE -> stubbed(KitDecision.call("{\"type\":\"ESCALATE\",\"reasonCode\":\"BUYER_NORESPONSE\",\"comments\":\"No answer for a week\"}",
                    "POST", path + "/escalate"), "");
            default -> throw new IllegalArgumentException("an eBay return does not take " + type);
        };
    }

    @Override
    protected KitDecision decisionToReconcile(KitRecord record) {
        return decision(DecisionType.REFUND, record);
    }

    /** eBay refuses with a 4xx and its errorMessage shape. */
    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        String message = "The return is not in a state that allows this action.";
        MappingBuilder call = post(urlPathEqualTo(decision.path()));
        if (decision.bodyContains() != null) {
            call = call.withRequestBody(containing(decision.bodyContains()));
        }
        FAKE.stubFor(call.atPriority(1).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(error(message))));
        return message;
    }

    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        switch (shown) {
            case APPLIED -> SERVED.put(record.id(), member(record, Shown.CLOSED));
            case NOT_APPLIED -> SERVED.put(record.id(), member(record, Shown.WAITING));
            case UNKNOWN -> SERVED.remove(record.id());
        }
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN);
    }

    @Test
    @DisplayName("X8: the user token comes from the refresh token (Basic client credentials), once, and rides every call as IAF with the marketplace header")
    void userTokenRefreshedOnce() {
        serve(List.of(List.of(KitRecord.normal("t1"))), -1);
        poll();
        poll();

        assertThat(FAKE.findAll(postRequestedFor(urlPathEqualTo(EbayClient.TOKEN_PATH)))).hasSize(1)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).startsWith("Basic "));
        assertThat(FAKE.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathMatching(BASE + "/.*"))))
                .isNotEmpty().allSatisfy(r -> {
                    assertThat(r.getHeader("Authorization")).isEqualTo("IAF " + ACCESS_TOKEN);
                    assertThat(r.getHeader("X-EBAY-C-MARKETPLACE-ID")).isEqualTo("EBAY_US");
                });
    }

    @Test
    @DisplayName("X8: eBay refusing the refresh token pauses the account (no retry loop, a banner on every page); PUT /api/accounts/{id}/refresh-token with a new one resumes it")
    void refusedThenReconnected() {
        serve(List.of(List.of(KitRecord.normal("v1"))), -1);
        FAKE.stubFor(post(urlPathEqualTo(EbayClient.TOKEN_PATH)).withRequestBody(containing("kit-refresh-token-7c3e")).atPriority(1)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"error\": \"invalid_grant\", \"error_description\": \"the provided authorization refresh token is invalid or was issued to another client\"}")));

        assertThatThrownBy(this::poll).hasMessageContaining("invalid_grant");
        assertThat(poll().ran()).as("paused: the next poll does not run").isFalse();
        assertThat(FAKE.findAll(postRequestedFor(urlPathEqualTo(EbayClient.TOKEN_PATH)))).as("refused once, not retried").hasSize(1);
        assertThat(signedInAdmin().page("/inbox?lang=es")).contains("id=\"paused-accounts-banner\"").contains("Cuenta en pausa")
                .contains(ACCOUNT).contains("invalid_grant");

        Api.Answer reconnected = api().put("/api/accounts/" + ACCOUNT + "/refresh-token", "{\"refreshToken\": \"v^1.1#i^1#r^1#kit-reconnected-9d4f\"}");
        assertThat(reconnected.status()).isEqualTo(200);
        assertThat(reconnected.body().get("paused").asBoolean()).isFalse();
        assertThat(reconnected.body().toString()).doesNotContain("kit-reconnected");
        assertThat(poll().ran()).isTrue();
        assertThat(externalIds()).containsExactly("RET-v1");
        assertThat(signedInAdmin().page("/inbox?lang=es")).doesNotContain("paused-accounts-banner");
        assertThat(FAKE.findAll(postRequestedFor(urlPathEqualTo(EbayClient.TOKEN_PATH))).get(1).getBodyAsString()).contains("kit-reconnected-9d4f");
        assertThat(api().put("/api/accounts/" + ACCOUNT + "/refresh-token", "{\"refreshToken\": \"\"}").status()).isEqualTo(400);
        assertThat(api().put("/api/accounts/nobody/refresh-token", "{\"refreshToken\": \"x\"}").status()).isEqualTo(404);
    }

    private static KitDecision stubbed(KitDecision decision, String answer) {
        MappingBuilder call = post(urlPathEqualTo(decision.path()));
        if (decision.bodyContains() != null) {
            call = call.withRequestBody(containing(decision.bodyContains()));
        }
        FAKE.stubFor(ebay(call).willReturn(answer.isEmpty() ? aResponse().withStatus(200) : okJson(answer)));
        return decision;
    }

    private static MappingBuilder ebay(MappingBuilder call) {
        return call.withHeader("Authorization", equalTo("IAF " + ACCESS_TOKEN)).withHeader("X-EBAY-C-MARKETPLACE-ID", equalTo("EBAY_US"));
    }

    private static String page(List<String> members, int offset, int total) {
        return "{\"members\": [" + String.join(",", members) + "], \"paginationOutput\": {\"limit\": 3, \"offset\": " + offset
                + ", \"totalEntries\": " + total + ", \"totalPages\": " + ((total + 2) / 3) + "}, \"total\": " + total + "}";
    }

    static String error(String message) {
        return "{\"errorMessage\": {\"error\": [{\"errorId\": 1701, \"domain\": \"returnErrorDomain\", \"severity\": \"ERROR\","
                + " \"category\": \"REQUEST\", \"message\": \"" + message + "\", \"parameter\": []}]}}";
    }

    enum Shown { WAITING, CLOSED }

    /** One return request of the kit as the search lists it. */
    static String member(KitRecord record, Shown shown) {
        String due = shown == Shown.WAITING ? """
                "sellerResponseDue": {"activityDue": "SELLER_APPROVE_REQUEST", "respondByDate": {"value": "2026-11-23T09:15:00.000Z"}},
                "sellerAvailableOptions": [{"actionType": "SELLER_APPROVE_REQUEST"}, {"actionType": "SELLER_DECLINE_REQUEST"}],
                """ : "";
        String json = Fixtures.text("ebay/kit/return.json").replace("${id}", record.id()).replace("${due}", due)
                .replace("${state}", shown == Shown.WAITING ? "RETURN_REQUESTED" : "CLOSED")
                .replace("${status}", shown == Shown.WAITING ? "RETURN_REQUESTED" : "CLOSED");
        return switch (record.kind()) {
            case NORMAL -> json.replace("${reason}", "ARRIVED_DAMAGED").replace("${amount}", "24.99");
            case UNKNOWN_VALUES -> json.replace("${reason}", "KIT_LANDED_ON_THE_MOON").replace("${amount}", "24.99");
            case MALFORMED -> json.replace("${reason}", "ARRIVED_DAMAGED").replace("${amount}", "\"twenty\"");
        };
    }

    /**
     * GET return/{id} as eBay answers it: with fieldgroups=SUMMARY the summary only, else (FULL, the default) the
     * detail only; 404 when there is none.
     */
    static final class ReturnById extends KitReads.ById {

        static final String NAME = "ebay-return-by-id";

        ReturnById() {
            super(NAME, SERVED, id -> error("The return ID " + id + " is invalid."));
        }

        @Override
        protected String body(Request request) {
            String member = super.body(request);
            if (!SERVED.containsKey(id(request))) {
                return member;
            }
            return request.getUrl().contains("fieldgroups=SUMMARY") ? "{\"summary\": " + member + "}"
                    : "{\"detail\": {\"responseHistory\": [{\"activity\": \"BUYER_CREATE_RETURN\", \"author\": \"BUYER\","
                    + " \"creationDate\": {\"value\": \"2026-11-20T09:15:00.000Z\"}, \"notes\": \"The mug arrived with a crack\"}]}}";
        }
    }

}
