package com.disputehub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.disputehub.support.ConnectorProcess;
import com.disputehub.support.TestDatabase;

/**
 * Issue 17, goals 2 and 5: the connector in a JVM of its own with {@code -Xmx512m}, running its demo (sandbox channels,
 * demo users), makes the initial sync of {@code -Dbench.disputes} disputes (100,000) from a loopback Mirakl that serves
 * its pages instantly (Mirakl's published 10 calls a second lifted). As the ingestion benchmark does, it first warms
 * the path up: another account's initial sync of {@code -Dbench.sync-warmup} disputes (20,000), while the measured
 * account's channel holds its first page; its time is written down too, as a fresh JVM's. The measured time runs from
 * the first page's release to the poll's success as the account's sync state records it. Then the heap after a full
 * GC and the process's resident memory, current and peak.
 */
@Tag("benchmark")
class SyncBenchmark {

    static final int DISPUTES = Integer.getInteger("bench.disputes", 100_000);
    static final int WARMUP = Integer.getInteger("bench.sync-warmup", 20_000);
    static final String ACCOUNT = "bench-sync";
    static final String WARM = "bench-warm";

    @Test
    void initialSync() throws Exception {
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(TestDatabase.url(), "postgres", ""));
        List<String> report = new ArrayList<>();
        List<String> accounts = new ArrayList<>(List.of("--spring.profiles.active=demo",
                "--disputehub.embedded-db.enabled=false",
                // the measured account's first page is held while the warm-up runs
                "--disputehub.http.read-timeout=10m"));
        try (LoopbackMirakl warm = new LoopbackMirakl(WARMUP);
             LoopbackMirakl mirakl = new LoopbackMirakl(DISPUTES).held()) {
            accounts.addAll(account(WARM, warm));
            accounts.addAll(account(ACCOUNT, mirakl));
            try (ConnectorProcess connector = ConnectorProcess.start("bench-sync", List.of("-Xmx512m"),
                    accounts.toArray(String[]::new))) {
                double cold = pollSeconds(db, WARM);
                Instant released = db.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
                mirakl.open();
                pollSeconds(db, ACCOUNT);
                double seconds = Duration.between(released, db.sql("select last_success from sync_state where account_id = ?")
                        .param(ACCOUNT).query(Timestamp.class).single().toInstant()).toNanos() / 1e9;
                assertThat(db.sql("select count(*) from incident where account_id = ?").param(ACCOUNT).query(Long.class).single())
                        .isEqualTo(DISPUTES);
                String status = Files.readString(Path.of("/proc/" + connector.pid() + "/status"));
                jcmd(connector.pid(), "GC.run");
                String heap = jcmd(connector.pid(), "GC.heap_info");
                report.add(String.format("initial sync of %d disputes (loopback Mirakl, pages of 100, its rate limit lifted), demo"
                        + " running, -Xmx512m, after another account's %d", DISPUTES, WARMUP));
                report.add(String.format("%-40s %8.1f s, %8.0f per second", "the poll, first page to success", seconds,
                        DISPUTES / seconds));
                report.add(String.format("%-40s %8.1f s, %8.0f per second", "the warm-up's poll, on a fresh JVM", cold,
                        WARMUP / cold));
                report.add(String.format("%-40s %s", "heap used after a full GC", group(heap, "used (\\d+K)")));
                report.add(String.format("%-40s %s (peak %s)", "resident memory", group(status, "VmRSS:\\s+(\\d+ kB)"),
                        group(status, "VmHWM:\\s+(\\d+ kB)")));
            }
        }
        Reports.write("initial sync and memory", report);
    }

    /** A loopback Mirakl account, its published rate limit lifted: a channel that serves pages instantly (goal 2). */
    private static List<String> account(String id, LoopbackMirakl mirakl) {
        return List.of("--disputehub.accounts." + id + ".channel=mirakl",
                "--disputehub.accounts." + id + ".base-url=" + mirakl.baseUrl(),
                "--disputehub.accounts." + id + ".credentials.api-key=" + LoopbackMirakl.KEY,
                "--disputehub.accounts." + id + ".poll-interval=1h",
                "--resilience4j.ratelimiter.configs." + id + ".limit-for-period=1000000",
                "--resilience4j.ratelimiter.configs." + id + ".limit-refresh-period=1s");
    }

    /** Waits for the account's first poll to succeed; its time from start to success. */
    private static double pollSeconds(JdbcClient db, String account) {
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> db.sql(
                "select count(*) from sync_state where account_id = ? and last_success is not null").param(account)
                .query(Long.class).single() == 1);
        assertThat(db.sql("select last_error from sync_state where account_id = ?").param(account).query(String.class)
                .optional()).isEmpty();
        return db.sql("select extract(epoch from last_success - last_poll_started) from sync_state where account_id = ?")
                .param(account).query(Double.class).single();
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return out;
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "(not found)";
    }
}
