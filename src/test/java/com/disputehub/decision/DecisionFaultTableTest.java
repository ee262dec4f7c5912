package com.disputehub.decision;

import static com.disputehub.support.MiraklFake.authorized;
import static com.disputehub.support.MiraklFake.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.endpoint.AbstractEndpoint;

import com.disputehub.channel.PushResult;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.command.SendMessage;
import com.disputehub.incident.IncidentStatus;
import com.disputehub.incident.Timeline;
import com.disputehub.incident.TimelineEvent;
import com.disputehub.support.IntegrationTest;
import com.disputehub.support.MiraklFake;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

/** X4: every way a refund push can go wrong, and what DisputeHub does about it. */
class DecisionFaultTableTest extends IntegrationTest {

    static final String REFUND = "/api/orders/refund";
    static final String OK = "{\"refunds\":[{\"order_line_id\":\"ORD-100-A-1\",\"refund_id\":\"r-1\"}]}";

    @Autowired
    DecisionService service;
    @Autowired
    Decisions decisions;
    @Autowired
    Timeline timeline;
    @Autowired
    Map<String, AbstractEndpoint> endpoints;
    @Autowired
    Reconciler reconciler;
    @Autowired
    DecisionDispatcher dispatcher;
    @Autowired
    DispatcherInstance instance;
    @Autowired
    DecisionOutcomes outcomes;
    UUID incident;

    @BeforeEach
    void syncIncident() {
        incident = syncFixtureOrders(ACCOUNT, "");
    }

    @AfterEach
    void stopDispatcher() {
        endpoints.get(DispatchFlow.POLLER_ID).stop();
    }

    Decision refundAndDispatch() {
        Decision d = service.request(incident, new Refund(Refund.Mode.TOTAL, "20", null, null, null, null, null), "test", IdempotencyKey.none());
        endpoints.get(DispatchFlow.POLLER_ID).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> settledOrWaiting(decisions.find(d.id()).orElseThrow()));
        return decisions.find(d.id()).orElseThrow();
    }

    static boolean settledOrWaiting(Decision d) {
        return d.state() != DecisionState.SENDING && (d.state() != DecisionState.REQUESTED || d.nextAttemptAt() != null);
    }

    int pushes() {
        return MIRAKL.findAll(putRequestedFor(urlPathEqualTo(REFUND))).size();
    }

    List<String> decisionTimeline() {
        return timeline.of(incident).stream().filter(e -> e.type().startsWith("DECISION")).map(TimelineEvent::summary).toList();
    }

    void answerInSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).inScenario("push").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("second"));
        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).inScenario("push").whenScenarioStateIs("second")
                .willReturn(json(OK)));
    }

    /** What Mirakl shows when the order is read again: the line with or without the refund. */
    void orderReadsBack(boolean refunded) {
        String order = MiraklFake.fixture("orders-page-1.json");
        if (refunded) {
            order = order.replace("\"refunds\": [],", "\"refunds\": [{\"id\": \"r-found\", \"amount\": 34.90, \"reason_code\": \"20\", "
                    + "\"created_date\": \"" + Instant.now() + "\"}],");
        }
        MIRAKL.stubFor(authorized(get(urlPathEqualTo("/api/orders"))).withQueryParam("order_ids", equalTo("ORD-100-A"))
                .willReturn(json(order)));
    }

    @Test
    @DisplayName("X4: 500 every time: retried with backoff, then FAILED with the last error after 4 requests")
    void serverErrors() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).willReturn(aResponse().withStatus(500).withBody("{\"message\":\"boom\"}")));

        Decision d = refundAndDispatch();

        assertThat(d.state()).isEqualTo(DecisionState.FAILED);
        assertThat(d.lastError()).contains("HTTP 500 boom").contains("after 4 attempts");
        assertThat(pushes()).isEqualTo(4);
        assertThat(d.attempts()).isEqualTo(4);
        assertThat(decisionTimeline()).last().asString().contains("failed: OR28 refund: HTTP 500 boom");
    }

    @Test
    @DisplayName("X4: 502 once, then success: SENT after 2 requests")
    void badGatewayThenSuccess() {
        answerInSequence(aResponse().withStatus(502));

        Decision d = refundAndDispatch();

        assertThat(d.state()).isEqualTo(DecisionState.SENT);
        assertThat(pushes()).isEqualTo(2);
        assertThat(d.channelReference()).isEqualTo("r-1");
    }

    @Test
    @DisplayName("X4: 503 with Retry-After: 1 waits the second the channel asked, then SENT")
    void serviceUnavailableRetryAfter() {
        answerInSequence(aResponse().withStatus(503).withHeader("Retry-After", "1"));

        Decision d = refundAndDispatch();

        assertThat(d.state()).isEqualTo(DecisionState.SENT);
        var requests = MIRAKL.findAll(putRequestedFor(urlPathEqualTo(REFUND)));
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).getLoggedDate().toInstant(), requests.get(1).getLoggedDate().toInstant()))
                .as("the second try waited for Retry-After").isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    @DisplayName("X4: 429 with Retry-After: 1 waits, then SENT")
    void tooManyRequestsRetryAfter() {
        answerInSequence(aResponse().withStatus(429).withHeader("Retry-After", "1"));

        assertThat(refundAndDispatch().state()).isEqualTo(DecisionState.SENT);
        assertThat(pushes()).isEqualTo(2);
    }

    @Test
    @DisplayName("X4: 429 with a Retry-After longer than a thread should sleep: the decision waits in the outbox, not failed")
    void longRetryAfterWaitsInOutbox() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        Decision d = refundAndDispatch();

        assertThat(d.state()).isEqualTo(DecisionState.REQUESTED);
        assertThat(d.nextAttemptAt()).isAfter(Instant.now().plusSeconds(100));
        assertThat(pushes()).isEqualTo(1);
        assertThat(decisionTimeline()).last().asString().contains("asked to wait 120 s").contains("waits in the outbox");
    }

    @Test
    @DisplayName("X4: 400 with a validation message: REJECTED with Mirakl's words, never retried")
    void validationError() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":400,\"message\":\"The refund amount is greater than the refundable amount\"}")));

        Decision d = refundAndDispatch();

        assertThat(d.state()).isEqualTo(DecisionState.REJECTED);
        assertThat(d.lastError()).contains("greater than the refundable amount");
        assertThat(pushes()).isEqualTo(1);
    }

    @Test
    @DisplayName("X4: read timeout after the request left, and Mirakl shows the refund: SENT, never sent twice")
    void timeoutButApplied() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).willReturn(json(OK).withFixedDelay(2500)));
        orderReadsBack(true);

        Decision d = refundAndDispatch();

        assertThat(d.state()).isEqualTo(DecisionState.SENT);
        assertThat(d.channelReference()).isEqualTo("r-found");
        assertThat(pushes()).isEqualTo(1);
        assertThat(decisionTimeline()).last().asString().contains("confirmed by re-reading the channel");
    }

    @Test
    @DisplayName("X4: read timeout, and Mirakl shows no refund: sent again, SENT after 2 requests")
    void timeoutNotApplied() {
        answerInSequence(json(OK).withFixedDelay(2500));
        orderReadsBack(false);

        Decision d = refundAndDispatch();
        await().atMost(Duration.ofSeconds(20)).until(() -> decisions.find(d.id()).orElseThrow().state() == DecisionState.SENT);

        assertThat(pushes()).isEqualTo(2);
        assertThat(decisionTimeline()).anyMatch(s -> s.contains("not applied on the channel")).anyMatch(s -> s.contains("sending it again"));
    }

    @Test
    @DisplayName("X4: connection reset while sending: reconciled before anything is sent again")
    void connectionReset() {
        answerInSequence(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        orderReadsBack(false);

        Decision d = refundAndDispatch();
        await().atMost(Duration.ofSeconds(20)).until(() -> decisions.find(d.id()).orElseThrow().state() == DecisionState.SENT);

        assertThat(pushes()).isEqualTo(2);
    }

    @Test
    @DisplayName("X4: a 200 whose body is not JSON: the refund probably happened, so it is reconciled, not failed")
    void malformedAnswer() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"refunds\": [")));
        orderReadsBack(true);

        Decision d = refundAndDispatch();

        assertThat(d.state()).isEqualTo(DecisionState.SENT);
        assertThat(pushes()).isEqualTo(1);
    }

    @Test
    @DisplayName("X4: a FAILED decision can be sent again on request; a SENT one cannot")
    void retryEndpoint() {
        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).willReturn(aResponse().withStatus(500)));
        Decision failed = refundAndDispatch();
        assertThat(failed.state()).isEqualTo(DecisionState.FAILED);
        var api = new com.disputehub.support.Api(port);
        assertThat(api.get("/api/decisions?state=failed").body().toString()).contains(failed.id().toString());

        MIRAKL.stubFor(authorized(put(urlPathEqualTo(REFUND))).willReturn(json(OK)));
        assertThat(api.post("/api/decisions/" + failed.id() + "/retry", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> decisions.find(failed.id()).orElseThrow().state() == DecisionState.SENT);

        var again = api.post("/api/decisions/" + failed.id() + "/retry", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("detail").asString()).contains("this one is SENT");
        assertThat(decisionTimeline()).anyMatch(s -> s.contains("sent again on request"));
        assertThat(api.get("/api/decisions?state=nonsense").status()).isEqualTo(400);
    }

    void leaveSending(UUID decision, Duration ago) {
        jdbc.sql("update decision set state = 'SENDING', claimed_by = ?, claimed_at = ? where id = ?")
                .params(instance.id(), com.disputehub.database.Sql.ts(Instant.now().minus(ago)), decision).update();
    }

    @Test
    @DisplayName("X4: a running instance never takes over its own decisions in flight, even when its heartbeat looks stale; a stopped one's it does")
    void ownClaimsInFlightAreNeverOrphans() {
        orderReadsBack(true);
        Decision mine = service.request(incident, new Refund(Refund.Mode.TOTAL, "20", null, null, null, null, null), "test", IdempotencyKey.none());
        Decision stopped = service.request(incident, new Refund(Refund.Mode.TOTAL, "20", null, null, null, null, null), "test", IdempotencyKey.none());
        leaveSending(mine.id(), Duration.ofMinutes(1));
        leaveSending(stopped.id(), Duration.ofMinutes(1));
        jdbc.sql("update decision set claimed_by = 'a-stopped-instance' where id = ?").param(stopped.id()).update();
        jdbc.sql("update dispatcher_instance set heartbeat_at = ? where id = ?")
                .params(com.disputehub.database.Sql.ts(Instant.now().minus(Duration.ofHours(1))), instance.id()).update();

        reconciler.recoverOrphans();

        assertThat(decisions.find(mine.id()).orElseThrow().state()).as("in flight here: still its sender's")
                .isEqualTo(DecisionState.SENDING);
        assertThat(decisions.find(stopped.id()).orElseThrow().state()).as("its dispatcher stopped: reconciled, found on the channel")
                .isEqualTo(DecisionState.SENT);
        assertThat(pushes()).as("nothing sent again").isZero();
        jdbc.sql("update decision set state = 'FAILED' where id = ?").param(mine.id()).update();
    }

    @Test
    @DisplayName("X4: a decision left SENDING under a live instance past its push budget is reconciled, not left forever")
    void sendingPastBudgetUnderLiveInstance() {
        orderReadsBack(true);
        Decision stuck = service.request(incident, new Refund(Refund.Mode.TOTAL, "20", null, null, null, null, null), "test", IdempotencyKey.none());
        Decision inFlight = service.request(incident, new Refund(Refund.Mode.TOTAL, "20", null, null, null, null, null), "test", IdempotencyKey.none());
        leaveSending(stuck.id(), Duration.ofMinutes(11));
        leaveSending(inFlight.id(), Duration.ofMinutes(1));

        reconciler.recoverOrphans();

        Decision settled = decisions.find(stuck.id()).orElseThrow();
        assertThat(settled.state()).isEqualTo(DecisionState.SENT);
        assertThat(settled.channelReference()).isEqualTo("r-found");
        assertThat(pushes()).as("found on the channel: never sent again").isZero();
        assertThat(decisions.find(inFlight.id()).orElseThrow().state()).as("within its budget: still its sender's")
                .isEqualTo(DecisionState.SENDING);
        jdbc.sql("update decision set state = 'FAILED' where id = ?").param(inFlight.id()).update();
    }

    @Test
    @DisplayName("X4: a decision that cannot even be read back ends FAILED (nothing sent), never SENDING forever")
    void unreadableDecisionEndsFailed() {
        Decision d = service.request(incident, new Refund(Refund.Mode.TOTAL, "20", null, null, null, null, null), "test", IdempotencyKey.none());
        leaveSending(d.id(), Duration.ZERO);
        jdbc.sql("update decision set payload = '{\"type\":\"NOT_A_DECISION\"}' where id = ?").param(d.id()).update();

        dispatcher.dispatch(d.id());

        assertThat(jdbc.sql("select state from decision where id = ?").param(d.id()).query(String.class).single()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from decision where id = ?").param(d.id()).query(String.class).single())
                .contains("nothing was sent");
        assertThat(pushes()).isZero();
    }

    @Test
    @DisplayName("X4: a batch's outcomes are recorded together; when the batch is refused, each is recorded on its own and only the bad one stays unrecorded")
    void batchOfOutcomesFallsBackToEachOnItsOwn() {
        List<Decision> sent = List.of(message(1), message(2));
        sent.forEach(d -> leaveSending(d.id(), Duration.ZERO));
        Decision first = sent.get(0);
        // an outcome whose incident the database does not have: the batch's transaction fails on it
        Decision unknown = new Decision(UUID.randomUUID(), UUID.randomUUID(), first.accountId(), first.channelType(),
                first.command(), DecisionState.SENDING, first.idempotencyKey(), first.requestedBy(), 0, null, null,
                first.createdAt(), first.updatedAt(), null, null, null);

        outcomes.finishAll(List.of(sentOutcome(first), sentOutcome(unknown), sentOutcome(sent.get(1))));

        assertThat(sent).allSatisfy(d -> {
            Decision now = decisions.find(d.id()).orElseThrow();
            assertThat(now.state()).isEqualTo(DecisionState.SENT);
            assertThat(now.channelReference()).isEqualTo("m-" + d.id());
        });
        assertThat(decisionTimeline()).filteredOn(s -> s.endsWith("; Message sent")).hasSize(2);
        assertThat(jdbc.sql("select count(*) from event where type = 'decision.sent' and incident_id = ?").param(incident)
                .query(Long.class).single()).isEqualTo(2);
    }

    Decision message(int n) {
        return service.request(incident, new SendMessage(SendMessage.Recipients.BUYER, "mensaje " + n, null, "thr-1"), "test",
                IdempotencyKey.none());
    }

    static DecisionOutcomes.Finished sentOutcome(Decision d) {
        return new DecisionOutcomes.Finished(d, DecisionState.SENT, null,
                new PushResult(IncidentStatus.WAITING_FOR_BUYER, "m-" + d.id(), "Message sent"), 1);
    }
}
