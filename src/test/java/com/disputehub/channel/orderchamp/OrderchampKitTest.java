package com.disputehub.channel.orderchamp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.contract.ChannelAdapterContract;
import com.disputehub.channel.contract.KitDecision;
import com.disputehub.channel.contract.KitReads;
import com.disputehub.channel.contract.KitRecord;
import com.disputehub.support.Fixtures;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Orderchamp adapter passes the kit (DOMAIN X8) against a fake of its GraphQL endpoint: the reported problems
 * connection paged by Relay cursors, problems read by id, and the brand's mutations with their userErrors; fixtures
 * in {@code src/test/resources/orderchamp/kit}.
 */
class OrderchampKitTest extends ChannelAdapterContract {

    static final String TOKEN = "kit-orderchamp-private-token-77";
    static final String GRAPHQL = "/v1/graphql";
    /** The problems served so far, by id: the ProblemsById query (a follow-up, a reconciliation) reads them. */
    static final Map<String, String> SERVED = new ConcurrentHashMap<>();
    static final WireMockServer FAKE = startFake(new ProblemsById());

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        account(registry, "orderchamp", FAKE.baseUrl(), Map.of("access-token", TOKEN), Map.of());
    }

    @Override
    protected WireMockServer fake() {
        return FAKE;
    }

    @Override
    protected void prepare() {
        SERVED.clear();
        FAKE.stubFor(graphql().withRequestBody(containing("ProblemsById")).willReturn(okJson("{}").withTransformers(ProblemsById.NAME)));
    }

    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        pages.stream().flatMap(List::stream).filter(r -> r.kind() != KitRecord.Kind.MALFORMED)
                .forEach(r -> SERVED.put(id(r), problem(r, "SUBMITTED")));
        for (int i = 0; i < pages.size(); i++) {
            MappingBuilder page = graphql().withRequestBody(containing("ReportedProblems"));
            page = i == 0 ? page.atPriority(10) : page.withRequestBody(matchingJsonPath("$.variables.after", equalTo(cursor(i))));
            boolean last = i == pages.size() - 1;
            FAKE.stubFor(page.willReturn(i == failing ? aResponse().withStatus(500)
                    : okJson("{\"data\": {\"orderProblems\": {\"pageInfo\": {\"hasNextPage\": " + !last
                            + (last ? "" : ", \"endCursor\": \"" + cursor(i + 1) + "\"") + "}, \"edges\": ["
                            + pages.get(i).stream().map(r -> "{\"node\": " + problem(r, "SUBMITTED") + "}").collect(Collectors.joining(","))
                            + "]}}}")));
        }
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        if (!request.getBodyAsString().contains("ReportedProblems")) {
            return false;
        }
        JsonNode after = JsonMapper.builder().build().readTree(request.getBodyAsString()).path("variables").path("after");
        return index == 0 ? after.isMissingNode() || after.isNull() : cursor(index).equals(after.asString(""));
    }

    @Override
    protected String externalId(KitRecord record) {
        return id(record);
    }

    @Override
    protected String unknownReasonCode() {
        return "SPOILED_IN_TRANSIT_BY_WEATHER";
    }

    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        return switch (type) {
            case SEND_REPLACEMENT -> stubbed(new KitDecision("{\"type\":\"SEND_REPLACEMENT\",\"returnInstructions\":\"Stuur ze terug\"}",
                    "POST", GRAPHQL, "orderProblemSendReplacement"),
                    "{\"data\":{\"orderProblemSendReplacement\":{\"problem\":{\"id\":\"x\",\"status\":\"IN_PROGRESS\"},\"userErrors\":[]}}}");
            case REFUND -> stubbed(new KitDecision("{\"type\":\"REFUND\"}", "POST", GRAPHQL, "orderProblemRefund"),
                    "{\"data\":{\"orderProblemRefund\":{\"problem\":{\"id\":\"x\",\"status\":\"IN_PROGRESS\"},\"userErrors\":[]}}}");
            case SEND_MESSAGE -> stubbed(new KitDecision("{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Mogen we korting geven?\"}",
                    "POST", GRAPHQL, "orderProblemMessageCreate"),
                    "{\"data\":{\"orderProblemMessageCreate\":{\"message\":{\"id\":\"m-9\"},\"userErrors\":[]}}}");
            default -> throw new IllegalArgumentException("Orderchamp does not take " + type);
        };
    }

    @Override
    protected KitDecision decisionToReconcile(KitRecord record) {
        return decision(DecisionType.REFUND, record);
    }

    /** Orderchamp refuses in the mutation's userErrors, with a 200. */
    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        String field = decision.bodyContains();
        FAKE.stubFor(graphql().withRequestBody(containing(field)).atPriority(1).willReturn(okJson(
                "{\"data\":{\"" + field + "\":{\"problem\":null,\"userErrors\":[{\"field\":\"id\",\"message\":\"Problem already has a solution\"}]}}}")));
        return "Problem already has a solution";
    }

    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        switch (shown) {
            case APPLIED -> SERVED.put(id(record), problem(record, "IN_PROGRESS"));
            case NOT_APPLIED -> SERVED.put(id(record), problem(record, "SUBMITTED"));
            case UNKNOWN -> SERVED.remove(id(record));
        }
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(TOKEN);
    }

    private static KitDecision stubbed(KitDecision decision, String answer) {
        FAKE.stubFor(graphql().withRequestBody(containing(decision.bodyContains())).willReturn(okJson(answer)));
        return decision;
    }

    private static MappingBuilder graphql() {
        return post(urlPathEqualTo(GRAPHQL)).withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    private static String cursor(int page) {
        return "a2l0LWN1cnNvcjo" + page;
    }

    private static String id(KitRecord record) {
        return "gid://orderchamp/OrderProblem/kit-" + record.id();
    }

    /** One reported problem of the kit in the connection's node shape. */
    static String problem(KitRecord record, String status) {
        String node = Fixtures.text("orderchamp/kit/problem.json").replace("${id}", "kit-" + record.id()).replace("${status}", status);
        return switch (record.kind()) {
            case NORMAL -> node.replace("${reason}", "DAMAGED_ITEMS").replace("${reasonText}", "Ik heb beschadigde artikelen ontvangen")
                    .replace("${total}", "\"248.00\"");
            case UNKNOWN_VALUES -> node.replace("${reason}", "SPOILED_IN_TRANSIT_BY_WEATHER").replace("${reasonText}", "Iets anders")
                    .replace("${total}", "\"248.00\"");
            case MALFORMED -> node.replace("${reason}", "DAMAGED_ITEMS").replace("${reasonText}", "Ik heb beschadigde artikelen ontvangen")
                    .replace("${total}", "\"veel\"");
        };
    }

    /** ProblemsById, as Orderchamp answers it: the nodes asked for that exist. */
    static final class ProblemsById extends KitReads {

        static final String NAME = "orderchamp-problems-by-id";

        ProblemsById() {
            super(NAME);
        }

        @Override
        protected String body(Request request) {
            JsonNode ids = JsonMapper.builder().build().readTree(request.getBodyAsString()).path("variables").path("ids");
            List<String> found = ids.valueStream().map(id -> SERVED.get(id.asString())).filter(Objects::nonNull).toList();
            return "{\"data\":{\"nodes\":[" + String.join(",", found) + "]}}";
        }
    }
}
