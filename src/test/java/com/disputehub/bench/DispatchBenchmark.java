package com.disputehub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.disputehub.DisputeHubApplication;
import com.disputehub.channel.command.Refund;
import com.disputehub.channel.runtime.ChannelAccounts;
import com.disputehub.decision.DecisionService;
import com.disputehub.decision.IdempotencyKey;
import com.disputehub.sync.AccountSync;

/**
 * Issue 17, goal 3: decisions sent to a loopback Mirakl answering every refund in 50 ms ({@link LoopbackMirakl}) with
 * the connector's rate limit lifted. {@code -Dbench.decisions} refunds (3,000) are queued with the dispatcher stopped,
 * then it is started and timed until none waits; the marketplace must then hold exactly one refund per line. Then the
 * same against a marketplace answering 429 beyond {@code -Dbench.limit} writes in any second, the account limited to
 * that rate.
 */
@Tag("benchmark")
class DispatchBenchmark {

    static final int DECISIONS = Integer.getInteger("bench.decisions", 6_000);
    /** Decisions sent before the measured ones, so that the JIT has compiled the path first. */
    static final int WARM_UP = 2_000;
    static final String ACCOUNT = "bench-dispatch";
    /** The second round: an account limited to the rate its marketplace allows. */
    static final String LIMITED = "bench-limited";
    static final int LIMIT = Integer.getInteger("bench.limit", 100);
    static final int LIMITED_DECISIONS = 20 * LIMIT;
    static final Duration LATENCY = Duration.ofMillis(50);
    static LoopbackMirakl marketplace;
    static LoopbackMirakl limitedMarketplace;
    static ConfigurableApplicationContext connector;

    @BeforeAll
    static void start() {
        marketplace = new LoopbackMirakl(WARM_UP + DECISIONS, LATENCY, 0);
        limitedMarketplace = new LoopbackMirakl(LIMITED_DECISIONS, LATENCY, LIMIT);
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--spring.main.banner-mode=off",
                "--disputehub.accounts." + ACCOUNT + ".channel=mirakl",
                "--disputehub.accounts." + ACCOUNT + ".base-url=" + marketplace.baseUrl(),
                "--disputehub.accounts." + ACCOUNT + ".credentials.api-key=" + LoopbackMirakl.KEY,
                "--resilience4j.ratelimiter.configs.mirakl.limit-for-period=1000000",
                "--resilience4j.ratelimiter.configs.mirakl.limit-refresh-period=1s",
                "--disputehub.accounts." + LIMITED + ".channel=mirakl",
                "--disputehub.accounts." + LIMITED + ".base-url=" + limitedMarketplace.baseUrl(),
                "--disputehub.accounts." + LIMITED + ".credentials.api-key=" + LoopbackMirakl.KEY,
                "--resilience4j.ratelimiter.configs." + LIMITED + ".limit-for-period=" + LIMIT,
                "--resilience4j.ratelimiter.configs." + LIMITED + ".limit-refresh-period=1s",
                "--resilience4j.ratelimiter.configs." + LIMITED + ".timeout-duration=30s",
                "--disputehub.dispatch.workers=" + Integer.getInteger("bench.workers", 64),
                "--disputehub.sync.auto-startup=false", "--disputehub.dispatch.auto-startup=false",
                "--disputehub.webhooks.auto-startup=false"));
        if (System.getProperty("bench.batch-size") != null) {
            // another batch size than the connector's default, to compare
            args.add("--disputehub.dispatch.batch-size=" + System.getProperty("bench.batch-size"));
        }
        connector = new SpringApplicationBuilder(DisputeHubApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        if (limitedMarketplace != null) {
            limitedMarketplace.close();
        }
        if (marketplace != null) {
            marketplace.close();
        }
    }

    @Test
    void dispatch() {
        JdbcClient jdbc = connector.getBean(JdbcClient.class);
        connector.getBean(AccountSync.class).poll(connector.getBean(ChannelAccounts.class).find(ACCOUNT).orElseThrow());
        List<UUID> incidents = jdbc.sql("select id from incident where account_id = ? order by external_id limit ?")
                .params(ACCOUNT, WARM_UP + DECISIONS).query(UUID.class).list();
        assertThat(incidents).hasSize(WARM_UP + DECISIONS);
        DecisionService decisions = connector.getBean(DecisionService.class);
        send(jdbc, decisions, ACCOUNT, incidents.subList(0, WARM_UP));
        long queueing = System.nanoTime();
        Sent sent = send(jdbc, decisions, ACCOUNT, incidents.subList(WARM_UP, incidents.size()));
        long sending = sent.nanos();
        queueing = System.nanoTime() - queueing - sending;

        Map<String, Integer> refunds = marketplace.refundsPerLine();
        assertThat(refunds.values().stream().mapToInt(Integer::intValue).sum()).as("refunds the marketplace holds")
                .isEqualTo(WARM_UP + DECISIONS);
        assertThat(refunds.values()).as("none sent twice").allMatch(n -> n == 1);
        assertThat(jdbc.sql("select count(*) from decision where account_id = ? and state <> 'SENT'").param(ACCOUNT)
                .query(Long.class).single()).isZero();

        List<String> report = new ArrayList<>();
        report.add(String.format("%d refunds to a marketplace answering in 50 ms, rate limit lifted, %d workers, batches of %d",
                DECISIONS, Integer.getInteger("bench.workers", 64),
                connector.getEnvironment().getProperty("disputehub.dispatch.batch-size", Integer.class)));
        report.add(String.format("%-40s %8.0f per second", "queued (DecisionService.submit)", DECISIONS / (queueing / 1e9)));
        report.add(String.format("(after %d sent to warm up)", WARM_UP));
        report.add(String.format("%-40s %8.0f per second (%d ms), none twice", "sent", DECISIONS / (sending / 1e9), sending / 1_000_000));
        report.add(String.format("%-40s %s", "CPU per decision sent", sent.cpu()));

        connector.getBean(AccountSync.class).poll(connector.getBean(ChannelAccounts.class).find(LIMITED).orElseThrow());
        List<UUID> limited = jdbc.sql("select id from incident where account_id = ? order by external_id limit ?")
                .params(LIMITED, LIMITED_DECISIONS).query(UUID.class).list();
        assertThat(limited).hasSize(LIMITED_DECISIONS);
        long limitedSending = send(jdbc, decisions, LIMITED, limited).nanos();
        assertThat(limitedMarketplace.refundsPerLine().values()).hasSize(LIMITED_DECISIONS).allMatch(n -> n == 1);
        double rate = LIMITED_DECISIONS / (limitedSending / 1e9);
        report.add(String.format("%d refunds to a marketplace allowing %d writes in any second, the account limited to %d a second",
                LIMITED_DECISIONS, LIMIT, LIMIT));
        report.add(String.format("%-40s %8.1f per second, %.1f%% of the allowed rate, %d answered 429", "sent", rate,
                100 * rate / LIMIT, limitedMarketplace.refused()));
        report.add(String.format("%-40s %8.1f per second, %.1f%% of the allowed rate", "  between first and last at the marketplace",
                limitedMarketplace.writeRate(), 100 * limitedMarketplace.writeRate() / LIMIT));
        Reports.write("dispatch", report);
    }

    /** How long sending took, and the CPU it cost per decision (the fake's included in the JVM's). */
    record Sent(long nanos, String cpu) {
    }

    /** Queues a total refund of each incident with the dispatcher stopped, then starts it and waits until none waits. */
    private static Sent send(JdbcClient jdbc, DecisionService decisions, String account, List<UUID> incidents) {
        for (UUID incident : incidents) {
            decisions.submit(incident, new Refund(Refund.Mode.TOTAL, "20", null, null, null, null, null), "bench",
                    IdempotencyKey.client("bench", "refund-" + incident));
        }
        Lifecycle dispatcher = connector.getBean("decisionDispatch.poller", Lifecycle.class);
        CpuTime cpu = CpuTime.now();
        long started = System.nanoTime();
        dispatcher.start();
        // a cheap look (the outbox's partial indexes) every 50 ms: the benchmark's own queries share PostgreSQL's cores
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50)).until(() -> !jdbc.sql("""
                select exists (select 1 from decision where state = 'REQUESTED' and account_id = ?)
                  or exists (select 1 from decision where state = 'SENDING' and account_id = ?)
                """).params(account, account).query(Boolean.class).single());
        long sending = System.nanoTime() - started;
        String cost = CpuTime.now().perItemSince(cpu, incidents.size());
        dispatcher.stop();
        return new Sent(sending, cost);
    }
}
