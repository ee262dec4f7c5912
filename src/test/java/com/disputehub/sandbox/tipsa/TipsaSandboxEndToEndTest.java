package com.disputehub.sandbox.tipsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.support.BusinessCalendar;
import com.disputehub.support.Api;
import com.disputehub.support.SandboxTest;

import tools.jackson.databind.JsonNode;

/** The Tipsa demo account against the built-in SOAP simulator (DOMAIN C1..C4). */
class TipsaSandboxEndToEndTest extends SandboxTest {

    static final String DEMO = "demo-tipsa-es";

    @Autowired
    TsSimWorld world;
    @Autowired
    TsSimSoap soap;

    @BeforeEach
    void firstSync() {
        poll(DEMO);
    }

    @Test
    @DisplayName("C1, C2: every incident of the last days arrives with the carrier's code, notes, the customer's contact and the history; nothing TIPSA does not publish is invented")
    void incidentsFlow() {
        assertThat(count("select count(*) from incident where account_id = ?")).isEqualTo(simulated()).isGreaterThanOrEqualTo(14);
        assertThat(count("select count(*) from quarantine where account_id = ?")).isZero();

        JsonNode absent = first("first-absence");
        JsonNode detail = api.get("/api/incidents/" + absent.get("id").asString()).body();
        JsonNode attributes = detail.at("/incident/details/attributes");
        assertThat(attributes.get("carrier.statusCode").asString()).isEqualTo("AS");
        assertThat(attributes.get("carrier.incidentType").asString()).isEqualTo("Destinatario ausente");
        assertThat(attributes.has("carrier.attempt")).as("TIPSA publishes no attempt number").isFalse();
        assertThat(attributes.has("carrier.distanceKm")).as("nor a distance").isFalse();
        assertThat(attributes.get("carrier.notes").asString()).isNotBlank();
        assertThat(attributes.get("carrier.recipientPhone").asString()).matches("6\\d{8}");
        assertThat(attributes.get("carrier.recipientAddress").asString()).contains("Madrid");
        assertThat(detail.at("/incident/reason/category").asString()).isEqualTo("RECIPIENT_ABSENT");
        assertThat(detail.at("/incident/details/history").size()).as("four shipment states, the incident and its opening action")
                .isEqualTo(6);
        assertThat(detail.at("/incident/details/history/3/text").asString()).isEqualTo("Incidencia");
        assertThat(detail.at("/incident/details/history/5/text").asString()).isEqualTo("Actuación: GENERACIÓN DE INCIDENCIA");
        assertThat(absent.get("tone").asString()).isEqualTo("red");
        JsonNode suggestion = detail.get("suggestion");
        assertThat(suggestion.get("rule").asString()).isEqualTo("first-absence");
        assertThat(suggestion.get("decision").asString()).isEqualTo("PROVIDE_SOLUTION");
        Instant opened = Instant.parse(detail.at("/incident/openedAt").asString());
        assertThat(Instant.parse(suggestion.get("dueBy").asString()))
                .isEqualTo(BusinessCalendar.mondayToFriday(ZoneId.of("Europe/Madrid")).plusBusinessDays(opened, 1))
                .isAfter(opened);

        JsonNode refused = api.get("/api/incidents?account=" + DEMO + "&reason=REFUSED").body().get("items").get(0);
        assertThat(refused.get("view").asString()).isEqualTo("ACTION_NEEDED");
        assertThat(refused.at("/reason/rawCode").asString()).isEqualTo("NAM");
    }

    @Test
    @DisplayName("C1: the tabs are disjoint and together are all incidents")
    void viewsPartitionAll() {
        long all = count("select count(*) from incident where account_id = ?");
        long sum = 0;
        for (String view : List.of("action-needed", "first-absence", "decision-sent", "waiting", "closed")) {
            sum += api.get("/api/incidents?limit=200&account=" + DEMO + "&view=" + view).body().get("items").size();
        }
        assertThat(sum).isEqualTo(all);
        assertThat(api.get("/api/incidents?view=pending").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("C3: managing with the customer records the attempt, keeps the incident pending and sends nothing")
    void contactAttempt() {
        JsonNode incident = first("action-needed");
        String id = incident.get("id").asString();
        JsonNode decision = decisions.decide(id, "{\"type\":\"CONTACT_ATTEMPT\",\"note\":\"Llamado a las 10:00, no contesta\"}");

        assertThat(decision.get("state").asString()).as("C3: noted here, nothing sent to Tipsa").isEqualTo("RECORDED");
        assertThat(decisions.status(id)).isEqualTo("NEEDS_SELLER_ACTION");
        assertThat(world.shipments.values().stream().flatMap(s -> s.incidents.stream()).noneMatch(i -> i.solution != null)).isTrue();
        assertThat(timeline(id)).anyMatch(t -> t.contains("Tried to reach the customer") && t.contains("no contesta"));
    }

    @Test
    @DisplayName("C4: a solution is trimmed and sent; Tipsa's answer turns it yellow, the delivery green")
    void solutionAnsweredThenDelivered() {
        JsonNode incident = first("first-absence");
        String id = incident.get("id").asString();
        String waybill = incident.get("externalId").asString().split("/")[2];

        JsonNode decision = decisions.decide(id, "{\"type\":\"PROVIDE_SOLUTION\",\"text\":\"  Entregar el martes   por la tarde, llamar antes al 600123123  \"}");
        assertThat(decision.get("state").asString()).as(decision.toString()).isEqualTo("SENT");
        assertThat(world.shipments.get(waybill).incidents.get(0).solution)
                .isEqualTo("Entregar el martes por la tarde, llamar antes al 600123123");
        poll(DEMO);
        assertThat(decisions.status(id)).isEqualTo("DECISION_SENT");

        world.tick(); // Tipsa answers the solution
        poll(DEMO);
        JsonNode answered = api.get("/api/incidents/" + id).body().get("incident");
        assertThat(answered.get("flags").toString()).contains("NEEDS_REVIEW");
        JsonNode messages = answered.get("messages");
        assertThat(messages.get(messages.size() - 1).get("author").asString()).as("the carrier's answer, after the seller's action")
                .isEqualTo("CARRIER");
        assertThat(messages.get(messages.size() - 2).get("author").asString()).isEqualTo("SELLER");
        assertThat(summary(id).get("tone").asString()).isEqualTo("yellow");

        world.tick(); // and delivers
        poll(DEMO);
        assertThat(decisions.status(id)).isEqualTo("RESOLVED");
        assertThat(summary(id).get("tone").asString()).isEqualTo("green");
        assertThat(summary(id).get("view").asString()).isEqualTo("DECISION_SENT");
    }

    @Test
    @DisplayName("C4: refunds are refused naming where they belong; an over-long solution is refused before sending")
    void refusals() {
        String id = first("action-needed").get("id").asString();

        Api.Answer refund = api.post("/api/incidents/" + id + "/decisions", "{\"type\":\"REFUND\"}");
        assertThat(refund.status()).isEqualTo(409);
        assertThat(refund.body().toString()).contains("Tipsa is the carrier").contains("supplier").contains("related");

        Api.Answer tooLong = api.post("/api/incidents/" + id + "/decisions",
                "{\"type\":\"PROVIDE_SOLUTION\",\"text\":\"" + "x".repeat(251) + "\"}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body().toString()).contains("251 characters").contains("at most 250");
    }

    @Test
    @DisplayName("C2, X9: the incident page names the parcel by its waybill, links its tracking and gives the customer's phone and address to call")
    void orderContextOnThePage() {
        JsonNode absent = first("first-absence");
        JsonNode attributes = api.get("/api/incidents/" + absent.get("id").asString()).body().at("/incident/details/attributes");
        String waybill = attributes.get("carrier.shipment").asString();
        String phone = attributes.get("carrier.recipientPhone").asString();

        String page = Api.anonymous(PORT).signInAsAdmin().page("/inbox/incidents/" + absent.get("id").asString() + "?lang=es");
        assertThat(page).contains("<span id=\"reference\" title=\"" + absent.get("externalId").asString() + "\">" + waybill + " #")
                .as("the tracking page, the number in it").contains("href=\"https://t.17track.net/en#nums=" + waybill + "\"")
                .contains("href=\"tel:" + phone + "\"")
                .contains("Teléfono del cliente", "Dirección de entrega")
                .as("the address as the carrier gives it").contains(attributes.get("carrier.recipientAddress").asString());
    }

    @Test
    @DisplayName("Linking: the carrier's incident shows the marketplace's incident of the same order")
    void relatedToMarketplace() {
        poll("demo-mirakl-es");
        String id = jdbc.sql("select id from incident where account_id = ? and order_id = 'ES-204001-A'").param(DEMO)
                .query(String.class).single();

        JsonNode related = api.get("/api/incidents/" + id).body().get("related");
        assertThat(related.size()).isPositive();
        assertThat(related.get(0).get("channel").asString()).isEqualTo("mirakl");
    }

    @Test
    @DisplayName("A lost session is renewed by logging in again, without an error")
    void sessionRenewed() {
        soap.expireSessions();
        world.tick(); // a new incident, or an answer, or a delivery
        poll(DEMO);
        assertThat(count("select count(*) from incident where account_id = ?")).isEqualTo(simulated());
        assertThat(jdbc.sql("select last_error from sync_state where account_id = ?").param(DEMO).query(String.class).optional()
                .orElse(null)).isNull();
    }

    private long simulated() {
        return world.shipments.values().stream().mapToLong(s -> s.incidents.size()).sum();
    }

    private JsonNode first(String view) {
        JsonNode items = api.get("/api/incidents?account=" + DEMO + "&view=" + view).body().get("items");
        assertThat(items.size()).as(view).isPositive();
        return items.get(0);
    }

    private JsonNode summary(String id) {
        for (JsonNode item : api.get("/api/incidents?limit=200&account=" + DEMO).body().get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no incident " + id);
    }

    private List<String> timeline(String id) {
        List<String> lines = new ArrayList<>();
        api.get("/api/incidents/" + id).body().get("timeline").forEach(t -> lines.add(t.get("summary").asString()));
        return lines;
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(DEMO).query(Long.class).single();
    }
}
