package com.disputehub.decision;

import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.endpoint.AbstractEndpoint;

import com.disputehub.channel.ChannelAccount;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.support.Api;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.SlidingWindowLimit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/** X4: a failing channel pauses instead of losing decisions, and a busy one never sees more than it allows. */
class ChannelProtectionTest extends IntegrationTest {

    @Autowired
    DecisionService service;
    @Autowired
    Decisions decisions;
    @Autowired
    Map<String, AbstractEndpoint> endpoints;

    @AfterEach
    void stopDispatcher() {
        endpoints.get(DispatchFlow.POLLER_ID).stop();
    }

    List<UUID> queueMessages(UUID incident, int count, String threadId) {
        return queueMessages(incident, count, threadId, 0);
    }

    List<UUID> queueMessages(UUID incident, int count, String threadId, int firstNumber) {
        List<UUID> ids = new ArrayList<>();
        for (int i = firstNumber; i < firstNumber + count; i++) {
            ids.add(service.request(incident, new SendMessage(SendMessage.Recipients.BUYER, "mensaje " + i,
                    threadId == null ? "Asunto" : null, threadId), "test", IdempotencyKey.none()).id());
        }
        return ids;
    }

    long inState(List<UUID> ids, DecisionState state) {
        return ids.stream().map(id -> decisions.find(id).orElseThrow().state()).filter(s -> s == state).count();
    }

    @Test
    @DisplayName("X4: the breaker opens after failures, decisions wait queued, polling pauses; it half-opens and drains them")
    void circuitBreaker() {
        ChannelAccount cb = accounts.find("cb-mirakl").orElseThrow();
        UUID incident = syncFixtureOrders("cb-mirakl", "/cb");
        MIRAKL.stubFor(post(urlPathMatching("/cb/api/orders/.*/threads")).willReturn(aResponse().withStatus(503)));
        CircuitBreaker breaker = breakers.circuitBreaker("cb-mirakl");

        List<UUID> failing = queueMessages(incident, 2, null, 0);
        endpoints.get(DispatchFlow.POLLER_ID).start();
        await().atMost(Duration.ofSeconds(15)).until(() -> inState(failing, DecisionState.FAILED) == 2);
        assertThat(breaker.getState()).as("2 failures of 2 calls: above the 50% threshold").isEqualTo(CircuitBreaker.State.OPEN);

        List<UUID> queued = queueMessages(incident, 6, null, 2);
        await("decisions wait in the outbox while the breaker is open").during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(2)).until(() -> inState(queued, DecisionState.REQUESTED) == 6);
        assertThat(MIRAKL.findAll(postRequestedFor(urlPathMatching("/cb/api/orders/.*/threads")))).hasSize(2);
        var health = new Api(port).get("/actuator/health").body().at("/components/channels/details");
        assertThat(health.at("/accounts/cb-mirakl/circuit").asString()).isEqualTo("CIRCUIT_OPEN");
        assertThat(health.get("paused").toString()).contains("cb-mirakl");
        int polls = MIRAKL.findAll(getRequestedFor(urlPathEqualTo("/cb/api/orders"))).size();
        assertThat(sync.poll(cb).ran()).as("polling pauses while the breaker is open").isFalse();
        assertThat(MIRAKL.findAll(getRequestedFor(urlPathEqualTo("/cb/api/orders")))).hasSize(polls);

        MIRAKL.stubFor(post(urlPathMatching("/cb/api/orders/.*/threads")).willReturn(json("{\"thread_id\":\"t\",\"message_id\":\"m\"}").withStatus(201)));
        await().atMost(Duration.ofSeconds(30)).until(() -> inState(queued, DecisionState.SENT) == 6);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        failing.forEach(id -> service.retry(id, "test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> inState(failing, DecisionState.SENT) == 2);
        List<String> bodies = MIRAKL.findAll(postRequestedFor(urlPathMatching("/cb/api/orders/.*/threads"))).stream()
                .map(r -> r.getBodyAsString().replaceAll("(?s).*\"body\":\"(mensaje \\d+)\".*", "$1")).toList();
        assertThat(bodies).as("2 failed attempts, then each of the 8 messages once").hasSize(10);
        assertThat(bodies.stream().distinct()).hasSize(8);
    }

    @Test
    @DisplayName("X4: 300 decisions limited to 30 a second against a channel that answers 429 above 50 in any second: calls spread evenly, zero 429s")
    void rateLimit() {
        UUID incident = syncFixtureOrders("rl-mirakl", "/rl");
        MIRAKL.stubFor(post(urlPathEqualTo("/rl/api/inbox/threads/thr-1/message"))
                .willReturn(json("{\"message_id\":\"m\",\"thread_id\":\"thr-1\"}").withStatus(201)
                        .withTransformers(SlidingWindowLimit.NAME)));
        List<UUID> ids = queueMessages(incident, 300, "thr-1");

        endpoints.get(DispatchFlow.POLLER_ID).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> inState(ids, DecisionState.SENT) == 300);

        assertThat(CHANNEL_RATE.refused()).isZero();
        assertThat(MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/rl/api/inbox/threads/thr-1/message")))).hasSize(300);
    }
}
