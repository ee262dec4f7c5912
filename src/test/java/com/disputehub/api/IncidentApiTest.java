package com.disputehub.api;

import static com.disputehub.support.MiraklFake.authorized;
import static com.disputehub.support.MiraklFake.jsonFixture;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.event.EventLog;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklFake;

import tools.jackson.databind.JsonNode;

/** The REST API as an ERP uses it, over loopback, on incidents synced from the Mirakl fake. */
class IncidentApiTest extends IntegrationTest {

    Api api;
    @Autowired
    EventLog events;

    @BeforeEach
    void syncIncidents() {
        api = new Api(port);
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("offset", equalTo("0"))
                .willReturn(jsonFixture("orders-page-1.json")));
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("offset", equalTo("3"))
                .willReturn(jsonFixture("orders-page-2.json")));
        MiraklFake.threadsOfOrders(MIRAKL, "threads-orders.json");
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
    }

    List<String> externalIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("externalId").asString()));
        return ids;
    }

    @Test
    @DisplayName("M2: filters by account, status, reason and free text in the buyer's messages")
    void filters() {
        assertThat(externalIds(api.get("/api/incidents?account=" + ACCOUNT).body()))
                .containsExactlyInAnyOrder("ORD-100-A-1", "ORD-102-A-1", "ORD-103-A-1");
        assertThat(externalIds(api.get("/api/incidents?account=" + ACCOUNT + "&status=WAITING_FOR_BUYER").body()))
                .containsExactly("ORD-100-A-1");
        assertThat(externalIds(api.get("/api/incidents?account=" + ACCOUNT + "&reason=DAMAGED").body()))
                .containsExactly("ORD-100-A-1");
        assertThat(externalIds(api.get("/api/incidents?account=" + ACCOUNT + "&text=caja%20aplastada").body()))
                .containsExactly("ORD-100-A-1");
        assertThat(externalIds(api.get("/api/incidents?account=" + ACCOUNT + "&text=100%25").body())).isEmpty();
        JsonNode first = api.get("/api/incidents?account=" + ACCOUNT + "&reason=DAMAGED").body().get("items").get(0);
        assertThat(first.get("messageCount").asInt()).isEqualTo(2);
        assertThat(first.at("/reason/rawLabel").asString()).isEqualTo("Artículo recibido dañado");
        assertThat(first.at("/productValue/currency").asString()).isEqualTo("EUR");
    }

    @Test
    @DisplayName("M2: keyset pages visit every incident once, and a bad token or limit is a clear 400")
    void keysetPages() {
        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = api.get("/api/incidents?account=" + ACCOUNT + "&limit=1" + (next == null ? "" : "&after=" + next)).body();
            seen.addAll(externalIds(page));
            next = page.get("next").isNull() ? null : page.get("next").asString();
        } while (next != null);

        assertThat(seen).containsExactlyInAnyOrder("ORD-100-A-1", "ORD-102-A-1", "ORD-103-A-1");
        Api.Answer badToken = api.get("/api/incidents?after=garbage");
        assertThat(badToken.status()).isEqualTo(400);
        assertThat(badToken.body().get("detail").asString()).contains("invalid page token");
        assertThat(api.get("/api/incidents?limit=5000").body().get("detail").asString()).contains("between 1 and 200");
        assertThat(api.get("/api/incidents?reason=BROKEN").body().get("detail").asString()).contains("DAMAGED");
    }

    @Test
    @DisplayName("M3, M5, X2: one incident in full: messages with author and recipients, timeline, raw payload, allowed decisions")
    void detail() {
        String id = api.get("/api/incidents?account=" + ACCOUNT + "&reason=DAMAGED").body().at("/items/0/id").asString();

        JsonNode detail = api.get("/api/incidents/" + id).body();

        assertThat(detail.at("/incident/messages/0/author").asString()).isEqualTo("BUYER");
        assertThat(detail.at("/incident/messages/0/recipients").toString()).contains("SELLER", "OPERATOR");
        assertThat(detail.at("/incident/rawPayload").isNull()).isTrue();
        assertThat(detail.at("/raw/order/order_id").asString()).isEqualTo("ORD-100-A");
        assertThat(detail.at("/incident/adapterVersion").asString()).isEqualTo("mirakl-1");
        assertThat(detail.at("/timeline/0/type").asString()).isEqualTo("CREATED");
        assertThat(detail.get("allowedDecisions").toString()).contains("SEND_MESSAGE", "REFUND", "MARK_RESOLVED")
                .contains("Reembolso por artículo dañado");
        assertThat(api.get("/api/incidents/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(api.get("/api/incidents/not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("A5, X2: internal notes stay inside DisputeHub and show on the timeline")
    void notes() {
        String id = api.get("/api/incidents?account=" + ACCOUNT + "&reason=DAMAGED").body().at("/items/0/id").asString();

        Api.Answer added = api.post("/api/incidents/" + id + "/notes", "{\"author\":\"laura\",\"body\":\"Cliente habitual\"}");
        Api.Answer empty = api.post("/api/incidents/" + id + "/notes", "{\"body\":\" \"}");

        assertThat(added.status()).isEqualTo(201);
        assertThat(empty.status()).isEqualTo(400);
        JsonNode detail = api.get("/api/incidents/" + id).body();
        assertThat(detail.at("/notes/0/body").asString()).isEqualTo("Cliente habitual");
        assertThat(detail.get("timeline").toString()).contains("Internal note added");
        assertThat(MIRAKL.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains("Cliente habitual"));
    }

    @Test
    @DisplayName("X1, X5: accounts show their sync status without credentials; quarantine and change feed are readable")
    void accountsQuarantineChanges() {
        Api.Answer accountsAnswer = api.get("/api/accounts");
        assertThat(accountsAnswer.body().toString()).contains(ACCOUNT).contains("\"recordsQuarantined\":1").doesNotContain(API_KEY);

        JsonNode quarantined = api.get("/api/quarantine?account=" + ACCOUNT).body();
        assertThat(quarantined.at("/0/recordRef").asString()).isEqualTo("order ORD-101-A");
        assertThat(quarantined.at("/0/rawText").asString()).contains("not-a-number");

        JsonNode changes = api.get("/api/changes?after=0&limit=1000").body();
        long last = changes.get(changes.size() - 1).get("sequence").asLong();
        assertThat(api.get("/api/changes?after=" + last).body().size()).isZero();
    }

    @Test
    @DisplayName("X7: an ERP sets its references on an incident; they show in the detail and the page, filter the list, and travel in an event")
    void externalRefs() {
        String id = api.get("/api/incidents?account=" + ACCOUNT + "&reason=DAMAGED").body().at("/items/0/id").asString();
        long before = events.last();

        Api.Answer set = api.put("/api/incidents/" + id + "/external-refs", "{\"erpCase\":\"C-2041\",\"creditNote\":\"CN-77\"}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("erpCase").asString()).isEqualTo("C-2041");
        assertThat(api.get("/api/incidents/" + id).body().at("/externalRefs/creditNote").asString()).isEqualTo("CN-77");
        assertThat(externalIds(api.get("/api/incidents?ref=erpCase:C-2041").body())).containsExactly("ORD-100-A-1");
        assertThat(externalIds(api.get("/api/incidents?ref=CN-77").body())).containsExactly("ORD-100-A-1");
        assertThat(externalIds(api.get("/api/incidents?ref=creditNote:C-2041").body())).isEmpty();
        JsonNode event = api.get("/api/events?types=incident.updated&after=" + before).body().at("/events/0");
        assertThat(event.at("/data/changes/fields/0").asString()).isEqualTo("externalRefs");
        assertThat(event.at("/data/source").asString()).isEqualTo("ERP");
        assertThat(event.at("/data/incident/externalRefs/erpCase").asString()).isEqualTo("C-2041");
        assertThat(Api.anonymous(port).signInAsAdmin().page("/inbox/incidents/" + id)).contains("C-2041").contains("CN-77");

        long afterSet = events.last();
        api.put("/api/incidents/" + id + "/external-refs", "{\"creditNote\":\"CN-77\",\"erpCase\":\"C-2041\"}");
        assertThat(api.get("/api/events?after=" + afterSet).body().get("events").size()).as("the same references again change nothing").isZero();

        assertThat(api.put("/api/incidents/" + id + "/external-refs", "{\"1bad\":\"x\"}").status()).isEqualTo(400);
        assertThat(api.put("/api/incidents/" + id + "/external-refs", "{\"erpCase\":\"  \"}").status()).isEqualTo(400);
        assertThat(api.put("/api/incidents/" + java.util.UUID.randomUUID() + "/external-refs", "{}").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("X8: the installed channel types show their kind, the decisions they take with their fields, and their published rate")
    void channelTypes() {
        JsonNode channels = api.get("/api/channels").body();
        List<String> types = new ArrayList<>();
        channels.forEach(c -> types.add(c.get("type").asString()));
        assertThat(types).contains("mirakl", "aliexpress", "orderchamp", "tipsa", "dsers", "cj");
        JsonNode mirakl = channels.valueStream().filter(c -> c.get("type").asString().equals("mirakl")).findFirst().orElseThrow();
        assertThat(mirakl.get("kind").asString()).isEqualTo("MARKETPLACE_DISPUTE");
        assertThat(mirakl.at("/rateLimit/calls").asInt()).isEqualTo(10);
        assertThat(mirakl.get("decisions").toString()).contains("REFUND").contains("NEEDS_SELLER_ACTION").contains("reasonCode");
        assertThat(mirakl.get("options").toString()).contains("shop-id").contains("page-size").doesNotContain("problem");
        JsonNode cj = channels.valueStream().filter(c -> c.get("type").asString().equals("cj")).findFirst().orElseThrow();
        assertThat(cj.get("kind").asString()).isEqualTo("SUPPLIER_CLAIM");
        assertThat(cj.get("followsSupplierOrders").asBoolean()).isTrue();
        assertThat(cj.get("elsewhere").toString()).contains("SUBMIT_EVIDENCE");
    }
}
