package com.disputehub.decision;

import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.disputehub.channel.command.SendMessage;
import com.disputehub.support.IntegrationTest;

/** The dispatcher's workers keep sending while decisions are due, whatever the poller's interval (issue 17, goal 3). */
@TestPropertySource(properties = "disputehub.dispatch.poll-interval=1h")
class DispatchWorkersTest extends IntegrationTest {

    static final int DECISIONS = 40;

    @Autowired
    DecisionService service;

    @Test
    @DisplayName("X4: once started, the dispatcher sends all 40 due decisions (10 batches of 4) without waiting for its next look, an hour away; each once")
    void drainsWithoutWaitingForThePoller() {
        UUID incident = syncFixtureOrders(ACCOUNT, "");
        MIRAKL.stubFor(post(urlPathEqualTo("/api/inbox/threads/thr-1/message"))
                .willReturn(json("{\"message_id\":\"m\",\"thread_id\":\"thr-1\"}").withStatus(201).withFixedDelay(10)));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < DECISIONS; i++) {
            ids.add(service.request(incident, new SendMessage(SendMessage.Recipients.BUYER, "mensaje " + i, null, "thr-1"),
                    "test", IdempotencyKey.none()).id());
        }

        startDispatcher();

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from decision where id in (:ids) and state = 'SENT'").param("ids", ids).query(Long.class).single() == DECISIONS);
        assertThat(MIRAKL.findAll(postRequestedFor(urlPathEqualTo("/api/inbox/threads/thr-1/message")))).hasSize(DECISIONS);
    }
}
