package com.disputehub.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.disputehub.DisputeHubApplication;
import com.disputehub.support.Api;
import com.disputehub.support.MiraklSimulator;
import com.disputehub.support.ConnectorProcess;
import com.disputehub.support.Principals;
import com.disputehub.support.TestDatabase;

/**
 * X4, crash safety: the connector runs in JVMs of its own against the Mirakl simulator (here, in the test JVM,
 * so that it outlives them). 1,000 refunds are queued and sent, that JVM is killed with SIGKILL mid-way, and a
 * new one finishes the job: the marketplace must hold exactly one refund per decided line.
 */
class DispatcherCrashTest {

    static final int DECISIONS = 1000;
    static final String ACCOUNT = "crash-mirakl";
    static int fakePort;
    static ConfigurableApplicationContext fake;
    static JdbcClient db;

    @BeforeAll
    static void startMarketplace() {
        fakePort = MiraklSimulator.freePort();
        fake = new SpringApplicationBuilder(DisputeHubApplication.class).run(
                "--server.port=" + fakePort, "--spring.main.banner-mode=off",
                "--spring.profiles.active=demo", "--disputehub.sandbox.mirakl.tick=0",
                "--disputehub.bootstrap.api-key=" + Principals.API_KEY,
                "--disputehub.sandbox.mirakl.initial-orders=" + DECISIONS,
                "--disputehub.sandbox.mirakl.payable-balance=100000000",
                "--disputehub.accounts.demo-mirakl-es.enabled=false",
                "--disputehub.sync.auto-startup=false", "--disputehub.dispatch.auto-startup=false",
                "--disputehub.webhooks.auto-startup=false");
        db = JdbcClient.create(new DriverManagerDataSource(TestDatabase.url(), "postgres", ""));
    }

    @AfterAll
    static void stopMarketplace() {
        fake.close();
    }

    /** The connector's arguments: the first JVM sends at 40 a second, so that the kill falls mid-way; the second at 200. */
    static String[] connector(int perSecond) {
        return new String[] {
                "--disputehub.embedded-db.enabled=false",
                "--disputehub.accounts." + ACCOUNT + ".channel=mirakl",
                "--disputehub.accounts." + ACCOUNT + ".base-url=http://127.0.0.1:" + fakePort + "/sandbox/mirakl",
                "--disputehub.accounts." + ACCOUNT + ".credentials.api-key=sandbox-mirakl-shop-key",
                "--disputehub.accounts." + ACCOUNT + ".poll-interval=1h",
                "--disputehub.dispatch.poll-interval=100ms", "--disputehub.dispatch.heartbeat=1s",
                "--disputehub.dispatch.instance-timeout=4s", "--disputehub.dispatch.recovery-interval=1s",
                "--resilience4j.ratelimiter.configs.mirakl.limit-for-period=" + perSecond};
    }

    long decisions(String state) {
        return db.sql("select count(*) from decision where account_id = ? and state = ?").params(ACCOUNT, state)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("X4: SIGKILL mid-way through 1,000 refunds; after a restart each was received exactly once, none lost")
    void killedMidWay() throws Exception {
        long sentAtCrash;
        long inFlightAtCrash;
        List<UUID> unanswered;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            try (ConnectorProcess first = ConnectorProcess.start("crash-1-killed-mid-way", connector(40))) {
                await().atMost(Duration.ofSeconds(60)).until(() -> db.sql(
                        "select count(*) from sync_state where account_id = ? and last_success is not null").param(ACCOUNT).query(Long.class).single() == 1);
                List<UUID> incidents = db.sql("select id from incident where account_id = ? order by external_id limit ?")
                        .params(ACCOUNT, DECISIONS).query(UUID.class).list();
                assertThat(incidents).hasSize(DECISIONS);
                Map<UUID, Future<Integer>> queued = queueRefunds(pool, first.api(), incidents);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> decisions("SENT") >= 300);
                first.kill();
                sentAtCrash = decisions("SENT");
                unanswered = unanswered(queued);
            }
            inFlightAtCrash = decisions("SENDING");

            try (ConnectorProcess second = ConnectorProcess.start("crash-2-finishes", connector(200))) {
                assertThat(unanswered(queueRefunds(pool, second.api(), unanswered))).as("refunds asked again with their keys").isEmpty();
                await().atMost(Duration.ofSeconds(90)).until(() -> decisions("SENT") == DECISIONS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(sentAtCrash).as("killed mid-way").isLessThan(DECISIONS);
        Map<String, Integer> refundsPerLine = MiraklSimulator.refundsPerLine(fakePort);
        assertThat(refundsPerLine.values().stream().mapToInt(Integer::intValue).sum())
                .as("refunds the marketplace received (%d were being sent at the crash, %d asked again)",
                        inFlightAtCrash, unanswered.size()).isEqualTo(DECISIONS);
        assertThat(refundsPerLine.values()).allMatch(n -> n == 1);
        List<String> decidedLines = db.sql("""
                select i.external_id from decision d join incident i on i.id = d.incident_id where d.account_id = ?
                """).param(ACCOUNT).query(String.class).list();
        assertThat(refundsPerLine.keySet()).containsExactlyInAnyOrderElementsOf(decidedLines);
        assertThat(decisions("FAILED") + decisions("UNKNOWN") + decisions("REJECTED")).isZero();
    }

    /**
     * Posts one total refund per incident through the API, eight at a time, each with an Idempotency-Key of its
     * own, while the test watches the sending: the kill may come before every refund is queued (on a slow machine
     * queueing outlasts sending), and a request cut by it is asked again of the next JVM with the same key, as an
     * ERP would.
     */
    private static Map<UUID, Future<Integer>> queueRefunds(ExecutorService pool, Api api, List<UUID> incidents) {
        Map<UUID, Future<Integer>> answers = new LinkedHashMap<>();
        for (UUID incident : incidents) {
            answers.put(incident, pool.submit(() -> postRefund(api, incident)));
        }
        return answers;
    }

    /** The answer's status, or 0 when the connector was not there to answer. */
    private static int postRefund(Api api, UUID incident) {
        try {
            return api.post("/api/incidents/" + incident + "/decisions", "{\"type\":\"REFUND\",\"mode\":\"TOTAL\",\"reasonCode\":\"20\"}",
                    "Idempotency-Key", "crash-refund-" + incident).status();
        } catch (UncheckedIOException e) {
            return 0;
        }
    }

    /** The refunds the killed JVM did not accept: cut by the kill or never sent; any other answer fails the test. */
    private static List<UUID> unanswered(Map<UUID, Future<Integer>> queued) throws Exception {
        List<UUID> unanswered = new ArrayList<>();
        for (Map.Entry<UUID, Future<Integer>> answer : queued.entrySet()) {
            int status = answer.getValue().get(60, TimeUnit.SECONDS);
            assertThat(status).as("refund for %s", answer.getKey()).isIn(0, 202);
            if (status == 0) {
                unanswered.add(answer.getKey());
            }
        }
        return unanswered;
    }
}
