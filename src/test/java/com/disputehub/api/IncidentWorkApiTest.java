package com.disputehub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.access.Role;
import com.disputehub.access.Users;
import com.disputehub.incident.ActionOwner;
import com.disputehub.incident.IncidentKind;
import com.disputehub.incident.IncidentSnapshot;
import com.disputehub.incident.IncidentSource;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.IncidentStore;
import com.disputehub.incident.Reason;
import com.disputehub.incident.ReasonCategory;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklOrders;
import com.disputehub.support.MiraklOrders.Message;
import com.disputehub.support.MiraklOrders.Order;

import tools.jackson.databind.JsonNode;

/**
 * A seller's work through the API (DOMAIN X9): owners, the assignee filter, pins, snoozes, automatic assignment, and
 * messages that need no reply (M5).
 */
class IncidentWorkApiTest extends IntegrationTest {

    static final Instant NOW = Instant.now();
    static final String PASSWORD = "work-test-password-1";
    @Autowired
    Users users;
    @Autowired
    IncidentStore store;
    Api api;
    List<Order> orders;
    List<Message> messages;

    @BeforeEach
    void syncOrders() {
        api = new Api(port);
        users.save("ana.work", null, "Ana", Role.AGENT, PASSWORD);
        users.save("ben.work", null, "Ben", Role.AGENT, PASSWORD);
        users.save("vic.viewer", null, "Vic", Role.VIEWER, PASSWORD);
        orders = List.of(
                Order.damagedLamp(1, NOW.minus(Duration.ofDays(20))),
                Order.damagedLamp(2, NOW.minus(Duration.ofHours(2))).withSku("TAZ-CER-2"),
                Order.damagedLamp(3, NOW.minus(Duration.ofHours(1))).withSku("TAZ-CER-3"),
                Order.damagedLamp(5, NOW.minus(Duration.ofDays(2))));
        messages = new ArrayList<>(List.of(Message.shopToOperator("LMP-005", "Adjuntamos el seguimiento", NOW.minus(Duration.ofDays(1)))));
        MiraklOrders.serve(MIRAKL, orders, messages);
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
    }

    UUID id(String externalId) {
        return jdbc.sql("select id from incident where account_id = ? and external_id = ?").params(ACCOUNT, externalId)
                .query(UUID.class).single();
    }

    List<String> refs(String query) {
        List<String> refs = new ArrayList<>();
        api.get("/api/incidents?account=" + ACCOUNT + "&" + query).body().get("items")
                .forEach(i -> refs.add(i.get("externalId").asString()));
        return refs;
    }

    @Test
    @DisplayName("X9: an incident given to a person shows in rows, filters (a login, none) and an incident.updated event naming the assignee; a viewer or a stranger cannot own one")
    void assignOne() {
        UUID lamp = id("LMP-001-A-1");
        long start = jdbc.sql("select coalesce(max(seq), 0) from event").query(Long.class).single();

        Api.Answer assigned = api.put("/api/incidents/" + lamp + "/assignee", "{\"assignee\":\"ANA.work\"}");
        assertThat(assigned.status()).isEqualTo(200);
        assertThat(assigned.body().get("assignee").asString()).as("the login as stored").isEqualTo("ana.work");
        assertThat(refs("assignee=ana.work")).containsExactly("LMP-001-A-1");
        assertThat(refs("assignee=none")).containsExactlyInAnyOrder("LMP-002-A-1", "LMP-003-A-1", "LMP-005-A-1");
        JsonNode row = api.get("/api/incidents?account=" + ACCOUNT + "&assignee=ana.work").body().at("/items/0");
        assertThat(row.get("assignee").asString()).isEqualTo("ana.work");
        assertThat(api.get("/api/incidents/" + lamp).body().at("/work/assignee").asString()).isEqualTo("ana.work");

        List<JsonNode> events = updates(start, lamp);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).at("/data/changes/fields").toString()).isEqualTo("[\"assignee\"]");
        assertThat(events.get(0).at("/data/incident/assignee").asString()).isEqualTo("ana.work");
        assertThat(events.get(0).at("/data/source").asString()).isEqualTo("ERP");

        assertThat(api.put("/api/incidents/" + lamp + "/assignee", "{\"assignee\":\"ana.work\"}").status())
                .as("the same owner again changes nothing").isEqualTo(200);
        assertThat(updates(start, lamp)).hasSize(1);

        Api.Answer viewer = api.put("/api/incidents/" + lamp + "/assignee", "{\"assignee\":\"vic.viewer\"}");
        assertThat(viewer.status()).isEqualTo(400);
        String detail = viewer.body().get("detail").asString();
        assertThat(detail.substring(detail.indexOf("one of"))).as("who can own incidents").contains("ana.work", "ben.work")
                .doesNotContain("vic.viewer");
        assertThat(api.put("/api/incidents/" + lamp + "/assignee", "{\"assignee\":\"nobody-here\"}").status()).isEqualTo(400);
        assertThat(api.put("/api/incidents/" + lamp + "/assignee", "{\"assignee\":\"me\"}").body().get("detail").asString())
                .as("an API key is not a person").contains("'assignee'");
        assertThat(api.put("/api/incidents/" + UUID.randomUUID() + "/assignee", "{\"assignee\":\"ana.work\"}").status()).isEqualTo(404);
        assertThat(refs("assignee=ana.work")).containsExactly("LMP-001-A-1");

        assertThat(api.put("/api/incidents/" + lamp + "/assignee", "{\"assignee\":null}").body().get("assignee").isNull()).isTrue();
        assertThat(refs("assignee=none")).hasSize(4);
        assertThat(jdbc.sql("select count(*) from timeline_event where incident_id = ? and type = 'ASSIGNED'").param(lamp)
                .query(Long.class).single()).isEqualTo(2);
    }

    /** The incident.updated events of one incident after {@code start}. */
    List<JsonNode> updates(long start, UUID incident) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/api/events?after=" + start + "&types=incident.updated").body().get("events").forEach(e -> {
            if (e.get("incidentId").asString().equals(incident.toString())) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    @DisplayName("X9: a selection by filter given to a person at once; the same again changes nothing; assignee=me needs a person")
    void assignSelection() {
        Api.Answer first = api.put("/api/incidents/assignee",
                "{\"selection\":{\"filter\":{\"account\":\"" + ACCOUNT + "\",\"sku\":\"TAZ-CER\"}},\"assignee\":\"ben.work\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("selected").asInt()).isEqualTo(2);
        assertThat(first.body().get("changed").asInt()).isEqualTo(2);
        assertThat(refs("assignee=ben.work")).containsExactlyInAnyOrder("LMP-002-A-1", "LMP-003-A-1");
        Api.Answer again = api.put("/api/incidents/assignee",
                "{\"selection\":{\"filter\":{\"account\":\"" + ACCOUNT + "\",\"sku\":\"TAZ-CER\"}},\"assignee\":\"ben.work\"}");
        assertThat(again.body().get("changed").asInt()).isZero();
        assertThat(api.put("/api/incidents/assignee", "{\"assignee\":\"ben.work\"}").status()).isEqualTo(400);
        assertThat(api.get("/api/incidents?assignee=me").body().get("detail").asString()).contains("assignee=me");
    }

    @Test
    @DisplayName("X9: a snooze hides an incident until the channel changes it, never past a day before its deadline; a pin is a filter")
    void snoozeAndPin() {
        UUID waiting = id("LMP-005-A-1");
        assertThat(api.get("/api/incidents/" + waiting).body().at("/incident/respondBy").isNull()).as("no deadline").isTrue();
        Instant later = NOW.plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
        Api.Answer timed = api.put("/api/incidents/" + waiting + "/snooze", "{\"until\":\"" + later + "\"}");
        assertThat(timed.status()).isEqualTo(200);
        assertThat(Instant.parse(timed.body().get("snoozedUntil").asString())).isEqualTo(later);
        assertThat(refs("snoozed=no")).doesNotContain("LMP-005-A-1").hasSize(3);
        assertThat(refs("snoozed=yes")).containsExactly("LMP-005-A-1");
        assertThat(refs("")).as("the API lists snoozed incidents unless asked not to").hasSize(4);
        assertThat(api.delete("/api/incidents/" + waiting + "/snooze").body().get("snoozedAt").isNull()).isTrue();
        assertThat(refs("snoozed=yes")).isEmpty();
        assertThat(api.put("/api/incidents/" + waiting + "/snooze", "{\"until\":\"" + NOW.minus(Duration.ofHours(1)) + "\"}").status())
                .as("a time in the past").isEqualTo(400);

        Api.Answer untilChange = api.put("/api/incidents/" + waiting + "/snooze", "{\"until\":null}");
        assertThat(untilChange.body().get("snoozedAt").isNull()).isFalse();
        assertThat(untilChange.body().get("snoozedUntil").isNull()).isTrue();
        assertThat(refs("snoozed=yes")).containsExactly("LMP-005-A-1");
        messages.add(Message.fromBuyer("LMP-005", "¿Alguna novedad?", "Cliente Número 5", NOW.minus(Duration.ofMinutes(5))));
        MiraklOrders.serve(MIRAKL, orders, messages);
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        assertThat(refs("snoozed=yes")).as("the buyer's message ends the snooze").isEmpty();
        assertThat(jdbc.sql("select summary from timeline_event where incident_id = ? and type = 'SNOOZE_ENDED' order by id").param(waiting)
                .query(String.class).list()).containsExactly("Snooze ended", "Snooze ended: the channel changed the incident");

        UUID overdue = id("LMP-001-A-1");
        Api.Answer refused = api.put("/api/incidents/" + overdue + "/snooze", "{\"until\":\"" + NOW.plus(Duration.ofDays(3)) + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asString()).contains("cannot be snoozed");

        assertThat(api.put("/api/incidents/" + overdue + "/pinned", "{\"pinned\":true}").body().get("pinned").asBoolean()).isTrue();
        assertThat(refs("pinned=yes")).containsExactly("LMP-001-A-1");
        assertThat(refs("pinned=no")).hasSize(3);
        assertThat(api.put("/api/incidents/" + overdue + "/pinned", "{}").status()).isEqualTo(400);
        assertThat(api.get("/api/incidents?pinned=maybe").body().get("detail").asString()).contains("[yes, no]");
        api.put("/api/incidents/" + overdue + "/pinned", "{\"pinned\":false}");
        assertThat(refs("pinned=yes")).isEmpty();
    }

    @Test
    @DisplayName("X9: an account with automatic assignment gives its new incidents to its people in turn, passing over a login that is no one")
    void autoAssign() {
        syncFixtureOrders("cb-mirakl", "/cb");
        List<String> owners = jdbc.sql("""
                select w.assignee from incident i join incident_work w on w.incident_id = i.id
                where i.account_id = 'cb-mirakl' order by i.created_at, i.external_id
                """).query(String.class).list();
        long incidents = jdbc.sql("select count(*) from incident where account_id = 'cb-mirakl'").query(Long.class).single();
        assertThat(owners).hasSize((int) incidents).hasSizeGreaterThanOrEqualTo(2).containsOnly("ana.work", "ben.work");
        for (int n = 1; n < owners.size(); n++) {
            assertThat(owners.get(n)).as("turn %d", n).isNotEqualTo(owners.get(n - 1));
        }
        assertThat(refs("assignee=none")).as("other accounts keep theirs unassigned").hasSize(4);
    }

    @Test
    @DisplayName("X9: automatic assignment takes turns across the pages of a sync, one ASSIGNED entry each, and each incident.created event names its owner")
    void autoAssignAcrossPages() {
        IncidentSource cb = new IncidentSource("mirakl", "cb-mirakl", "test");
        List<UUID> created = new ArrayList<>();
        for (List<String> page : List.of(List.of("P-1", "P-2", "P-3"), List.of("P-4", "P-5"))) {
            store.upsertAll(cb, page.stream().map(ref -> IncidentSnapshot.builder(IncidentKind.MARKETPLACE_DISPUTE, ref)
                    .reason(new Reason(ReasonCategory.DAMAGED, "2", null))
                    .status(IncidentStatus.NEEDS_SELLER_ACTION, "INCIDENT_OPEN", ActionOwner.SELLER)
                    .rawPayload("{\"ref\":\"" + ref + "\"}").build()).toList()).forEach(r -> created.add(r.incidentId()));
        }
        List<String> owners = created.stream().map(id -> jdbc.sql("select assignee from incident_work where incident_id = ?")
                .param(id).query(String.class).single()).toList();
        assertThat(owners).containsOnly("ana.work", "ben.work");
        for (int n = 1; n < owners.size(); n++) {
            assertThat(owners.get(n)).as("turn %d", n).isNotEqualTo(owners.get(n - 1));
        }
        for (int n = 0; n < created.size(); n++) {
            UUID id = created.get(n);
            assertThat(jdbc.sql("select count(*) from timeline_event where incident_id = ? and type = 'ASSIGNED'").param(id)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("""
                    select data -> 'incident' ->> 'assignee' from event where incident_id = ? and type = 'incident.created'
                    """).param(id).query(String.class).single()).isEqualTo(owners.get(n));
        }
    }

    @Test
    @DisplayName("M5: the buyer's thank-you marked as needing no reply stops the answer clock, twice changes nothing, holds through polls, and the buyer's next message starts it again")
    void noReplyNeeded() {
        messages.clear(); // the fake answers one order per follow-up read: only this order's thread changes
        messages.add(Message.fromBuyer("LMP-002", "¡Muchas gracias por todo!", "Cliente Número 2", NOW.minus(Duration.ofMinutes(30))));
        MiraklOrders.serve(MIRAKL, orders, messages);
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        UUID thanked = id("LMP-002-A-1");
        JsonNode before = api.get("/api/incidents/" + thanked).body();
        assertThat(before.at("/incident/status").asString()).isEqualTo("NEEDS_SELLER_ACTION");
        assertThat(before.at("/incident/respondBy").isNull()).as("the 24-business-hour clock runs").isFalse();
        assertThat(before.at("/suggestion/rule").asString()).isEqualTo("answer-24h");
        long start = jdbc.sql("select coalesce(max(seq), 0) from event").query(Long.class).single();

        Api.Answer marked = api.post("/api/incidents/" + thanked + "/no-reply-needed", "");
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.body().get("changed").asBoolean()).isTrue();
        assertThat(marked.body().get("status").asString()).isEqualTo("WAITING_FOR_BUYER");
        assertThat(marked.body().get("sentToChannel").asBoolean()).as("no channel has the call").isFalse();
        assertThat(marked.body().get("note").asString()).contains("DisputeHub only");
        assertThat(api.post("/api/incidents/" + thanked + "/no-reply-needed", "").body().get("changed").asBoolean())
                .as("a double click").isFalse();
        JsonNode after = api.get("/api/incidents/" + thanked).body();
        assertThat(after.at("/incident/respondBy").isNull()).as("the clock stopped").isTrue();
        assertThat(after.at("/incident/actionOwner").asString()).isEqualTo("BUYER");
        assertThat(after.at("/suggestion/rule").asString()).isNotEqualTo("answer-24h");
        assertThat(refs("view=waiting")).contains("LMP-002-A-1");
        assertThat(refs("deadline=overdue")).doesNotContain("LMP-002-A-1");
        List<JsonNode> events = updates(start, thanked).stream().filter(e -> e.at("/data/source").asString().equals("ERP")).toList();
        assertThat(events).as("one event for the mark, none for the double click").hasSize(1);
        assertThat(events.get(0).at("/data/changes/fields").toString()).contains("status", "respondBy");
        assertThat(jdbc.sql("select summary from timeline_event where incident_id = ? and type = 'NO_REPLY_NEEDED'").param(thanked)
                .query(String.class).single()).contains("buyer", "DisputeHub only");

        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        assertThat(api.get("/api/incidents/" + thanked).body().at("/incident/status").asString())
                .as("the same channel state keeps the mark").isEqualTo("WAITING_FOR_BUYER");

        messages.add(Message.fromBuyer("LMP-002", "Perdón, una pregunta más", "Cliente Número 2", NOW.minus(Duration.ofMinutes(1))));
        MiraklOrders.serve(MIRAKL, orders, messages);
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        JsonNode again = api.get("/api/incidents/" + thanked).body();
        assertThat(again.at("/incident/status").asString()).as("a new message beats the mark").isEqualTo("NEEDS_SELLER_ACTION");
        assertThat(again.at("/incident/respondBy").isNull()).isFalse();

        Api.Answer notWaiting = api.post("/api/incidents/" + id("LMP-005-A-1") + "/no-reply-needed", "");
        assertThat(notWaiting.status()).as("no message waits for an answer").isEqualTo(409);
        assertThat(notWaiting.body().get("detail").asString()).contains("can be marked as needing no reply", "without messages");
        assertThat(api.post("/api/incidents/" + UUID.randomUUID() + "/no-reply-needed", "").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("X9: the incident page says its timeline, its next step and its dates in the reader's language, never an ISO instant")
    void timelineInTheReadersLanguage() {
        messages.clear();
        messages.add(Message.fromBuyer("LMP-002", "¡Gracias!", "Cliente Número 2", NOW.minus(Duration.ofMinutes(30))));
        MiraklOrders.serve(MIRAKL, orders, messages);
        sync.poll(accounts.find(ACCOUNT).orElseThrow());
        UUID lamp = id("LMP-002-A-1");
        String suggestion = Api.anonymous(port).signInAsAdmin().page("/inbox/incidents/" + lamp + "?lang=es");
        assertThat(text(suggestion, "suggestion")).contains("Los mensajes se responden en 24 horas hábiles");
        api.put("/api/incidents/" + lamp + "/assignee", "{\"assignee\":\"ana.work\"}");
        api.post("/api/incidents/" + lamp + "/notes", "{\"body\":\"Llamar mañana\",\"onBehalfOf\":\"Lucía\"}");
        api.post("/api/incidents/" + lamp + "/no-reply-needed", "");

        String timeline = text(Api.anonymous(port).signInAsAdmin().page("/inbox/incidents/" + lamp + "?lang=es"), "timeline");
        assertThat(timeline).contains("Abierta", "Incidencia abierta: Dañado", "Cambio en el canal", "1 mensaje nuevo, de Comprador",
                        "Responsable", "Asignada a ana.work", "Nota interna añadida; en nombre de Lucía, según quien llama",
                        "El último mensaje (Comprador) no requiere respuesta")
                .doesNotContain("Internal note added", "Assigned to", "CHANNEL_UPDATE", "needs seller action")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        assertThat(api.get("/api/incidents/" + lamp).body().get("timeline").toString())
                .as("the API keeps its English sentences").contains("Internal note added; on behalf of Lucía, as the caller says");
    }

    /** The visible text of one section of a page, tags dropped. */
    static String text(String page, String section) {
        int start = page.indexOf("<section id=\"" + section + "\"");
        assertThat(start).as("section " + section).isNotNegative();
        return org.springframework.web.util.HtmlUtils.htmlUnescape(page.substring(start, page.indexOf("</section>", start))
                .replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
    }

    @Test
    @DisplayName("X9: a refused decision says why in the page's language, fields by their labels; the API keeps its English sentence")
    void refusalInTheReadersLanguage() {
        UUID lamp = id("LMP-002-A-1");
        Api person = Api.anonymous(port).signInAsAdmin();
        Api.Answer posted = person.form("/inbox/incidents/" + lamp + "/decisions?lang=es", java.util.Map.of("type", "SEND_MESSAGE",
                "f.to", "BUYER", "f.body", " ", "formKey", UUID.randomUUID().toString()));
        assertThat(posted.status()).isEqualTo(302);
        String page = person.page(java.net.URI.create(posted.headers().get("location").get(0)).getPath() + "?lang=es");
        int refusal = page.indexOf("id=\"refusal\"");
        assertThat(refusal).as("the refusal shows").isNotNegative();
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page.substring(refusal, page.indexOf("</div>", refusal))))
                .contains("«Mensaje» es obligatorio").doesNotContain("is required");

        Api.Answer api = this.api.post("/api/incidents/" + lamp + "/decisions", "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"body\":\"\"}");
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.body().get("problems").toString()).contains("'body' is required");
    }
}
