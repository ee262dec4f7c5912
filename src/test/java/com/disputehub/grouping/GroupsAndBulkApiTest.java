package com.disputehub.grouping;

import static com.disputehub.support.MiraklFake.authorized;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklFake;
import com.disputehub.support.MiraklOrders;
import com.disputehub.support.MiraklOrders.Message;
import com.disputehub.support.MiraklOrders.Order;

import tools.jackson.databind.JsonNode;

/** Groups and bulk decisions through the REST API, on incidents synced from the Mirakl fake. */
class GroupsAndBulkApiTest extends IntegrationTest {

    static final Instant RECENT = Instant.now().minus(Duration.ofHours(2));

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    void syncOrders(List<Order> orders, List<Message> messages) {
        MiraklOrders.serve(MIRAKL, orders, messages);
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
    }

    Map<String, String> idsByRef() {
        List<String[]> rows = jdbc.sql("select external_id, id::text from incident where account_id = ?").param(ACCOUNT)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        return rows.stream().collect(Collectors.toMap(r -> r[0], r -> r[1]));
    }

    List<String> refs(String query) {
        List<String> refs = new ArrayList<>();
        api.get("/api/incidents?" + query).body().get("items").forEach(i -> refs.add(i.get("externalId").asString()));
        return refs;
    }

    @Test
    @DisplayName("A3, X3: a manual group is created, renamed, filled from a list, emptied and deleted without touching incidents")
    void manualGroup() {
        syncOrders(IntStream.rangeClosed(1, 4).mapToObj(n -> Order.damagedLamp(n, RECENT)).toList(), List.of());
        Map<String, String> ids = idsByRef();

        Api.Answer created = api.post("/api/groups", "{\"name\":\"Lámparas rotas\"}");
        assertThat(created.status()).isEqualTo(201);
        String group = created.body().get("id").asString();
        assertThat(created.body().get("type").asString()).isEqualTo("MANUAL");
        assertThat(api.post("/api/groups", "{\"name\":\"lámparas ROTAS\"}").body().get("detail").asString())
                .contains("already exists");
        assertThat(api.post("/api/groups", "{\"name\":\"  \"}").status()).isEqualTo(400);

        Api.Answer added = api.post("/api/groups/" + group + "/members", "{\"incidentIds\":[\"" + ids.get("LMP-001-A-1")
                + "\",\"" + ids.get("LMP-002-A-1") + "\",\"" + ids.get("LMP-002-A-1") + "\"]}");
        assertThat(added.body().get("changed").asInt()).isEqualTo(2);
        assertThat(added.body().get("size").asLong()).isEqualTo(2);
        assertThat(refs("group=" + group)).containsExactlyInAnyOrder("LMP-001-A-1", "LMP-002-A-1");

        Api.Answer second = api.post("/api/groups", "{\"name\":\"Urgentes\"}");
        api.post("/api/groups/" + second.body().get("id").asString() + "/members", "{\"incidentIds\":[\"" + ids.get("LMP-001-A-1") + "\"]}");
        assertThat(refs("group=" + second.body().get("id").asString())).containsExactly("LMP-001-A-1");

        assertThat(api.post("/api/groups/" + group + "/members/remove", "{\"incidentIds\":[\"" + ids.get("LMP-001-A-1") + "\"]}")
                .body().get("size").asLong()).isEqualTo(1);
        assertThat(patch("/api/groups/" + group, "{\"name\":\"Rotas\"}").get("name").asString()).isEqualTo("Rotas");

        assertThat(api.delete("/api/groups/" + group).status()).isEqualTo(204);
        assertThat(api.get("/api/groups/" + group).status()).isEqualTo(404);
        assertThat(refs("account=" + ACCOUNT)).hasSize(4);
    }

    @Test
    @DisplayName("X3: a rule group (reason damaged, SKU starting LAMP-) gains members as they sync; it cannot be filled by hand")
    void ruleGroupFollowsSync() {
        Order cup = Order.damagedLamp(9, RECENT).withSku("TAZ-9");
        Order notDamaged = Order.damagedLamp(8, RECENT).withReason("1", "Artículo no recibido");
        List<Order> first = new ArrayList<>(List.of(Order.damagedLamp(1, RECENT), Order.damagedLamp(2, RECENT), cup, notDamaged));
        Api.Answer rule = api.post("/api/groups", "{\"name\":\"Lámparas dañadas\",\"rule\":{\"account\":\"" + ACCOUNT
                + "\",\"reason\":\"damaged\",\"sku\":\"LAMP-\"}}");
        assertThat(rule.status()).isEqualTo(201);
        String group = rule.body().get("id").asString();
        assertThat(rule.body().get("size").asLong()).isZero();

        syncOrders(first, List.of());
        assertThat(refs("group=" + group)).containsExactlyInAnyOrder("LMP-001-A-1", "LMP-002-A-1");

        first.add(Order.damagedLamp(3, RECENT));
        syncOrders(first, List.of());
        assertThat(api.get("/api/groups/" + group).body().get("size").asLong()).isEqualTo(3);
        assertThat(api.post("/api/groups/" + group + "/members", "{\"incidentIds\":[\"" + idsByRef().get("LMP-009-A-1") + "\"]}")
                .body().get("detail").asString()).contains("rule group");
        assertThat(api.post("/api/groups", "{\"name\":\"Todo\",\"rule\":{}}").body().get("detail").asString())
                .contains("at least one condition");
        assertThat(api.post("/api/groups", "{\"name\":\"Malo\",\"rule\":{\"reason\":\"broken\"}}").body().get("detail").asString())
                .contains("'reason' cannot be 'broken'");
    }

    @Test
    @DisplayName("X3: a bulk dry run names every ineligible incident and why; confirmed, each decision is sent once, in the buyer's language")
    void bulkMessage() {
        List<Order> orders = new ArrayList<>(IntStream.rangeClosed(1, 3).mapToObj(n -> Order.damagedLamp(n, RECENT)).toList());
        orders.add(Order.damagedLamp(4, RECENT));
        orders.add(Order.damagedLamp(5, RECENT).withBuyer("", ""));
        syncOrders(orders, List.of(Message.shopToOperator("LMP-004", "¿Pueden revisar la foto?", RECENT.plusSeconds(60))));
        Map<String, String> ids = idsByRef();
        String group = api.post("/api/groups", "{\"name\":\"Lote\"}").body().get("id").asString();
        api.post("/api/groups/" + group + "/members", "{\"incidentIds\":[" + ids.values().stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(",")) + "]}");

        JsonNode plan = submit(group, "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"subject\":\"Su pedido\","
                + "\"body\":\"Hello {buyerName}, about order {orderId} ({amount})\"}",
                "{\"es\":{\"body\":\"Hola {buyerName}, sobre el pedido {orderId} ({amount})\"}}", true);
        assertThat(plan.get("state").asString()).isEqualTo("PLANNED");
        assertThat(plan.at("/progress/eligible").asInt()).isEqualTo(4);
        assertThat(refusals(plan)).containsExactly(Map.entry("LMP-005-A-1", "TEMPLATE"));
        assertThat(why(plan, "LMP-005-A-1")).contains("{buyerName}");
        assertThat(item(plan, "LMP-002-A-1").at("/command/body").asString())
                .isEqualTo("Hola Cliente Número 2, sobre el pedido LMP-002-A (34.90 EUR)");
        MIRAKL.verify(0, postRequestedFor(urlPathMatching("/api/orders/.*/threads")));

        JsonNode refuse = submit(group, "{\"type\":\"REFUSE\",\"reason\":\"No\"}", "{}", true);
        assertThat(refusals(refuse).values()).containsOnly("UNSUPPORTED");
        JsonNode resolve = submit(group, "{\"type\":\"MARK_RESOLVED\"}", "{}", true);
        assertThat(refusals(resolve)).containsEntry("LMP-004-A-1", "WRONG_STATUS").containsEntry("LMP-001-A-1", "INCOMPLETE");
        assertThat(api.post("/api/bulk-decisions/" + refuse.get("id").asString() + "/confirm", "").status()).isEqualTo(409);

        MIRAKL.stubFor(authorized(post(urlPathMatching("/api/orders/.*/threads")))
                .willReturn(MiraklFake.json("{\"thread_id\":\"thr-new\",\"message_id\":\"m-new\"}").withStatus(201)));
        startDispatcher();
        String id = plan.get("id").asString();
        assertThat(api.post("/api/bulk-decisions/" + id + "/confirm", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/bulk-decisions/" + id).body().get("state").asString().equals("DONE"));
        JsonNode done = api.get("/api/bulk-decisions/" + id).body();
        assertThat(done.at("/progress/sent").asInt()).isEqualTo(4);
        assertThat(done.at("/progress/pending").asInt()).isZero();

        api.post("/api/bulk-decisions/" + id + "/confirm", "");
        MIRAKL.verify(4, postRequestedFor(urlPathMatching("/api/orders/.*/threads")));
        String orderId = api.get("/api/incidents/" + ids.get("LMP-001-A-1")).body().at("/incident/orderId").asString();
        assertThat(MIRAKL.findAll(postRequestedFor(urlPathMatching("/api/orders/LMP-001-A/threads"))).get(0).getBodyAsString())
                .contains("Hola Cliente Número 1, sobre el pedido " + orderId + " (34.90 EUR)");
        assertThat(jdbc.sql("select count(*) from decision where requested_by like ?").param("bulk:" + id + "%")
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    @DisplayName("X3, X4: a decision of a bulk that failed (the channel was down) is counted failed, and sent again on request")
    void bulkRetryFailed() {
        syncOrders(IntStream.rangeClosed(1, 3).mapToObj(n -> Order.damagedLamp(n, RECENT)).toList(), List.of());
        MIRAKL.stubFor(authorized(post(urlPathMatching("/api/orders/.*/threads")))
                .willReturn(MiraklFake.json("{\"thread_id\":\"thr-new\",\"message_id\":\"m-new\"}").withStatus(201)));
        MIRAKL.stubFor(authorized(post(urlPathMatching("/api/orders/LMP-002-A/threads"))).atPriority(1)
                .willReturn(MiraklFake.json("{\"message\":\"down\"}").withStatus(500)));
        startDispatcher();
        Api.Answer run = api.post("/api/bulk-decisions", "{\"selection\":{\"filter\":{\"account\":\"" + ACCOUNT + "\"}},"
                + "\"decision\":{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hola {buyerName}\"},\"dryRun\":false}");
        assertThat(run.status()).isEqualTo(202);
        String id = run.body().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/bulk-decisions/" + id).body().get("state").asString().equals("DONE"));
        JsonNode done = api.get("/api/bulk-decisions/" + id).body();
        assertThat(done.at("/progress/sent").asInt()).isEqualTo(2);
        assertThat(done.at("/progress/failed").asInt()).isEqualTo(1);
        assertThat(item(done, "LMP-002-A-1").get("state").asString()).isEqualTo("FAILED");

        MIRAKL.removeStub(MIRAKL.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() == 1)
                .findFirst().orElseThrow());
        JsonNode retried = api.post("/api/bulk-decisions/" + id + "/retry-failed", "").body();
        assertThat(retried.get("state").asString()).isEqualTo("RUNNING");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/bulk-decisions/" + id).body().at("/progress/sent").asInt() == 3);
        assertThat(api.get("/api/bulk-decisions/" + id).body().get("state").asString()).isEqualTo("DONE");
    }

    @Test
    @DisplayName("X3, X4: a passing error pauses a confirmed bulk run, its progress says it waits, and it resumes by itself; each sent once")
    void bulkResumesAfterPassingError() {
        syncOrders(IntStream.rangeClosed(1, 3).mapToObj(n -> Order.damagedLamp(n, RECENT)).toList(), List.of());
        MIRAKL.stubFor(authorized(post(urlPathMatching("/api/orders/.*/threads")))
                .willReturn(MiraklFake.json("{\"thread_id\":\"thr-new\",\"message_id\":\"m-new\"}").withStatus(201)));
        startDispatcher();
        // the database refuses to record hand-overs for a while, as it would while failing over
        jdbc.sql("alter table bulk_decision_item add constraint bulk_outage check (decision_id is null) not valid").update();
        try {
            Api.Answer run = api.post("/api/bulk-decisions", "{\"selection\":{\"filter\":{\"account\":\"" + ACCOUNT + "\"}},"
                    + "\"decision\":{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hola {buyerName}\"},\"dryRun\":false}");
            assertThat(run.status()).isEqualTo(202);
            String id = run.body().get("id").asString();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/bulk-decisions/" + id).body().hasNonNull("waitingReason"));
            JsonNode waiting = api.get("/api/bulk-decisions/" + id).body();
            assertThat(waiting.get("state").asString()).isEqualTo("RUNNING");
            assertThat(waiting.get("waitingReason").asString()).contains("bulk_outage");
            assertThat(waiting.hasNonNull("retryAt")).isTrue();

            jdbc.sql("alter table bulk_decision_item drop constraint bulk_outage").update();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/bulk-decisions/" + id).body().get("state").asString().equals("DONE"));
            JsonNode done = api.get("/api/bulk-decisions/" + id).body();
            assertThat(done.at("/progress/sent").asInt()).isEqualTo(3);
            assertThat(done.get("waitingReason").isNull()).isTrue();
            assertThat(MIRAKL.findAll(postRequestedFor(urlPathMatching("/api/orders/.*/threads")))).hasSize(3);
        } finally {
            jdbc.sql("alter table bulk_decision_item drop constraint if exists bulk_outage").update();
        }
    }

    @Test
    @DisplayName("X3: a translation may change only the words: another type or field per language is a 400 naming it, nothing planned")
    void translationChangesOnlyWords() {
        syncOrders(List.of(Order.damagedLamp(1, RECENT)), List.of());
        long before = jdbc.sql("select count(*) from bulk_decision").query(Long.class).single();
        Api.Answer answer = api.post("/api/bulk-decisions", "{\"selection\":{\"filter\":{\"account\":\"" + ACCOUNT + "\"}},"
                + "\"decision\":{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hello\"},"
                + "\"translations\":{\"es\":{\"type\":\"REFUND\",\"body\":\"Hola\"}},\"dryRun\":true}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("detail").asString()).contains("'translations.es.type'").contains("body, subject");
        assertThat(jdbc.sql("select count(*) from bulk_decision").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @DisplayName("X3: a rule that cannot run is refused before it is saved; a stored rule that no longer runs breaks no page")
    void ruleThatCannotRun() {
        syncOrders(List.of(Order.damagedLamp(1, RECENT)), List.of());
        long before = jdbc.sql("select count(*) from incident_group").query(Long.class).single();
        assertThat(api.post("/api/groups", "{\"name\":\"Kaufland\",\"rule\":{\"channel\":\"kaufland\"}}").status()).isEqualTo(400);
        assertThat(api.post("/api/groups", "{\"name\":\"Huge\",\"rule\":{\"amountMin\":\"1E131072\"}}").status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from incident_group").query(Long.class).single()).isEqualTo(before);

        jdbc.sql("insert into incident_group (id, name, rule, created_at, updated_at) values (?, 'Old rule', "
                + "'{\"status\":\"NO_LONGER_A_STATUS\"}'::jsonb, now(), now())").param(java.util.UUID.randomUUID()).update();
        assertThat(api.get("/api/groups").status()).isEqualTo(200);
        api.signInAsAdmin();
        assertThat(api.page("/inbox/groups")).contains("Old rule");
        assertThat(api.page("/inbox/incidents/" + idsByRef().get("LMP-001-A-1"))).contains("LMP-001-A-1");
    }

    @Test
    @DisplayName("X3, M1, X9: one buyer, one message: lines of one order get one message listing them ({lines}), the other line says why in the page's language; eachIncident sends one per line")
    void oneMessagePerConversation() {
        syncOrders(List.of(Order.damagedLamp(1, RECENT).withLines(2), Order.damagedLamp(2, RECENT)), List.of());
        MIRAKL.stubFor(authorized(post(urlPathMatching("/api/orders/.*/threads")))
                .willReturn(MiraklFake.json("{\"thread_id\":\"thr-new\",\"message_id\":\"m-new\"}").withStatus(201)));
        String decision = "\"decision\":{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hola {buyerName}: {lines}\"}";
        String selection = "{\"selection\":{\"filter\":{\"account\":\"" + ACCOUNT + "\"}}," + decision;

        JsonNode plan = api.post("/api/bulk-decisions", selection + ",\"dryRun\":true}").body();
        // whichever line of the order comes first in the plan carries the message; the other is answered with it
        JsonNode first = item(plan, "LMP-001-A-1").get("eligible").asBoolean() ? item(plan, "LMP-001-A-1") : item(plan, "LMP-001-A-2");
        JsonNode other = first == item(plan, "LMP-001-A-1") ? item(plan, "LMP-001-A-2") : item(plan, "LMP-001-A-1");
        assertThat(first.get("eligible").asBoolean()).isTrue();
        assertThat(other.get("refusal").asString()).isEqualTo("SAME_CONVERSATION");
        assertThat(other.get("why").asString()).contains("sent with " + first.get("externalId").asString());
        assertThat(item(plan, "LMP-002-A-1").get("eligible").asBoolean()).isTrue();
        assertThat(Api.anonymous(port).signInAsAdmin().page("/inbox/bulk/" + plan.get("id").asString() + "?lang=es"))
                .as("the dry run's page says why in the reader's language")
                .contains("el comprador recibe un solo mensaje en esta conversación, enviado con " + first.get("externalId").asString());
        assertThat(api.post("/api/bulk-decisions", selection + ",\"dryRun\":true,\"eachIncident\":true}").body()
                .at("/progress/eligible").asInt()).as("eachIncident: every line gets its own").isEqualTo(3);

        startDispatcher();
        String id = plan.get("id").asString();
        api.post("/api/bulk-decisions/" + id + "/confirm", "");
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/bulk-decisions/" + id).body().get("state").asString().equals("DONE"));
        List<String> sent = MIRAKL.findAll(postRequestedFor(urlPathMatching("/api/orders/LMP-001-A/threads"))).stream()
                .map(r -> r.getBodyAsString()).toList();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("LMP-001-A-1: Lámpara de mesa 1 (34.90 EUR)").contains("LMP-001-A-2: Lámpara de mesa 1 (34.90 EUR)");
    }

    @Test
    @DisplayName("Bulk requests with a clear error: unknown placeholder, nothing selected, both ids and a filter, unknown ids")
    void bulkErrors() {
        syncOrders(List.of(Order.damagedLamp(1, RECENT)), List.of());
        String id = idsByRef().get("LMP-001-A-1");
        assertThat(api.post("/api/bulk-decisions", "{\"selection\":{\"incidentIds\":[\"" + id + "\"]},"
                + "\"decision\":{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hi {firstName}\"},\"dryRun\":true}")
                .body().get("detail").asString()).contains("{firstName}").contains("{buyerName}");
        assertThat(api.post("/api/bulk-decisions", "{\"selection\":{},\"decision\":{\"type\":\"SEND_MESSAGE\"},\"dryRun\":true}")
                .body().get("detail").asString()).contains("nothing selected");
        assertThat(api.post("/api/bulk-decisions", "{\"selection\":{\"incidentIds\":[\"" + id + "\"],\"filter\":{\"reason\":\"damaged\"}},"
                + "\"decision\":{\"type\":\"SEND_MESSAGE\"},\"dryRun\":true}").status()).isEqualTo(400);
        assertThat(api.post("/api/bulk-decisions", "{\"selection\":{\"filter\":{\"reason\":\"lost\"}},"
                + "\"decision\":{\"type\":\"SEND_MESSAGE\"},\"dryRun\":true}").body().get("detail").asString()).contains("'reason'");
        assertThat(api.get("/api/bulk-decisions/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        java.util.UUID stranger = java.util.UUID.randomUUID();
        Api.Answer unknownId = api.post("/api/bulk-decisions", "{\"selection\":{\"incidentIds\":[\"" + id + "\",\"" + stranger
                + "\"]},\"decision\":{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"Hola\"},\"dryRun\":true}");
        assertThat(unknownId.status()).isEqualTo(400);
        assertThat(unknownId.body().get("detail").asString()).contains(stranger.toString());
    }

    JsonNode submit(String group, String decision, String translations, boolean dryRun) {
        Api.Answer answer = api.post("/api/bulk-decisions", "{\"selection\":{\"groupId\":\"" + group + "\"},\"decision\":"
                + decision + ",\"translations\":" + translations + ",\"requestedBy\":\"maria\",\"dryRun\":" + dryRun + "}");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(dryRun ? 201 : 202);
        return answer.body();
    }

    static Map<String, String> refusals(JsonNode bulk) {
        Map<String, String> out = new java.util.TreeMap<>();
        bulk.get("items").forEach(i -> {
            if (!i.get("eligible").asBoolean()) {
                out.put(i.get("externalId").asString(), i.get("refusal").asString());
            }
        });
        return out;
    }

    static String why(JsonNode bulk, String ref) {
        return item(bulk, ref).get("why").asString();
    }

    static JsonNode item(JsonNode bulk, String ref) {
        for (JsonNode i : bulk.get("items")) {
            if (i.get("externalId").asString().equals(ref)) {
                return i;
            }
        }
        throw new AssertionError("no item " + ref);
    }

    JsonNode patch(String path, String json) {
        return api.patch(path, json).body();
    }
}
