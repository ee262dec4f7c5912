package com.disputehub.channel.cj;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.contract.ChannelAdapterContract;
import com.disputehub.channel.contract.KitDecision;
import com.disputehub.channel.contract.KitReads;
import com.disputehub.channel.contract.KitRecord;
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
import com.disputehub.supplier.SupplierOrder;
import com.disputehub.supplier.SupplierOrders;
import com.disputehub.support.Fixtures;
import com.disputehub.support.TestData;
import com.disputehub.support.TestKeys;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CJ adapter passes the kit (DOMAIN X8) against a fake of CJ's API 2.0: a supplier channel, so a page is a page of
 * the supplier orders the dropshipper registered (options.page-size), each read with getDisputeList; a NORMAL
 * record is a registered order whose store order has a buyer's complaint (a claim to open), a record with unknown
 * values an order CJ shows a dispute on with a reason nobody knows; disputes opened with disputeProducts,
 * disputeConfirmInfo and create, and found again by their businessDisputeId. Fixtures in {@code cj/kit}.
 */
class CjKitTest extends ChannelAdapterContract {

    static final String TOKEN = "kit-cj-access-token-6061";
    static final String REFRESH_TOKEN = "kit-cj-refresh-token-7c2d";
    static final String STORE = "kit-store";
    /** What getDisputeList shows for each order: nothing, a dispute of unknown reason, what create made, garbage, 500. */
    enum Shows { NOTHING, UNKNOWN_DISPUTE, CREATED, FOREIGN_DISPUTE, GARBAGE, DOWN }

    static final Map<String, Shows> SHOWS = new ConcurrentHashMap<>();
    static final WireMockServer FAKE = startFake(new DisputeList());

    /** The first supplier order of each page served: its read is the page's request. */
    private final List<String> firstOrders = new ArrayList<>();
    @Autowired
    SupplierOrders orders;
    @Autowired
    IncidentStore store;

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        // the kit's CJ account keeps its access token fresh from a refresh token (15-day access tokens)
        account(registry, "cj", FAKE.baseUrl(), Map.of("refresh-token", REFRESH_TOKEN), Map.of("page-size", "3"));
        registry.add("disputehub.tokens.encryption-key", TestKeys::tokenKey);
    }

    @Override
    protected WireMockServer fake() {
        return FAKE;
    }

    @Override
    protected void prepare() {
        SHOWS.clear();
        TestData.wipe(jdbc, STORE);
        FAKE.stubFor(post(urlPathEqualTo("/authentication/refreshAccessToken"))
                .withRequestBody(equalToJson("{\"refreshToken\": \"" + REFRESH_TOKEN + "\"}"))
                .willReturn(okJson("{\"code\": 200, \"result\": true, \"message\": \"Success\", \"data\": {\"openId\": 123456789,"
                        + " \"accessToken\": \"" + TOKEN + "\", \"accessTokenExpiryDate\": \"" + OffsetDateTime.now().plusDays(15)
                        + "\", \"refreshToken\": \"" + REFRESH_TOKEN + "\", \"refreshTokenExpiryDate\": \"" + OffsetDateTime.now().plusDays(180)
                        + "\", \"createDate\": \"" + OffsetDateTime.now() + "\"}, \"requestId\": \"8b3d9ea1-00c3-4d10-9e2b-d18041d98080\"}")));
        FAKE.stubFor(get(urlPathEqualTo("/disputes/getDisputeList")).withHeader("CJ-Access-Token", equalTo(TOKEN))
                .willReturn(okJson("{}").withTransformers(DisputeList.NAME)));
    }

    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        firstOrders.clear();
        pages.forEach(page -> firstOrders.add(page.isEmpty() ? "" : order(page.get(0))));
        for (int i = 0; i < pages.size(); i++) {
            for (KitRecord record : pages.get(i)) {
                orders.save(ACCOUNT, List.of(new SupplierOrder(order(record), storeOrder(record), "ES", "CN",
                        Instant.parse("2026-11-10T09:00:00Z"), 3)));
                switch (record.kind()) {
                    case NORMAL -> complain(record);
                    case UNKNOWN_VALUES -> SHOWS.put(order(record), Shows.UNKNOWN_DISPUTE);
                    case MALFORMED -> SHOWS.put(order(record), Shows.GARBAGE);
                }
                if (i == failing) {
                    SHOWS.put(order(record), Shows.DOWN);
                } else if (SHOWS.get(order(record)) == Shows.DOWN) {
                    SHOWS.remove(order(record));
                }
            }
        }
    }

    /** The buyer's complaint on the store order, as the marketplace's incident brings it. */
    private void complain(KitRecord record) {
        store.upsert(new IncidentSource("mirakl", STORE, "kit"), IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE,
                        storeOrder(record) + "-1")
                .order(storeOrder(record), List.of(storeOrder(record) + "-1")).reason(new Reason(ReasonCategory.DAMAGED, "7", "Producto dañado"))
                .evidence(List.of(new Evidence("https://marketplace.example/photos/" + record.id() + ".jpg", record.id() + ".jpg", PartyRole.BUYER)))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER).rawPayload("{}").build());
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        return request.getUrl().startsWith("/disputes/getDisputeList") && request.queryParameter("orderId").isPresent()
                && request.queryParameter("orderId").firstValue().equals(firstOrders.get(index));
    }

    @Override
    protected String externalId(KitRecord record) {
        return order(record) + "/CLAIM";
    }

    @Override
    protected String unknownReasonCode() {
        return "DISPUTE";
    }

    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        String order = order(record);
        FAKE.stubFor(get(urlPathEqualTo("/disputes/disputeProducts")).withQueryParam("orderId", equalTo(order))
                .willReturn(CjAnswers.ok(Fixtures.text("cj/kit/dispute-products.json").replace("${order}", order))));
        FAKE.stubFor(post(urlPathEqualTo("/disputes/disputeConfirmInfo"))
                .willReturn(CjAnswers.ok(Fixtures.text("cj/kit/dispute-confirm.json").replace("${order}", order))));
        FAKE.stubFor(post(urlPathEqualTo("/disputes/create")).willReturn(CjAnswers.ok("true")));
        return switch (type) {
            case REFUND -> KitDecision.call("{\"type\":\"REFUND\",\"message\":\"Llegó roto\"}", "POST", "/disputes/create");
            case REQUEST_REISSUE -> KitDecision.call("{\"type\":\"REQUEST_REISSUE\",\"message\":\"Reenviar\"}", "POST", "/disputes/create");
            default -> throw new IllegalArgumentException("CJ does not take " + type);
        };
    }

    /** CJ refuses with its own code and message, in a 200. */
    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        FAKE.stubFor(post(urlPathEqualTo("/disputes/create")).atPriority(1).willReturn(okJson(
                "{\"code\":1600100,\"result\":false,\"message\":\"Param error: dispute already exists\",\"data\":null,\"requestId\":\"r\"}")));
        return "dispute already exists";
    }

    /** Applied: CJ shows the dispute the lost create made, with its businessDisputeId; unknown: a dispute without one. */
    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        SHOWS.put(order(record), switch (shown) {
            case APPLIED -> Shows.CREATED;
            case NOT_APPLIED -> Shows.NOTHING;
            case UNKNOWN -> Shows.FOREIGN_DISPUTE;
        });
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(TOKEN, REFRESH_TOKEN);
    }

    static String order(KitRecord record) {
        return "CJKIT-" + record.id();
    }

    static String storeOrder(KitRecord record) {
        return "STORE-KIT-" + record.id();
    }

    /** getDisputeList for one order, as CJ would show it in each case. */
    static final class DisputeList extends KitReads {

        static final String NAME = "cj-dispute-list";

        DisputeList() {
            super(NAME);
        }

        @Override
        protected String body(Request request) {
            String order = request.queryParameter("orderId").firstValue();
            Shows shows = SHOWS.getOrDefault(order, Shows.NOTHING);
            String list = switch (shows) {
                case NOTHING, DOWN, GARBAGE -> "[]";
                case UNKNOWN_DISPUTE -> "[" + dispute(order, "D-1", "null", "Qzxv vlorp") + "]";
                case FOREIGN_DISPUTE -> "[" + dispute(order, "D-2", "null", "Damaged product") + "]";
                case CREATED -> FAKE.findAll(postRequestedFor(urlPathEqualTo("/disputes/create"))).stream()
                        .map(r -> JsonMapper.builder().build().readTree(r.getBodyAsString()))
                        .filter(body -> order.equals(body.path("orderId").asString()))
                        .map(body -> dispute(order, "D-3", "\"" + body.path("businessDisputeId").asString() + "\"", "Damaged product"))
                        .collect(Collectors.joining(",", "[", "]"));
            };
            if (shows == Shows.DOWN) {
                return "{\"code\":500,\"result\":false,\"message\":\"busy\"}";
            }
            if (shows == Shows.GARBAGE) {
                return "<html>CJ is busy</html>";
            }
            return ("{\"code\":200,\"result\":true,\"message\":\"Success\",\"data\":{\"pageNum\":1,\"pageSize\":20,"
                    + "\"total\":1,\"list\":" + list + "},\"requestId\":\"r\"}");
        }

        @Override
        protected int status(Request request) {
            return SHOWS.get(request.queryParameter("orderId").firstValue()) == Shows.DOWN ? 500 : 200;
        }

        private static String dispute(String order, String id, String key, String reason) {
            return Fixtures.text("cj/kit/dispute.json").strip().replace("${order}", order).replace("${dispute}", id)
                    .replace("${key}", key).replace("${reason}", reason);
        }
    }
}
