package com.disputehub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.springframework.integration.endpoint.AbstractEndpoint;

import tools.jackson.databind.JsonNode;

/** Posts a decision through the REST API, runs the real dispatch flow, and waits until the decision settles. */
public final class DecisionDriver {

    private final Api api;
    private final AbstractEndpoint dispatcher;

    public DecisionDriver(Api api, AbstractEndpoint dispatcher) {
        this.api = api;
        this.dispatcher = dispatcher;
    }

    /** The decision as the API shows it once it left REQUESTED and SENDING; it must have been accepted (202). */
    public JsonNode decide(Object incidentId, String decisionJson) {
        return decide(incidentId, decisionJson, null);
    }

    /** As {@link #decide(Object, String)}, with an Idempotency-Key when not null. */
    public JsonNode decide(Object incidentId, String decisionJson, String key) {
        Api.Answer accepted = key == null ? api.post("/api/incidents/" + incidentId + "/decisions", decisionJson)
                : api.post("/api/incidents/" + incidentId + "/decisions", decisionJson, "Idempotency-Key", key);
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        assertThat(accepted.headers().get("location").get(0)).endsWith(accepted.body().get("id").asString());
        dispatcher.start();
        String path = "/api/decisions/" + accepted.body().get("id").asString();
        await().atMost(Duration.ofSeconds(15)).until(() -> !api.get(path).body().get("state").asString().matches("REQUESTED|SENDING"));
        return api.get(path).body();
    }

    /** The incident's normalized status, as the API shows it. */
    public String status(Object incidentId) {
        return api.get("/api/incidents/" + incidentId).body().at("/incident/status").asString();
    }

    public void stop() {
        dispatcher.stop();
    }

    /** An id the API answered, for a given incident. */
    public static UUID id(JsonNode incident) {
        return UUID.fromString(incident.get("id").asString());
    }
}
