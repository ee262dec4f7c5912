package com.disputehub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.disputehub.DisputeHubApplication;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.database.Sql;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.IdempotencyKey;
import com.disputehub.support.ConnectorProcess;
import com.disputehub.sync.AccountSync;

/**
 * Issue 17, goal 7: one, two and three connector JVMs on one PostgreSQL drain one outbox of {@code -Dbench.round}
 * refunds each round (1,500) to a loopback Mirakl answering in 50 ms ({@link LoopbackMirakl}), rate limit lifted. The refunds are queued
 * beforehand, due at one moment after every instance has started; the rate runs from that moment to the last SENT.
 * Every refund must reach the marketplace exactly once.
 */
@Tag("benchmark")
class InstancesBenchmark {

    static final int ROUND = Integer.getInteger("bench.round", 1_500);
    static final String ACCOUNT = "bench-instances";
    static LoopbackMirakl marketplace;
    static ConfigurableApplicationContext queue;

    @BeforeAll
    static void start() {
        marketplace = new LoopbackMirakl(3 * ROUND, DispatchBenchmark.LATENCY, 0);
        queue = new SpringApplicationBuilder(DisputeHubApplication.class).run(connector("--server.port=0",
                "--spring.main.banner-mode=off", "--disputehub.dispatch.auto-startup=false"));
    }

    @AfterAll
    static void stop() {
        if (queue != null) {
            queue.close();
        }
        if (marketplace != null) {
            marketplace.close();
        }
    }

    static String[] connector(String... more) {
        List<String> args = new ArrayList<>(List.of("--disputehub.accounts." + ACCOUNT + ".channel=mirakl",
                "--disputehub.accounts." + ACCOUNT + ".base-url=" + marketplace.baseUrl(),
                "--disputehub.accounts." + ACCOUNT + ".credentials.api-key=" + LoopbackMirakl.KEY,
                "--disputehub.accounts." + ACCOUNT + ".poll-interval=1h",
                "--resilience4j.ratelimiter.configs.mirakl.limit-for-period=1000000",
                "--resilience4j.ratelimiter.configs.mirakl.limit-refresh-period=1s",
                "--disputehub.sync.auto-startup=false", "--disputehub.webhooks.auto-startup=false",
                "--disputehub.embedded-db.enabled=false"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void instances() {
        JdbcClient jdbc = queue.getBean(JdbcClient.class);
        queue.getBean(AccountSync.class).poll(queue.getBean(ChannelAccounts.class).find(ACCOUNT).orElseThrow());
        List<UUID> incidents = jdbc.sql("select id from incident where account_id = ? order by external_id limit ?")
                .params(ACCOUNT, 3 * ROUND).query(UUID.class).list();
        assertThat(incidents).hasSize(3 * ROUND);
        List<String> report = new ArrayList<>();
        report.add(String.format("%d refunds per round to a marketplace answering in 50 ms, rate limit lifted", ROUND));
        for (int instances = 1; instances <= 3; instances++) {
            List<UUID> round = incidents.subList((instances - 1) * ROUND, instances * ROUND);
            DecisionService decisions = queue.getBean(DecisionService.class);
            List<UUID> ids = new ArrayList<>();
            for (UUID incident : round) {
                ids.add(decisions.submit(incident, new Refund(Refund.Mode.TOTAL, "20", null, null, null, null, null), "bench",
                        IdempotencyKey.client("bench", "refund-" + incident)).decision().id());
            }
            Instant due = Instant.now().plusSeconds(30L + 15L * instances);
            jdbc.sql("update decision set next_attempt_at = :due where id in (:ids)").param("due", Sql.ts(due))
                    .param("ids", ids).update();
            List<CompletableFuture<ConnectorProcess>> starting = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String name = "bench-instance-" + instances + "-" + i;
                starting.add(CompletableFuture.supplyAsync(() -> ConnectorProcess.start(name, List.of("-Xmx512m"),
                        connector("--disputehub.dispatch.poll-interval=200ms"))));
            }
            List<ConnectorProcess> running = starting.stream().map(CompletableFuture::join).toList();
            try {
                assertThat(Instant.now()).as("every instance started before the refunds fall due").isBefore(due);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
                        "select count(*) from decision where id in (:ids) and state = 'SENT'").param("ids", ids)
                        .query(Long.class).single() == ROUND);
            } finally {
                running.forEach(ConnectorProcess::close);
            }
            double seconds = jdbc.sql("select extract(epoch from max(updated_at) - :due) from decision where id in (:ids)")
                    .param("due", Sql.ts(due)).param("ids", ids).query(Double.class).single();
            long senders = jdbc.sql("select count(distinct claimed_by) from decision where id in (:ids)").param("ids", ids)
                    .query(Long.class).single();
            report.add(String.format("%d instance(s): %6.0f per second (%d sent in %.1f s by %d instances)", instances,
                    ROUND / seconds, ROUND, seconds, senders));
        }
        Map<String, Integer> refunds = marketplace.refundsPerLine();
        assertThat(refunds.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3 * ROUND);
        assertThat(refunds.values()).as("none sent twice").allMatch(n -> n == 1);
        Reports.write("instances", report);
    }
}
