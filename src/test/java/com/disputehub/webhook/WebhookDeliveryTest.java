package com.disputehub.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.disputehub.event.EventLog;
import com.disputehub.support.Api;
import com.disputehub.support.SandboxTest;
import com.disputehub.support.WebhookReceiver;

import tools.jackson.databind.JsonNode;

/**
 * Webhooks as an ERP receives them (DOMAIN X7): a receiver that verifies every Standard Webhooks signature with its
 * own implementation gets every event of a scripted scenario, in order per incident, retried when it fails.
 */
class WebhookDeliveryTest extends SandboxTest {

    static final String DEMO = "demo-mirakl-es";

    @Autowired
    EventLog log;
    final List<WebhookReceiver> receivers = new ArrayList<>();
    final List<String> endpoints = new ArrayList<>();

    @AfterEach
    void removeEndpoints() {
        endpoints.forEach(id -> api.delete("/api/webhooks/" + id));
        receivers.forEach(WebhookReceiver::close);
    }

    @BeforeEach
    void deliver() {
        startWebhooks();
    }

    /** An endpoint for a new receiver, with its secret set on the receiver; answers the endpoint's id. */
    String subscribe(WebhookReceiver receiver, String types) {
        Api.Answer created = api.post("/api/webhooks", "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[" + types
                + "],\"description\":\"ERP test\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().get("secret").asString()).startsWith("whsec_");
        receiver.secrets(created.body().get("secret").asString());
        String id = created.body().at("/endpoint/id").asString();
        endpoints.add(id);
        receivers.add(receiver);
        return id;
    }

    @Test
    @DisplayName("X7: every event of a sync, a refund and the closing arrives signed, once per webhook-id, in order per incident")
    void everyEventSignedAndInOrder() {
        WebhookReceiver erp = new WebhookReceiver();
        subscribe(erp, "\"*\"");
        long start = log.last();

        poll(DEMO);
        String id = api.get("/api/incidents?account=" + DEMO + "&status=NEEDS_SELLER_ACTION&amountMax=40").body().at("/items/0/id").asString();
        decisions.decide(id, "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}");
        poll(DEMO);

        List<String> expected = new ArrayList<>();
        api.get("/api/events?limit=1000&after=" + start).body().get("events").forEach(e -> expected.add(e.get("id").asString()));
        assertThat(expected).hasSizeGreaterThan(10);
        await().atMost(Duration.ofSeconds(30)).until(() -> erp.events().size() >= expected.size());

        assertThat(erp.badSignatures()).isEmpty();
        assertThat(erp.events()).extracting(e -> e.get("id").asString()).containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Long> lastOfIncident = new HashMap<>();
        for (JsonNode e : erp.events()) {
            String incident = e.path("incidentId").asString(null);
            long sequence = e.get("sequence").asLong();
            if (incident != null) {
                assertThat(sequence).as("per-incident order").isGreaterThan(lastOfIncident.getOrDefault(incident, 0L));
                lastOfIncident.put(incident, sequence);
            }
        }
        assertThat(erp.events()).filteredOn(e -> id.equals(e.path("incidentId").asString(null)))
                .extracting(e -> e.get("type").asString())
                .endsWith("decision.requested", "incident.updated", "decision.sent", "incident.closed");
    }

    @Test
    @DisplayName("X7: a 500 is retried, a 429 with Retry-After waits as long as asked, and the log shows each attempt")
    void retriedAndRetryAfterHonoured() {
        WebhookReceiver erp = new WebhookReceiver().then(500, Map.of()).then(429, Map.of("Retry-After", "3"));
        String endpoint = subscribe(erp, "\"webhook.test\"");

        api.post("/api/webhooks/" + endpoint + "/test", "");

        await().atMost(Duration.ofSeconds(30)).until(() -> erp.events().size() == 1);
        List<java.time.Instant> times = erp.requestTimes();
        assertThat(times).hasSize(3);
        assertThat(Duration.between(times.get(1), times.get(2))).as("Retry-After: 3").isGreaterThanOrEqualTo(Duration.ofMillis(2900));
        JsonNode delivery = api.get("/api/webhooks/" + endpoint + "/deliveries").body().get(0);
        assertThat(delivery.get("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attemptLog")).extracting(a -> a.get("status").asInt()).containsExactly(500, 429, 200);
        assertThat(delivery.at("/attemptLog/2/responseExcerpt").asString()).contains("received");
    }

    @Test
    @DisplayName("X7: 410 Gone disables the endpoint, and the stream tells it as webhook.endpoint_disabled")
    void goneDisables() {
        WebhookReceiver erp = new WebhookReceiver().then(410, Map.of());
        String endpoint = subscribe(erp, "\"webhook.test\"");
        long start = log.last();

        api.post("/api/webhooks/" + endpoint + "/test", "");

        await().atMost(Duration.ofSeconds(20)).until(() -> !api.get("/api/webhooks/" + endpoint).body().get("enabled").asBoolean());
        assertThat(api.get("/api/webhooks/" + endpoint).body().get("disabledReason").asString()).contains("410");
        JsonNode told = api.get("/api/events?types=webhook.endpoint_disabled&after=" + start).body().at("/events/0");
        assertThat(told.at("/data/endpoint/id").asString()).isEqualTo(endpoint);

        api.patch("/api/webhooks/" + endpoint, "{\"enabled\":true}");
        await().atMost(Duration.ofSeconds(20)).until(() -> erp.events().size() == 1);
        assertThat(erp.events().get(0).get("type").asString()).as("the test event waited, then arrived").isEqualTo("webhook.test");
    }

    @Test
    @DisplayName("X7: after a rotation both secrets sign for a while, so a receiver on either one verifies")
    void rotationSignsWithBoth() {
        WebhookReceiver erp = new WebhookReceiver();
        String endpoint = subscribe(erp, "\"webhook.test\"");
        JsonNode rotated = api.post("/api/webhooks/" + endpoint + "/rotate-secret", "").body();
        assertThat(rotated.get("secret").asString()).startsWith("whsec_");
        assertThat(rotated.get("previousSecretValidUntil").asString()).isNotBlank();

        api.post("/api/webhooks/" + endpoint + "/test", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> erp.events().size() == 1);
        assertThat(erp.badSignatures()).as("verified with the old secret").isEmpty();
        assertThat(erp.signatureHeaders().get(0).split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));

        WebhookReceiver switched = new WebhookReceiver().secrets(rotated.get("secret").asString());
        receivers.add(switched);
        api.patch("/api/webhooks/" + endpoint, "{\"url\":\"" + switched.url() + "\"}");
        api.post("/api/webhooks/" + endpoint + "/test", "");
        await().atMost(Duration.ofSeconds(20)).until(() -> switched.events().size() == 1);
        assertThat(switched.badSignatures()).as("verified with the new secret").isEmpty();
    }

    @Test
    @DisplayName("X7, X4: one Idempotency-Key creates one endpoint; the same key with another request is a 422; bad input is a 400")
    void createOnceAndChecked() {
        WebhookReceiver erp = new WebhookReceiver();
        receivers.add(erp);
        String body = "{\"url\":\"" + erp.url() + "\",\"eventTypes\":[\"incident.*\"]}";
        Api.Answer first = api.post("/api/webhooks", body, "Idempotency-Key", "erp-hook-1");
        Api.Answer again = api.post("/api/webhooks", body, "Idempotency-Key", "erp-hook-1");
        endpoints.add(first.body().at("/endpoint/id").asString());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().get("idempotent-replayed")).containsExactly("true");
        assertThat(again.body().at("/endpoint/id").asString()).isEqualTo(first.body().at("/endpoint/id").asString());
        assertThat(api.post("/api/webhooks", body.replace("incident.*", "decision.*"), "Idempotency-Key", "erp-hook-1").status())
                .isEqualTo(422);

        assertThat(api.post("/api/webhooks", "{\"url\":\"http://169.254.169.254/latest\",\"eventTypes\":[\"*\"]}").body()
                .get("detail").asString()).contains("link-local");
        assertThat(api.post("/api/webhooks", "{\"url\":\"" + erp.url() + "\",\"eventTypes\":[\"incident.exploded\"]}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/webhooks", "{\"url\":\"" + erp.url() + "\",\"eventTypes\":[\"*\"],\"accounts\":[\"nobody\"]}")
                .body().get("detail").asString()).contains("nobody");
        assertThat(api.get("/api/webhooks").body().toString()).doesNotContain("whsec_");
    }
}
