package com.disputehub.channel.aliexpress;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

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
import com.disputehub.channel.shared.aliexpress.AliExpressSigner;
import com.disputehub.support.Fixtures;
import com.disputehub.support.TestKeys;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AliExpress adapter passes the kit (DOMAIN X8) against a fake of the open platform's gateway: signed form POSTs
 * to {@code /sync}, the dispute list by page (50 a page, as {@code total_item} says) and by order, the detail by
 * issue id, and the seller's solution calls in the TOP envelope; fixtures in {@code src/test/resources/aliexpress/kit}.
 */
class AliExpressKitTest extends ChannelAdapterContract {

    static final String SECRET = "kit-ae-app-secret-4242";
    static final String TOKEN = "kit-ae-seller-session-token";
    static final String REFRESH_TOKEN = "kit-ae-refresh-token-50b7";
    static final String SYNC = "/sync";
    /** List entries and details served so far, by issue id: reads by order and by id answer from them. */
    static final Map<String, String> ISSUES = new ConcurrentHashMap<>();
    static final Map<String, String> DETAILS = new ConcurrentHashMap<>();
    static final WireMockServer FAKE = startFake(new ReadsById());

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        // the kit's store keeps its seller token fresh from a refresh token (the system call /auth/token/refresh)
        account(registry, "aliexpress", FAKE.baseUrl(), Map.of("app-key", "34567", "app-secret", SECRET, "refresh-token", REFRESH_TOKEN),
                Map.of());
        registry.add("disputehub.tokens.encryption-key", TestKeys::tokenKey);
    }

    @Override
    protected WireMockServer fake() {
        return FAKE;
    }

    @Override
    protected void prepare() {
        ISSUES.clear();
        DETAILS.clear();
        FAKE.stubFor(post(urlPathEqualTo("/rest/auth/token/refresh"))
                .withFormParam("refresh_token", equalTo(REFRESH_TOKEN))
                .willReturn(okJson("{\"access_token\": \"" + TOKEN + "\", \"refresh_token\": \"" + REFRESH_TOKEN + "\", \"expires_in\": 86400,"
                        + " \"refresh_expires_in\": 172800, \"user_id\": \"2200000001\", \"seller_id\": \"2200000001\","
                        + " \"account\": \"kit@store.example\", \"code\": \"0\", \"request_id\": \"2101e2a417000000\"}")));
        FAKE.stubFor(method(AliExpressAdapter.DETAIL).willReturn(okJson("{}").withTransformers(ReadsById.NAME)));
        FAKE.stubFor(method(AliExpressAdapter.LIST).withFormParam("query_dto", containing("\"order_no\""))
                .willReturn(okJson("{}").withTransformers(ReadsById.NAME)));
    }

    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        pages.stream().flatMap(List::stream).forEach(r -> {
            ISSUES.put(issueId(r), issue(r));
            DETAILS.put(issueId(r), detail(r, "wait_seller_accept"));
        });
        for (int i = 0; i < pages.size(); i++) {
            int page = i + 1;
            boolean last = i == pages.size() - 1;
            long total = last ? (long) i * AliExpressAdapter.PAGE_SIZE + pages.get(i).size() : (long) page * AliExpressAdapter.PAGE_SIZE + 1;
            FAKE.stubFor(listPage(page).willReturn(i == failing ? aResponse().withStatus(500)
                    : okJson("{\"aliexpress_issue_issuelist_get_response\": {\"current_page\": " + page + ", \"page_size\": 50, "
                            + "\"total_item\": " + total + ", \"data_list\": {\"issue_api_issue_dto\": ["
                            + pages.get(i).stream().map(AliExpressKitTest::issue).collect(Collectors.joining(","))
                            + "]}, \"request_id\": \"kit\"}}")));
        }
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        if (!AliExpressAdapter.LIST.equals(form(request, "method"))) {
            return false;
        }
        JsonNode query = JsonMapper.builder().build().readTree(form(request, "query_dto"));
        return query.path("current_page").asInt() == index + 1 && "processing".equals(query.path("issue_status").asString(""));
    }

    private static String form(LoggedRequest request, String name) {
        return request.formParameter(name).isPresent() ? request.formParameter(name).firstValue() : "";
    }

    @Override
    protected String externalId(KitRecord record) {
        return issueId(record);
    }

    @Override
    protected String unknownReasonCode() {
        return "9931";
    }

    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        return switch (type) {
            case AGREE -> stubbed(new KitDecision("{\"type\":\"AGREE\"}", "POST", SYNC, "method=" + AliExpressDecisions.AGREE),
                    "{\"aliexpress_issue_solution_agree_response\":{\"result\":{\"success\":true}}}");
            case REFUSE -> {
                // the image goes as multipart: its method is a part, not a form field
                FAKE.stubFor(post(urlPathEqualTo(SYNC)).withRequestBody(containing(AliExpressDecisions.UPLOAD)).willReturn(okJson(
                        "{\"aliexpress_issue_image_upload_response\":{\"result\":{\"success\":true,\"data\":\"https://ae01.alicdn.com/kf/x.png\"}}}")));
                yield stubbed(new KitDecision("{\"type\":\"REFUSE\",\"sellerEmail\":\"loja@example.com\",\"cause\":\"Others\","
                        + "\"reason\":\"Enviado em perfeito estado; veja a foto.\",\"evidence\":[{\"fileName\":\"box.png\",\"contentBase64\":\""
                        + PNG + "\"}]}", "POST", SYNC, "method=" + AliExpressDecisions.SAVE),
                        "{\"aliexpress_issue_solution_save_response\":{\"result\":{\"success\":true}}}");
            }
            case MARK_DELIVERY_FIXED -> KitDecision.recordedOnly("{\"type\":\"MARK_DELIVERY_FIXED\",\"note\":\"Entregue\"}");
            default -> throw new IllegalArgumentException("AliExpress does not take " + type);
        };
    }

    @Override
    protected KitDecision decisionToReconcile(KitRecord record) {
        return decision(DecisionType.AGREE, record);
    }

    /** AliExpress refuses with a 200 whose result says so. */
    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        String method = decision.bodyContains().substring("method=".length());
        FAKE.stubFor(method(method).atPriority(1).willReturn(okJson("{\"" + method.replace('.', '_') + "_response\":"
                + "{\"result\":{\"success\":false,\"error_message\":\"solution status changed\"}}}")));
        return "solution status changed";
    }

    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        switch (shown) {
            case APPLIED -> DETAILS.put(issueId(record), detail(record, "reached"));
            case NOT_APPLIED -> DETAILS.put(issueId(record), detail(record, "wait_seller_accept"));
            case UNKNOWN -> DETAILS.put(issueId(record), detail(record, "reached").replace("\"id\": 601", "\"id\": 602"));
        }
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(SECRET, TOKEN, REFRESH_TOKEN);
    }

    @Test
    @DisplayName("X8: the seller token is refreshed by the system call, its path signed with the parameters, and used in every call")
    void tokenRefreshedBySignedSystemCall() {
        serve(List.of(List.of(KitRecord.normal("t1"))), -1);
        poll();

        List<LoggedRequest> refreshes = FAKE.findAll(
                postRequestedFor(urlPathEqualTo("/rest/auth/token/refresh")));
        assertThat(refreshes).hasSize(1);
        Map<String, String> form = new TreeMap<>();
        refreshes.get(0).getFormParameters().forEach((name, value) -> form.put(name, value.firstValue()));
        assertThat(form).containsKeys("app_key", "timestamp", "sign_method").doesNotContainKey("access_token");
        assertThat(form.get("sign"))
                .isEqualTo(AliExpressSigner.sign(SECRET, form, "/auth/token/refresh"));
        assertThat(FAKE.findAll(postRequestedFor(urlPathEqualTo(SYNC))))
                .isNotEmpty().allSatisfy(r -> assertThat(r.formParameter("access_token").firstValue()).isEqualTo(TOKEN));
    }

    private static KitDecision stubbed(KitDecision decision, String answer) {
        FAKE.stubFor(method(decision.bodyContains().substring("method=".length())).willReturn(okJson(answer)));
        return decision;
    }

    static MappingBuilder method(String method) {
        return post(urlPathEqualTo(SYNC)).withFormParam("method", equalTo(method)).withFormParam("access_token", equalTo(TOKEN));
    }

    private static MappingBuilder listPage(int page) {
        return method(AliExpressAdapter.LIST).withFormParam("query_dto", scanPage(page));
    }

    /** The scan of open disputes at one page (one matcher: a second one for the same field would replace it). */
    private static StringValuePattern scanPage(int page) {
        return matchingJsonPath("$[?(@.current_page == " + page + " && @.issue_status == 'processing')]");
    }

    /** A numeric issue id for a kit record, as AliExpress's are; stable across runs. */
    static String issueId(KitRecord record) {
        return String.valueOf(7_000_000 + Math.floorMod(record.id().hashCode(), 1_000_000));
    }

    private static String order(KitRecord record) {
        return "81947151" + issueId(record);
    }

    static String issue(KitRecord record) {
        return Fixtures.text("aliexpress/kit/issue.json").replace("${id}", issueId(record)).replace("${order}", order(record))
                .replace("${reasonLabel}", record.kind() == KitRecord.Kind.UNKNOWN_VALUES ? "Qzx vrpl" : "Product damaged");
    }

    static String detail(KitRecord record, String solutionStatus) {
        String detail = Fixtures.text("aliexpress/kit/detail.json").replace("${id}", issueId(record)).replace("${order}", order(record))
                .replace("${solutionStatus}", solutionStatus);
        return switch (record.kind()) {
            case NORMAL -> detail.replace("${reasonCode}", "115").replace("${reasonLabel}", "Mercadoria danificada").replace("${price}", "\"66.65\"");
            case UNKNOWN_VALUES -> detail.replace("${reasonCode}", "9931").replace("${reasonLabel}", "Qzx vrpl").replace("${price}", "\"66.65\"");
            case MALFORMED -> detail.replace("${reasonCode}", "115").replace("${reasonLabel}", "Mercadoria danificada")
                    .replace("${price}", "\"muito\"");
        };
    }

    /** A 1×1 PNG, the smallest evidence image AliExpress takes. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    /** The detail by issue id and the list by order, as the gateway answers them, from what was served. */
    static final class ReadsById extends KitReads {

        static final String NAME = "aliexpress-reads-by-id";

        ReadsById() {
            super(NAME);
        }

        @Override
        protected String body(Request request) {
            String body;
            if (AliExpressAdapter.DETAIL.equals(request.formParameter("method").firstValue())) {
                String detail = DETAILS.get(request.formParameter("issue_id").firstValue());
                body = detail == null ? "{\"error_response\":{\"code\":\"ISSUE_NOT_FOUND\",\"msg\":\"no such issue\"}}"
                        : "{\"aliexpress_issue_detail_get_response\": {\"result_object\": " + detail + ", \"request_id\": \"kit\"}}";
            } else {
                String query = request.formParameter("query_dto").firstValue();
                List<String> found = ISSUES.values().stream().filter(Objects::nonNull)
                        .filter(issue -> query.contains(issue.replaceAll("(?s).*\"order_id\": (\\d+).*", "$1"))).toList();
                body = "{\"aliexpress_issue_issuelist_get_response\": {\"current_page\": 1, \"page_size\": 50, \"total_item\": "
                        + found.size() + ", \"data_list\": {\"issue_api_issue_dto\": [" + String.join(",", found) + "]}}}";
            }
            return body;
        }
    }
}
