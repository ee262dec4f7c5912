package com.disputehub.decision;

import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.disputehub.channel.command.SendMessage;
import com.disputehub.database.Sql;
import com.disputehub.support.IntegrationTest;

/** A batch held up by slow pushes never races the reconciler for the rest of it (issue 17: batches of outcomes). */
@TestPropertySource(properties = {"disputehub.dispatch.poll-interval=1h", "disputehub.dispatch.push-budget=1s",
        "disputehub.dispatch.recovery-interval=1h"})
class SlowBatchTest extends IntegrationTest {

    static final String MESSAGE = "/api/inbox/threads/thr-1/message";

    @Autowired
    DecisionService service;
    @Autowired
    Decisions decisions;
    @Autowired
    DecisionDispatcher dispatcher;
    @Autowired
    DispatcherInstance instance;

    @Test
    @DisplayName("X4: past half its push budget a batch pushes none of the rest: those still its own go back to the outbox, one the reconciler took is left to it")
    void restOfALateBatchIsNotPushed() {
        UUID incident = syncFixtureOrders(ACCOUNT, "");
        MIRAKL.stubFor(post(urlPathEqualTo(MESSAGE))
                .willReturn(json("{\"message_id\":\"m\",\"thread_id\":\"thr-1\"}").withStatus(201).withFixedDelay(700)));
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(service.request(incident, new SendMessage(SendMessage.Recipients.BUYER, "mensaje " + i, null, "thr-1"),
                    "test", IdempotencyKey.none()).id());
        }
        jdbc.sql("update decision set state = 'SENDING', claimed_by = :me, claimed_at = :now where id in (:ids)")
                .param("me", instance.id()).param("now", Sql.ts(Instant.now())).param("ids", ids).update();
        jdbc.sql("update decision set claimed_by = 'another-instance' where id = ?").param(ids.get(2)).update();

        dispatcher.dispatchAll(ids);

        assertThat(MIRAKL.findAll(postRequestedFor(urlPathEqualTo(MESSAGE)))).as("only the first was pushed").hasSize(1);
        assertThat(decisions.find(ids.get(0)).orElseThrow().state()).isEqualTo(DecisionState.SENT);
        Decision released = decisions.find(ids.get(1)).orElseThrow();
        assertThat(released.state()).isEqualTo(DecisionState.REQUESTED);
        assertThat(released.claimedAt()).isNull();
        assertThat(jdbc.sql("select state || ' ' || claimed_by from decision where id = ?").param(ids.get(2))
                .query(String.class).single()).isEqualTo("SENDING another-instance");
        // settled as the other instance would, so that the next test starts with nothing in flight
        jdbc.sql("update decision set state = 'FAILED' where id = ?").param(ids.get(2)).update();
    }
}
