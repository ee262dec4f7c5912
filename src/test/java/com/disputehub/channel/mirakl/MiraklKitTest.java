package com.disputehub.channel.mirakl;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The Mirakl adapter passes the kit (DOMAIN X8) against a fake of the seller API: OR11 pages by offset, M11 threads,
 * RE01 reasons, OR28 refunds, OR43 new threads, OR64 resolve; fixtures in {@code src/test/resources/mirakl/kit}.
 */
class MiraklKitTest extends ChannelAdapterContract {

    static final String KEY = "kit-mirakl-shop-key-5150";
    /** The orders served so far, by order id: OR11 by {@code order_ids} (a follow-up, a reconciliation) reads them. */
    static final Map<String, String> SERVED = new ConcurrentHashMap<>();
    static final WireMockServer FAKE = startFake(new OrdersById());

    private final List<Integer> offsets = new ArrayList<>();

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        account(registry, "mirakl", FAKE.baseUrl(), Map.of("api-key", KEY),
                Map.of("shop-id", "2001", "locale", "es_ES", "time-zone", "Europe/Madrid", "page-size", "3"));
    }

    @Override
    protected WireMockServer fake() {
        return FAKE;
    }

    @Override
    protected void prepare() {
        SERVED.clear();
        FAKE.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("order_ids", matching(".+"))
                .willReturn(okJson("{}").withTransformers(OrdersById.NAME)));
        FAKE.stubFor(authorized(get(urlPathEqualTo("/api/reasons"))).willReturn(okJson(Fixtures.text("mirakl/reasons.json"))));
        FAKE.stubFor(authorized(get(urlPathEqualTo("/api/inbox/threads"))).willReturn(okJson(Fixtures.text("mirakl/threads-empty.json"))));
    }

    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        offsets.clear();
        int total = pages.stream().mapToInt(List::size).sum();
        int offset = 0;
        pages.stream().flatMap(List::stream).filter(r -> r.kind() != KitRecord.Kind.MALFORMED)
                .forEach(r -> SERVED.put("KIT-" + r.id() + "-A", order(r)));
        for (int i = 0; i < pages.size(); i++) {
            offsets.add(offset);
            MappingBuilder or11 = authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("has_incident", equalTo("true"))
                    .withQueryParam("offset", equalTo(String.valueOf(offset))).withQueryParam("start_update_date", absent());
            FAKE.stubFor(or11.willReturn(i == failing ? aResponse().withStatus(500).withBody("{\"message\":\"upstream down\"}")
                    : okJson("{\"orders\": [" + pages.get(i).stream().map(MiraklKitTest::order).collect(Collectors.joining(","))
                            + "], \"total_count\": " + total + "}")));
            offset += pages.get(i).size();
        }
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        return request.getUrl().startsWith("/api/orders?") && "true".equals(query(request, "has_incident"))
                && String.valueOf(offsets.get(index)).equals(query(request, "offset"));
    }

    private static String query(LoggedRequest request, String name) {
        return request.queryParameter(name).isPresent() ? request.queryParameter(name).firstValue() : null;
    }

    @Override
    protected String externalId(KitRecord record) {
        return "KIT-" + record.id() + "-A-1";
    }

    @Override
    protected String unknownReasonCode() {
        return "9917";
    }

    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        String order = "KIT-" + record.id() + "-A";
        return switch (type) {
            case SEND_MESSAGE -> stubbed(KitDecision.call("{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Le enviamos otra hoy.\"}",
                    "POST", "/api/orders/" + order + "/threads"), aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                    .withBody("{\"thread_id\":\"thr-1\",\"message_id\":\"m-1\"}"));
            case REFUND -> stubbed(KitDecision.call("{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}", "PUT",
                    "/api/orders/refund"), okJson("{\"refunds\":[{\"order_line_id\":\"" + externalId(record) + "\",\"refund_id\":\"r-1\"}]}"));
            case MARK_RESOLVED -> stubbed(KitDecision.call("{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"}", "PUT",
                    "/api/orders/" + order + "/lines/" + externalId(record) + "/resolve_incident"), aResponse().withStatus(204));
            default -> throw new IllegalArgumentException("Mirakl does not take " + type);
        };
    }

    @Override
    protected KitDecision decisionToReconcile(KitRecord record) {
        return decision(DecisionType.REFUND, record);
    }

    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        String body = Fixtures.text("mirakl/kit/refused.json").replace("${id}", record.id());
        FAKE.stubFor(authorized(request(decision.method(), urlPathEqualTo(decision.path())))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(body)));
        return "cannot be refunded";
    }

    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        if (shown == Reconciliation.Outcome.UNKNOWN) {
            FAKE.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("order_ids", equalTo("KIT-" + record.id() + "-A"))
                    .atPriority(1).willReturn(okJson("{\"orders\": [], \"total_count\": 0}")));
            return;
        }
        String refunds = shown == Reconciliation.Outcome.APPLIED ? "[{\"id\": \"r-found\", \"amount\": 34.90, \"reason_code\": \"20\", \"created_date\": \""
                + Instant.now() + "\"}]" : "[]";
        FAKE.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("order_ids", equalTo("KIT-" + record.id() + "-A"))
                .atPriority(1).willReturn(okJson("{\"orders\": [" + order(record).replace("\"refunds\": []", "\"refunds\": " + refunds)
                        + "], \"total_count\": 1}")));
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(KEY);
    }

    private static KitDecision stubbed(KitDecision decision, ResponseDefinitionBuilder answer) {
        FAKE.stubFor(authorized(request(decision.method(), urlPathEqualTo(decision.path()))).willReturn(answer));
        return decision;
    }

    /** One order of the kit in OR11's shape, with one line in incident. */
    static String order(KitRecord record) {
        String order = Fixtures.text("mirakl/kit/order.json").replace("${id}", record.id()).replace("${refunds}", "[]");
        return switch (record.kind()) {
            case NORMAL -> order.replace("${reasonCode}", "2").replace("${reasonLabel}", "Artículo recibido dañado")
                    .replace("${price}", "34.90");
            case UNKNOWN_VALUES -> order.replace("${reasonCode}", "9917").replace("${reasonLabel}", "Qxv zrrp")
                    .replace("${price}", "34.90");
            case MALFORMED -> order.replace("${reasonCode}", "2").replace("${reasonLabel}", "Artículo recibido dañado")
                    .replace("${price}", "\"not-a-number\"");
        };
    }

    /** OR11 by {@code order_ids}, as Mirakl answers it: the orders asked for that exist, in one page. */
    static final class OrdersById extends KitReads {

        static final String NAME = "mirakl-orders-by-id";

        OrdersById() {
            super(NAME);
        }

        @Override
        protected String body(Request request) {
            List<String> found = Arrays.stream(request.queryParameter("order_ids").firstValue().split(","))
                    .map(SERVED::get).filter(Objects::nonNull).toList();
            return "{\"orders\": [" + String.join(",", found) + "], \"total_count\": " + found.size() + "}";
        }
    }

    private static MappingBuilder authorized(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", equalTo(KEY));
    }
}
