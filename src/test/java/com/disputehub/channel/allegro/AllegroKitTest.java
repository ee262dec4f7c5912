package com.disputehub.channel.allegro;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
import com.disputehub.support.Fixtures;
import com.disputehub.support.TestKeys;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Allegro adapter passes the kit (DOMAIN X8) against a fake of {@code /sale/issues} (beta media type), the
 * order and payments calls (public media type) and the OAuth token endpoint: claims paged by offset, read by id
 * with their chat, accepted and rejected through their status, refunded with a commandId, and refresh tokens that
 * rotate. Fixtures in {@code src/test/resources/allegro/kit}, shaped like the OpenAPI's claim example.
 */
class AllegroKitTest extends ChannelAdapterContract {

    static final String BETA = "application/vnd.allegro.beta.v1+json";
    static final String PUBLIC = "application/vnd.allegro.public.v1+json";
    static final String CLIENT_SECRET = "kit-allegro-client-secret-3b9c";
    static final String FIRST_REFRESH = "eyJhbGciOi.kit-first-refresh.sig";
    static final String ORDER = "fb6f7b9a-b882-4edf-b994-9dffa6c38530";
    static final Map<String, String> SERVED = new ConcurrentHashMap<>();
    static final String ISSUE_BY_ID = "allegro-issue-by-id";
    /** GET /sale/issues/{id}: the issue as served, or Allegro's 404. */
    static final WireMockServer FAKE = startFake(new KitReads.ById(ISSUE_BY_ID, SERVED,
            id -> "{\"errors\": [{\"code\": \"NotFound\", \"message\": \"Issue not found\"}]}"));

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        account(registry, "allegro", FAKE.baseUrl(), Map.of("client-id", "kit-allegro-app", "client-secret", CLIENT_SECRET,
                "refresh-token", FIRST_REFRESH), Map.of("page-size", "3"));
        registry.add("disputehub.tokens.encryption-key", TestKeys::tokenKey);
        registry.add("resilience4j.ratelimiter.configs.kit.limit-for-period", () -> "100");
    }

    @Override
    protected WireMockServer fake() {
        return FAKE;
    }

    @Override
    protected void prepare() {
        SERVED.clear();
        FAKE.stubFor(post(urlPathEqualTo(AllegroClient.TOKEN_PATH)).withQueryParam("grant_type", equalTo("refresh_token"))
                .withQueryParam("refresh_token", equalTo(FIRST_REFRESH)).willReturn(json("application/json",
                        "{\"access_token\": \"kit-allegro-access-1\", \"token_type\": \"bearer\", \"refresh_token\": \"kit-allegro-refresh-2\","
                                + " \"expires_in\": 43199, \"scope\": \"allegro:api:disputes allegro:api:payments:write\", \"allegro_api\": true}")));
        FAKE.stubFor(allegro(get(urlPathMatching("/sale/issues/[0-9a-f-]+")), BETA).atPriority(20)
                .willReturn(json(BETA, "{}").withTransformers(ISSUE_BY_ID)));
        FAKE.stubFor(allegro(get(urlPathMatching("/sale/issues/[0-9a-f-]+/chat")), BETA).willReturn(json(BETA, """
                {"chat": [{"id": "92162836-6599-4b6f-a71e-b27392770b53", "text": "Czajnik przecieka", "attachments": [],
                  "author": {"login": "kit-kupujacy", "role": "BUYER"}, "createdAt": "2026-11-26T12:12:12.019Z"}]}""")));
        FAKE.stubFor(allegro(get(urlPathEqualTo("/order/checkout-forms/" + ORDER)), PUBLIC).willReturn(json(PUBLIC, """
                {"id": "fb6f7b9a-b882-4edf-b994-9dffa6c38530", "status": "READY_FOR_PROCESSING",
                 "payment": {"id": "0f8f1d13-7e9e-11e8-9b00-c5b0dfb78ea6", "type": "ONLINE", "provider": "P24",
                             "paidAmount": {"amount": "129.00", "currency": "PLN"}},
                 "lineItems": [{"id": "62ae358b-8f65-4fc4-9c77-bedf604a2e2b", "offer": {"id": "7778622952", "name": "Czajnik elektryczny"},
                                "quantity": 1, "price": {"amount": "129.00", "currency": "PLN"}}]}""")));
    }

    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        pages.stream().flatMap(List::stream).filter(r -> r.kind() != KitRecord.Kind.MALFORMED)
                .forEach(r -> SERVED.put(id(r), claim(r, "CLAIM_SUBMITTED")));
        // past the last issue Allegro answers an empty list (a full last page makes the adapter ask once more)
        FAKE.stubFor(allegro(get(urlPathEqualTo("/sale/issues")), BETA).atPriority(15).willReturn(json(BETA, "{\"issues\": []}")));
        for (int i = 0; i < pages.size(); i++) {
            FAKE.stubFor(allegro(get(urlPathEqualTo("/sale/issues")), BETA).withQueryParam("offset", equalTo(String.valueOf(3 * i)))
                    .willReturn(i == failing ? aResponse().withStatus(500)
                            : json(BETA, "{\"issues\": [" + String.join(",", pages.get(i).stream().map(r -> claim(r, "CLAIM_SUBMITTED")).toList()) + "]}")));
        }
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        return request.getUrl().startsWith("/sale/issues?") && request.queryParameter("offset").isPresent()
                && request.queryParameter("offset").firstValue().equals(String.valueOf(3 * index));
    }

    @Override
    protected String externalId(KitRecord record) {
        return id(record);
    }

    @Override
    protected String unknownReasonCode() {
        return "KIT_CUSTOMS_DRAGON";
    }

    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        String issue = "/sale/issues/" + id(record);
        return switch (type) {
            case AGREE -> stubbed(new KitDecision("{\"type\":\"AGREE\"}", "POST", issue + "/status", "ACCEPTED_PARTIAL_REFUND"), BETA, "");
            case REFUSE -> stubbed(new KitDecision("{\"type\":\"REFUSE\",\"cause\":\"REJECTED_PRODUCT_DAMAGED_BY_USER\",\"reason\":\"Ślady upadku\"}",
                    "POST", issue + "/status", "REJECTED_PRODUCT_DAMAGED_BY_USER"), BETA, "");
            case SEND_MESSAGE -> stubbed(KitDecision.call("{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Prosimy o zdjęcie\"}",
                    "POST", issue + "/message"), BETA, "{\"id\": \"a9927fcc-f11a-436a-9f8d-177fd37d393c\", \"text\": \"Prosimy o zdjęcie\"}");
            case REFUND -> stubbed(KitDecision.call("{\"type\":\"REFUND\",\"mode\":\"TOTAL\"}", "POST", "/payments/refunds"), PUBLIC,
                    "{\"id\": \"09f0b4cc-7880-11e9-8f9e-2a86e4085a59\", \"status\": \"IN_PROGRESS\"}");
            default -> throw new IllegalArgumentException("an Allegro claim does not take " + type);
        };
    }

    @Override
    protected KitDecision decisionToReconcile(KitRecord record) {
        return decision(DecisionType.REFUND, record);
    }

    /** Allegro refuses with a 4xx and its errors array. */
    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        String message = "Claim status cannot be changed in its current state";
        MappingBuilder call = post(urlPathEqualTo(decision.path()));
        if (decision.bodyContains() != null) {
            call = call.withRequestBody(containing(decision.bodyContains()));
        }
        FAKE.stubFor(call.atPriority(1).willReturn(aResponse().withStatus(422).withHeader("Content-Type", BETA).withBody(
                "{\"errors\": [{\"code\": \"UnprocessableEntity\", \"message\": \"" + message + "\", \"details\": null, \"path\": null,"
                        + " \"userMessage\": \"" + message + "\"}]}")));
        return message;
    }

    /** A refund is read back from the order's refunds: one made now, none, or the listing refused. */
    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        MappingBuilder refunds = allegro(get(urlPathEqualTo("/payments/refunds")), PUBLIC).withQueryParam("order.id", equalTo(ORDER));
        FAKE.stubFor(refunds.willReturn(switch (shown) {
            case APPLIED -> json(PUBLIC, "{\"refunds\": [{\"id\": \"09f0b4cc-7880-11e9-8f9e-2a86e4085a59\", \"payment\": {\"id\": "
                    + "\"0f8f1d13-7e9e-11e8-9b00-c5b0dfb78ea6\"}, \"reason\": \"COMPLAINT\", \"status\": \"IN_PROGRESS\", \"createdAt\": \""
                    + Instant.now() + "\", \"totalValue\": {\"amount\": \"129.00\", \"currency\": \"PLN\"}}]}");
            case NOT_APPLIED -> json(PUBLIC, "{\"refunds\": []}");
            case UNKNOWN -> aResponse().withStatus(403).withHeader("Content-Type", PUBLIC)
                    .withBody("{\"errors\": [{\"code\": \"AccessDenied\", \"message\": \"Access is denied\"}]}");
        }));
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(CLIENT_SECRET, FIRST_REFRESH, "kit-allegro-refresh-2", "kit-allegro-access-1");
    }

    @Test
    @DisplayName("X8: a refund goes to /payments/refunds with the order, its payment and line item, and the decision's id as commandId")
    void refundIdempotentByCommandId() {
        KitRecord record = synced("r1");
        decision(DecisionType.REFUND, record);

        JsonNode sent = driver().decide(incidentId(record), "{\"type\":\"REFUND\",\"mode\":\"TOTAL\"}");

        assertThat(sent.get("state").asString()).isEqualTo("SENT");
        JsonNode body = JsonMapper.builder().build().readTree(
                FAKE.findAll(postRequestedFor(urlPathEqualTo("/payments/refunds"))).get(0).getBodyAsString());
        assertThat(body.at("/order/id").asString()).isEqualTo(ORDER);
        assertThat(body.at("/payment/id").asString()).isEqualTo("0f8f1d13-7e9e-11e8-9b00-c5b0dfb78ea6");
        assertThat(body.at("/commandId").asString()).isEqualTo(sent.get("id").asString());
        assertThat(body.at("/reason").asString()).isEqualTo("COMPLAINT");
        assertThat(body.at("/lineItems/0/id").asString()).isEqualTo("62ae358b-8f65-4fc4-9c77-bedf604a2e2b");
        assertThat(body.at("/lineItems/0/type").asString()).isEqualTo("QUANTITY");
    }

    @Test
    @DisplayName("X8: issues are read with Allegro's beta media type; the token comes from the rotating refresh token, with Basic client credentials")
    void betaMediaTypeAndToken() {
        serve(List.of(List.of(KitRecord.normal("m1"))), -1);
        poll();

        assertThat(FAKE.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathMatching("/sale/issues.*"))))
                .isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Accept")).isEqualTo(BETA));
        assertThat(FAKE.findAll(postRequestedFor(urlPathEqualTo(AllegroClient.TOKEN_PATH)))).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Authorization")).startsWith("Basic "));
    }

    private static KitDecision stubbed(KitDecision decision, String type, String answer) {
        MappingBuilder call = post(urlPathEqualTo(decision.path()));
        if (decision.bodyContains() != null) {
            call = call.withRequestBody(containing(decision.bodyContains()));
        }
        FAKE.stubFor(allegro(call, type).withHeader("Content-Type", containing(type))
                .willReturn(answer.isEmpty() ? aResponse().withStatus(200) : json(type, answer)));
        return decision;
    }

    private static MappingBuilder allegro(MappingBuilder call, String type) {
        return call.withHeader("Authorization", matching("Bearer kit-allegro-access-[0-9]+")).withHeader("Accept", equalTo(type));
    }

    private static ResponseDefinitionBuilder json(String type, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body);
    }

    private static String id(KitRecord record) {
        String hex = String.format("%012x", Math.abs((long) record.id().hashCode()));
        return "73cc3981-bc7e-45b2-911a-" + hex.substring(hex.length() - 12);
    }

    static String claim(KitRecord record, String status) {
        String json = Fixtures.text("allegro/kit/claim.json").replace("${id}", id(record)).replace("${status}", status);
        return switch (record.kind()) {
            case NORMAL -> json.replace("${reason}", "DEFECT_FOUND_DURING_USE").replace("${lastMessage}", "2026-11-26T14:06:11.019Z");
            case UNKNOWN_VALUES -> json.replace("${reason}", "KIT_CUSTOMS_DRAGON").replace("${lastMessage}", "2026-11-26T14:06:11.019Z");
            case MALFORMED -> json.replace("${reason}", "DEFECT_FOUND_DURING_USE").replace("${lastMessage}", "wczoraj");
        };
    }

}
