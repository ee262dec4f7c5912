package com.disputehub.sandbox.mirakl;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.support.SandboxTest;
import com.disputehub.sync.SyncReport;

import tools.jackson.databind.JsonNode;

/**
 * The demo as a newcomer runs it: the demo account of config/application.yml against the built-in Mirakl
 * simulator on the same server. Incidents flow in, and decisions change the simulated marketplace.
 */
class MiraklSandboxEndToEndTest extends SandboxTest {

    static final String DEMO = "demo-mirakl-es";

    @Autowired
    SimWorld world;

    @BeforeEach
    void firstSync() {
        poll();
    }

    SyncReport poll() {
        ChannelAccount demo = accounts.find(DEMO).orElseThrow();
        return sync.poll(demo);
    }

    JsonNode incidentIn(String status) {
        JsonNode items = api.get("/api/incidents?account=" + DEMO + "&status=" + status + "&limit=200").body().get("items");
        assertThat(items.size()).as("an incident in " + status).isPositive();
        return items.get(0);
    }

    @Test
    @DisplayName("M1, S4: an incident whose last message is the buyer's suggests an answer due by its 24-business-hour deadline")
    void answerWithin24BusinessHours() {
        String id = jdbc.sql("""
                select id from incident where account_id = ? and status = 'NEEDS_SELLER_ACTION' and respond_by is not null
                  and messages -> (jsonb_array_length(messages) - 1) ->> 'author' in ('BUYER', 'OPERATOR') limit 1
                """).param(DEMO).query(String.class).single();

        JsonNode detail = api.get("/api/incidents/" + id).body();

        assertThat(detail.at("/suggestion/rule").asString()).isEqualTo("answer-24h");
        assertThat(detail.at("/suggestion/decision").asString()).isEqualTo("SEND_MESSAGE");
        assertThat(detail.at("/suggestion/dueBy").asString()).isEqualTo(detail.at("/incident/respondBy").asString());
    }

    @Test
    @DisplayName("M2, X1, X2: the demo account shows a few dozen Spanish incidents, normalized, without any credentials")
    void incidentsFlow() {
        long incidents = jdbc.sql("select count(*) from incident where account_id = ?").param(DEMO).query(Long.class).single();
        assertThat(incidents).as("30 orders, some with two lines").isGreaterThanOrEqualTo(30);
        assertThat(jdbc.sql("select count(distinct reason) from incident where account_id = ?").param(DEMO).query(Long.class).single())
                .as("the sandbox's Spanish reasons map to several categories").isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select count(*) from incident where account_id = ? and reason = 'OTHER'").param(DEMO).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from quarantine where account_id = ?").param(DEMO).query(Long.class).single()).isZero();
        assertThat(poll().created()).as("a second poll finds nothing new while the marketplace stands still").isZero();
    }

    @Test
    @DisplayName("X9: the demo ships saved replies for the seeds' situations, rendered for a demo incident in Spanish")
    void demoTemplates() {
        JsonNode templates = api.get("/api/templates").body();
        assertThat(templates).extracting(t -> t.get("name").asString()).contains("Damaged item - ask for photos",
                "Not received - checking with the carrier", "Customs hold - documents needed",
                "First absence - new delivery agreed", "Wrong item - the right one is on its way");
        String damaged = api.get("/api/templates?type=SEND_MESSAGE&channel=mirakl").body().findValues("id").get(0).asString();
        JsonNode incident = incidentIn("NEEDS_SELLER_ACTION");
        JsonNode rendered = api.get("/api/templates/" + damaged + "/render?incident=" + incident.get("id").asString()).body();
        assertThat(rendered.get("language").asString()).isEqualTo("es");
        assertThat(rendered.at("/texts/body").asString()).startsWith("Hola " + incident.get("buyerName").asString())
                .doesNotContain("{buyerName}");
    }

    @Test
    @DisplayName("M6: a total refund is applied by the simulated marketplace, and the next sync shows the incident closed")
    void refundCloses() {
        JsonNode incident = incidentIn("NEEDS_SELLER_ACTION");
        String id = incident.get("id").asString();

        JsonNode decision = decisions.decide(id, "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}");
        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        assertThat(decisions.status(id)).isEqualTo("DECISION_SENT");

        poll();
        assertThat(decisions.status(id)).isEqualTo("CLOSED");
        assertThat(api.get("/api/incidents/" + id).body().at("/incident/rawStatus").asString()).isEqualTo("REFUNDED");
    }

    @Test
    @DisplayName("M4, M7: marked resolved waits for the operator; the operator's closing shows on the next sync")
    void resolvedThenClosedByOperator() {
        String id = incidentIn("NEEDS_SELLER_ACTION").get("id").asString();

        assertThat(decisions.decide(id, "{\"type\":\"MARK_RESOLVED\",\"reasonCode\":\"10\"}").get("state").asString()).isEqualTo("SENT");
        poll();
        assertThat(decisions.status(id)).isEqualTo("WAITING_FOR_PLATFORM");

        world.tick();
        poll();
        assertThat(decisions.status(id)).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("M5: a reply reaches the simulated thread, and the next sync shows the seller waiting for the buyer")
    void replyInThread() {
        String id = incidentIn("NEEDS_SELLER_ACTION").get("id").asString();
        JsonNode messages = api.get("/api/incidents/" + id).body().at("/incident/messages");
        String thread = messages.get(0).get("threadId").asString();

        JsonNode decision = decisions.decide(id, "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"threadId\":\"" + thread
                + "\",\"body\":\"Le enviamos un artículo nuevo hoy mismo.\"}");

        assertThat(decision.get("state").asString()).isEqualTo("SENT");
        assertThat(world.thread(thread).orElseThrow().messages).anyMatch(m -> m.body().equals("Le enviamos un artículo nuevo hoy mismo."));
        poll();
        assertThat(decisions.status(id)).isEqualTo("WAITING_FOR_BUYER");
        assertThat(api.get("/api/incidents/" + id).body().at("/incident/messages").size()).isEqualTo(messages.size() + 1);
    }

    @Test
    @DisplayName("M1: the buyer answers the seller's message within seconds; the next sync puts the incident back in the seller's hands")
    void buyerAnswersAfterSellersMessage() {
        String id = incidentIn("NEEDS_SELLER_ACTION").get("id").asString();
        String thread = api.get("/api/incidents/" + id).body().at("/incident/messages").get(0).get("threadId").asString();

        decisions.decide(id, "{\"type\":\"SEND_MESSAGE\",\"to\":\"BUYER\",\"threadId\":\"" + thread
                + "\",\"body\":\"¿Nos puede enviar una foto del embalaje?\"}");
        assertThat(decisions.status(id)).isEqualTo("WAITING_FOR_BUYER");
        // the buyer answers before the connector's next sync: the line's state is the same as when the message left
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> world.thread(thread).orElseThrow().messages.get(world.thread(thread).orElseThrow().messages.size() - 1)
                        .from().type().startsWith("CUSTOMER"));

        poll();

        assertThat(decisions.status(id)).as("a newer message from the buyer beats the held status").isEqualTo("NEEDS_SELLER_ACTION");
        JsonNode messages = api.get("/api/incidents/" + id).body().at("/incident/messages");
        assertThat(messages.get(messages.size() - 1).get("author").asString()).isEqualTo("BUYER");
        assertThat(api.get("/api/incidents/" + id).body().at("/suggestion/rule").asString()).isEqualTo("answer-24h");
    }

    @Test
    @DisplayName("X1: the simulated marketplace changes over time, and sync follows it")
    void marketplaceLivesOn() {
        long changesBefore = jdbc.sql("select count(*) from change_event").query(Long.class).single();
        for (int i = 0; i < 6; i++) {
            world.tick();
        }
        SyncReport report = poll();

        assertThat(report.created() + report.updated()).isPositive();
        assertThat(jdbc.sql("select count(*) from change_event").query(Long.class).single()).isGreaterThan(changesBefore);
    }

    @Test
    @DisplayName("X1: the simulator refuses a wrong shop key as Mirakl does")
    void wrongKey() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + PORT + "/sandbox/mirakl/api/orders")).header("Authorization", "nope").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("shop API key");
    }
}
