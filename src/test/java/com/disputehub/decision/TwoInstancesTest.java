package com.disputehub.decision;

import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.endpoint.AbstractEndpoint;

import com.disputehub.channel.command.SendMessage;
import com.disputehub.support.ConnectorProcess;
import com.disputehub.support.IntegrationTest;

/** X4: two connector instances on one database drain one outbox, and every decision is sent once. */
class TwoInstancesTest extends IntegrationTest {

    static final int DECISIONS = 200;

    @Autowired
    DecisionService service;
    @Autowired
    Map<String, AbstractEndpoint> endpoints;

    @Test
    @DisplayName("X4: this instance and a second JVM drain one outbox: each of 200 messages reaches the channel exactly once")
    void twoInstancesOneOutbox() {
        UUID incident = syncFixtureOrders(ACCOUNT, "");
        MIRAKL.stubFor(post(urlPathEqualTo("/api/inbox/threads/thr-1/message"))
                .willReturn(json("{\"message_id\":\"m\",\"thread_id\":\"thr-1\"}").withStatus(201).withFixedDelay(20)));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < DECISIONS; i++) {
            ids.add(service.request(incident, new SendMessage(SendMessage.Recipients.BUYER, "mensaje " + i, null, "thr-1"),
                    "test", IdempotencyKey.none()).id());
        }

        try (ConnectorProcess second = ConnectorProcess.start("second-instance",
                "--disputehub.sync.auto-startup=false",
                "--disputehub.embedded-db.enabled=false", "--disputehub.dispatch.poll-interval=100ms",
                "--disputehub.dispatch.batch-size=4", "--disputehub.dispatch.workers=2",
                "--disputehub.accounts." + ACCOUNT + ".channel=mirakl",
                "--disputehub.accounts." + ACCOUNT + ".base-url=" + MIRAKL.baseUrl(),
                "--disputehub.accounts." + ACCOUNT + ".credentials.api-key=" + API_KEY,
                "--disputehub.accounts." + ACCOUNT + ".options.shop-id=2001")) {
            // the second JVM (two workers, about 100 a second) has begun; this one joins while most still wait
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "select count(*) from decision where id in (:ids) and state = 'SENT'").param("ids", ids).query(Long.class).single() > 0);
            endpoints.get(DispatchFlow.POLLER_ID).start();
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                    "select count(*) from decision where id in (:ids) and state = 'SENT'").param("ids", ids).query(Long.class).single() == DECISIONS);
        } finally {
            endpoints.get(DispatchFlow.POLLER_ID).stop();
        }

        Map<String, Long> received = MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/api/inbox/threads/thr-1/message"))).stream()
                .map(r -> r.getBodyAsString().replaceAll("(?s).*\"body\":\"(mensaje \\d+)\".*", "$1"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(received).hasSize(DECISIONS);
        assertThat(received.values()).allMatch(n -> n == 1);
        assertThat(jdbc.sql("select count(distinct claimed_by) from decision where id in (:ids)").param("ids", ids)
                .query(Long.class).single()).as("both instances sent some").isEqualTo(2);
    }
}
