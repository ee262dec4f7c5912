package com.disputehub.channel.dsers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.disputehub.channel.Reconciliation;
import com.disputehub.channel.command.DecisionType;
import com.disputehub.channel.contract.ChannelAdapterContract;
import com.disputehub.channel.contract.KitDecision;
import com.disputehub.channel.contract.KitRecord;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentSource;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.supplier.SupplierOrder;
import com.disputehub.supplier.SupplierOrders;
import com.disputehub.support.Fixtures;
import com.disputehub.support.TestData;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The DSers adapter passes the kit (DOMAIN X8) against a fake of the AliExpress dropshipping calls on the open
 * platform's gateway: a supplier channel whose pages are the registered supplier orders, each read with
 * {@code aliexpress.trade.ds.order.get} and {@code aliexpress.ds.order.tracking.get}. A NORMAL record is a delivered
 * order whose store order has a damaged complaint (a claim); unknown values, an order the supplier ended for a
 * reason nobody knows; a malformed one, an order the supplier refuses to show. DSers has no supplier API: every
 * decision is a claim package kept here, so the kit's refusal and lost-answer scenarios do not apply.
 */
class DsersKitTest extends ChannelAdapterContract {

    static final String SECRET = "kit-dsers-app-secret-1357";
    static final String TOKEN = "kit-dsers-dropshipper-token";
    static final String SYNC = "/sync";
    static final String ORDER_GET = "aliexpress.trade.ds.order.get";
    static final String TRACKING = "aliexpress.ds.order.tracking.get";
    static final String STORE = "kit-store";
    static final WireMockServer FAKE = startFake();

    /** The first supplier order of each page served: its read is the page's request. */
    private final List<String> firstOrders = new ArrayList<>();
    @Autowired
    SupplierOrders orders;
    @Autowired
    IncidentStore store;

    @DynamicPropertySource
    static void kitAccount(DynamicPropertyRegistry registry) {
        account(registry, "dsers", FAKE.baseUrl(), Map.of("app-key", "54321", "app-secret", SECRET, "access-token", TOKEN),
                Map.of("page-size", "3"));
    }

    @Override
    protected WireMockServer fake() {
        return FAKE;
    }

    @Override
    protected void prepare() {
        TestData.wipe(jdbc, STORE);
    }

    @Override
    protected void serve(List<List<KitRecord>> pages, int failing) {
        firstOrders.clear();
        pages.forEach(page -> firstOrders.add(page.isEmpty() ? "" : order(page.get(0))));
        for (int i = 0; i < pages.size(); i++) {
            for (KitRecord record : pages.get(i)) {
                String order = order(record);
                // shipped from a Spanish warehouse: domestic, so that every claim the capabilities list applies (S3)
                orders.save(ACCOUNT, List.of(new SupplierOrder(order, storeOrder(record), "ES", "ES",
                        Instant.parse("2026-11-10T09:00:00Z"), 3)));
                if (i == failing) {
                    FAKE.stubFor(call(ORDER_GET, order).willReturn(aResponse().withStatus(500).withBody("busy")));
                    continue;
                }
                switch (record.kind()) {
                    case NORMAL -> {
                        complain(record);
                        FAKE.stubFor(call(ORDER_GET, order).willReturn(okJson(fixture("order-delivered.json", order))));
                        FAKE.stubFor(tracking(order).willReturn(okJson(fixture("tracking-delivered.json", order))));
                    }
                    case UNKNOWN_VALUES -> {
                        FAKE.stubFor(call(ORDER_GET, order).willReturn(okJson(fixture("order-ended.json", order)
                                .replace("${endReason}", unknownReasonCode()))));
                        FAKE.stubFor(tracking(order).willReturn(okJson(fixture("tracking-none.json", order))));
                    }
                    case MALFORMED -> FAKE.stubFor(call(ORDER_GET, order).willReturn(okJson(
                            "{\"error_response\":{\"code\":\"isv.invalid-authorization\",\"msg\":\"Access to another user's data\",\"request_id\":\"kit\"}}")));
                }
            }
        }
    }

    /** The buyer's damaged complaint on the store order, as the marketplace's incident brings it. */
    private void complain(KitRecord record) {
        store.upsert(new IncidentSource("mirakl", STORE, "kit"), IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE,
                        storeOrder(record) + "-1")
                .order(storeOrder(record), List.of(storeOrder(record) + "-1")).reason(new Reason(ReasonCategory.DAMAGED, "7", "Producto dañado"))
                .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER).rawPayload("{}").build());
    }

    @Override
    protected boolean asksForPage(LoggedRequest request, int index) {
        return ORDER_GET.equals(form(request, "method"))
                && form(request, "single_order_query").equals("{\"order_id\":" + firstOrders.get(index) + "}");
    }

    @Override
    protected String externalId(KitRecord record) {
        return order(record) + (record.kind() == KitRecord.Kind.UNKNOWN_VALUES ? "/UNAVAILABLE" : "/CLAIM");
    }

    @Override
    protected String unknownReasonCode() {
        return "zq_xv_reason";
    }

    /** Every DSers decision is a claim package kept here (or marking one sent): nothing reaches the supplier. */
    @Override
    protected KitDecision decision(DecisionType type, KitRecord record) {
        return switch (type) {
            case REFUND, ASK_EXPEDITE, REQUEST_REISSUE, REQUEST_INTERCEPTION ->
                    KitDecision.recordedOnly("{\"type\":\"" + type + "\",\"message\":\"La lámpara llegó rota\"}");
            case SUBMIT_EVIDENCE -> KitDecision.recordedOnly("{\"type\":\"SUBMIT_EVIDENCE\",\"message\":\"Caja abierta\","
                    + "\"evidence\":[{\"fileName\":\"box.png\",\"contentBase64\":\"" + PNG + "\"}]}");
            case MARK_PACKAGE_SENT -> KitDecision.recordedOnly("{\"type\":\"MARK_PACKAGE_SENT\",\"note\":\"Enviado al soporte\"}");
            default -> throw new IllegalArgumentException("DSers does not take " + type);
        };
    }

    @Override
    protected String refuse(KitDecision decision, KitRecord record) {
        throw new UnsupportedOperationException("DSers sends no decision to refuse");
    }

    @Override
    protected void readBack(KitDecision decision, KitRecord record, Reconciliation.Outcome shown) {
        throw new UnsupportedOperationException("DSers sends no decision to lose");
    }

    @Override
    protected Collection<String> secrets() {
        return List.of(SECRET, TOKEN);
    }

    /** A numeric supplier order id (the gateway's query takes a number), in the order of the kit's record ids. */
    static String order(KitRecord record) {
        return String.valueOf(8_000_000L + record.id().charAt(0) * 1000L + Long.parseLong(record.id().substring(1)));
    }

    static String storeOrder(KitRecord record) {
        return "STORE-KIT-" + record.id();
    }

    private static String fixture(String name, String order) {
        return Fixtures.text("dsers/kit/" + name).replace("${order}", order);
    }

    private static MappingBuilder call(String method, String order) {
        return post(urlPathEqualTo(SYNC)).withFormParam("method", equalTo(method)).withFormParam("access_token", equalTo(TOKEN))
                .withFormParam("single_order_query", equalTo("{\"order_id\":" + order + "}"));
    }

    private static MappingBuilder tracking(String order) {
        return post(urlPathEqualTo(SYNC)).withFormParam("method", equalTo(TRACKING)).withFormParam("ae_order_id", equalTo(order));
    }

    private static String form(LoggedRequest request, String name) {
        return request.formParameter(name).isPresent() ? request.formParameter(name).firstValue() : "";
    }

    /** A 1×1 PNG, evidence the supplier takes. */
    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
}
