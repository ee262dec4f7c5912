package com.disputehub.sandbox.mirakl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.support.Api;
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

    @Test
    @DisplayName("M3: the order's documents: the platform's delivery bill listed and downloaded, an invoice attached with its type once, whatever the clicks; a type or file the channel refuses is a 400 before any upload")
    void orderDocuments() {
        String id = incidentIn("NEEDS_SELLER_ACTION").get("id").asString();
        String orderId = api.get("/api/incidents/" + id).body().at("/incident/orderId").asString();
        JsonNode listed = api.get("/api/incidents/" + id + "/documents").body();
        assertThat(listed.get("types").toString()).contains("CUSTOMER_INVOICE", "Factura al cliente");
        assertThat(listed.get("documents")).hasSize(1);
        JsonNode bill = listed.get("documents").get(0);
        assertThat(bill.get("typeCode").asString()).isEqualTo("SYSTEM_DELIVERY_BILL");
        assertThat(bill.get("fileName").asString()).isEqualTo("albaran-" + orderId + ".pdf");
        byte[] pdf = api.raw("/api/incidents/" + id + "/documents/" + bill.get("id").asString());
        assertThat(new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        assertThat(pdf).hasSize(bill.get("size").asInt());

        byte[] invoice = SimDocuments.pdf("Factura F-2026-001");
        Api.Answer uploaded = api.upload("/api/incidents/" + id + "/documents", Map.of("type", "CUSTOMER_INVOICE"), "F-2026-001.pdf", invoice);
        assertThat(uploaded.status()).isEqualTo(201);
        assertThat(uploaded.body().get("documents").toString()).contains("F-2026-001.pdf", "CUSTOMER_INVOICE");
        Api.Answer again = api.upload("/api/incidents/" + id + "/documents", Map.of("type", "CUSTOMER_INVOICE"), "F-2026-001.pdf", invoice);
        assertThat(again.status()).as("a second click").isEqualTo(409);
        assertThat(again.body().get("detail").asString()).contains("already has a document named 'F-2026-001.pdf'");
        assertThat(api.get("/api/incidents/" + id + "/documents").body().get("documents")).hasSize(2);
        assertThat(api.get("/api/incidents/" + id).body().get("timeline").toString())
                .contains("Document attached to the order: F-2026-001.pdf (Factura al cliente)");

        Api.Answer wrongType = api.upload("/api/incidents/" + id + "/documents", Map.of("type", "RECEIPT"), "r.pdf", invoice);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().get("detail").asString()).contains("'RECEIPT' is not a document type of mirakl");
        Api.Answer script = api.upload("/api/incidents/" + id + "/documents", Map.of("type", "CUSTOMER_INVOICE"), "x.exe", invoice);
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.body().get("detail").asString()).contains("'x.exe' is not a type mirakl takes");
        Api.Answer reserved = api.upload("/api/incidents/" + id + "/documents", Map.of("type", "SYSTEM_DELIVERY_BILL"), "b.pdf", invoice);
        assertThat(reserved.status()).as("the channel's own refusal, in its words").isEqualTo(409);
        assertThat(reserved.body().get("detail").asString()).contains("reserved to the operator");
        assertThat(api.get("/api/incidents/" + id + "/documents/999999").status()).isEqualTo(404);

        String page = Api.anonymous(PORT).signInAsAdmin().page("/inbox/incidents/" + id + "/documents?lang=es");
        assertThat(page).contains("Documentos del pedido", "albaran-" + orderId + ".pdf", "Albarán de entrega",
                "F-2026-001.pdf", "Factura al cliente");
        assertThat(Api.anonymous(PORT).signInAsAdmin().page("/inbox/incidents/" + id + "?lang=es")).contains("order-documents-link");
    }

    @Test
    @DisplayName("M5: a buyer's photo on a message is listed with the message and opened from the channel; an attachment of no message of the incident is a 404")
    void messageAttachments() {
        String id = jdbc.sql("""
                select id from incident where account_id = ? and jsonb_path_exists(messages, '$[*].attachments[*]') limit 1
                """).param(DEMO).query(String.class).single();
        JsonNode message = api.get("/api/incidents/" + id).body().at("/incident/messages/0");
        JsonNode photo = message.at("/attachments/0");
        assertThat(photo.get("name").asString()).startsWith("foto-").endsWith(".png");
        byte[] bytes = api.raw("/api/incidents/" + id + "/attachments/" + photo.get("id").asString());
        assertThat(bytes).hasSize(photo.get("size").asInt()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(api.get("/api/incidents/" + id + "/attachments/att-of-another-order").status()).isEqualTo(404);
        assertThat(Api.anonymous(PORT).signInAsAdmin().page("/inbox/incidents/" + id))
                .contains("/inbox/incidents/" + id + "/attachments/" + photo.get("id").asString(), photo.get("name").asString());
    }
}
