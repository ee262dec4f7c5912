package com.disputehub.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.support.Api;
import com.disputehub.support.SandboxTest;

import tools.jackson.databind.JsonNode;

/** The pull stream an ERP reads (DOMAIN X7): every change of a scripted scenario, in commit order, with its digest. */
class EventStreamTest extends SandboxTest {

    static final String DEMO = "demo-mirakl-es";

    @Autowired
    EventLog log;

    @Test
    @DisplayName("X7: a sync, a refund, its outcome and the channel's closing are events in order, each with the incident's digest")
    void scenarioInOrder() {
        poll(DEMO);
        List<JsonNode> created = read(0, "incident.created&account=" + DEMO);
        long incidents = jdbc.sql("select count(*) from incident where account_id = ?").param(DEMO).query(Long.class).single();
        assertThat(created).as("one incident.created per incident synced (this run's database)").hasSize((int) incidents);
        JsonNode first = created.get(0);
        assertThat(first.get("channel").asString()).isEqualTo("mirakl");
        assertThat(first.get("account").asString()).isEqualTo(DEMO);
        assertThat(first.at("/data/incident/id").asString()).isEqualTo(first.get("incidentId").asString());
        assertThat(first.at("/data/incident/links/self").asString()).isEqualTo("/api/incidents/" + first.get("incidentId").asString());

        String id = api.get("/api/incidents?account=" + DEMO + "&status=NEEDS_SELLER_ACTION&amountMax=40").body().at("/items/0/id").asString();
        long beforeDecision = log.last();
        assertThat(decisions.decide(id, "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}").get("state").asString())
                .isEqualTo("SENT");
        poll(DEMO);

        List<JsonNode> ofIncident = read(beforeDecision, null).stream()
                .filter(e -> id.equals(e.path("incidentId").asString(null))).toList();
        assertThat(ofIncident).extracting(e -> e.get("type").asString())
                .containsExactly("decision.requested", "incident.updated", "decision.sent", "incident.closed");
        JsonNode byDecision = ofIncident.get(1);
        assertThat(byDecision.at("/data/source").asString()).isEqualTo("DECISION");
        assertThat(byDecision.at("/data/changes/previousStatus").asString()).isEqualTo("NEEDS_SELLER_ACTION");
        assertThat(byDecision.at("/data/incident/status").asString()).isEqualTo("DECISION_SENT");
        JsonNode sent = ofIncident.get(2);
        assertThat(sent.at("/data/decision/type").asString()).isEqualTo("REFUND");
        assertThat(sent.at("/data/decision/state").asString()).isEqualTo("SENT");
        assertThat(sent.at("/data/incident/id").asString()).isEqualTo(id);
        JsonNode closed = ofIncident.get(3);
        assertThat(closed.at("/data/source").asString()).isEqualTo("CHANNEL");
        assertThat(closed.at("/data/incident/status").asString()).isEqualTo("CLOSED");
        assertThat(closed.at("/data/changes/fields").toString()).contains("status");
    }

    @Test
    @DisplayName("X7: the stream pages by after= without gaps or repeats, filters by type family and account, and refuses unknown types")
    void pagingAndFilters() {
        poll(DEMO);
        long start = 0;
        List<JsonNode> all = read(start, null);
        assertThat(all).hasSizeGreaterThan(7);
        Set<String> ids = new HashSet<>();
        long previous = start;
        for (JsonNode e : all) {
            assertThat(e.get("sequence").asLong()).isGreaterThan(previous);
            previous = e.get("sequence").asLong();
            assertThat(ids.add(e.get("id").asString())).as("unique event id").isTrue();
        }
        assertThat(api.get("/api/events?after=" + start + "&types=incident.*&account=nobody").body().get("events").size()).isZero();
        Api.Answer unknown = api.get("/api/events?types=incident.exploded");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("detail").asString()).contains("incident.exploded").contains("decision.sent");
        assertThat(api.get("/api/events?limit=0").status()).isEqualTo(400);
    }

    /** Every event after {@code after}, page by page (small pages, to prove paging), of one type family or all. */
    List<JsonNode> read(long after, String types) {
        List<JsonNode> events = new ArrayList<>();
        boolean more = true;
        while (more) {
            JsonNode page = api.get("/api/events?limit=7&after=" + after + (types == null ? "" : "&types=" + types)).body();
            page.get("events").forEach(events::add);
            after = page.get("next").asLong();
            more = page.get("more").asBoolean();
        }
        return events;
    }
}
