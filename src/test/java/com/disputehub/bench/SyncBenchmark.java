package com.disputehub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * its pages instantly; the poll's own time (from its start to its success, as the account's sync state records them)
 * beside the heap after a full GC and the process's resident memory, current and peak.
 */
@Tag("benchmark")
class SyncBenchmark {

    static final int DISPUTES = Integer.getInteger("bench.disputes", 100_000);
    static final String ACCOUNT = "bench-sync";

    @Test
    void initialSync() throws Exception {
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(TestDatabase.url(), "postgres", ""));
        List<String> report = new ArrayList<>();
        try (LoopbackMirakl mirakl = new LoopbackMirakl(DISPUTES);
             ConnectorProcess connector = ConnectorProcess.start("bench-sync", List.of("-Xmx512m"),
                     "--spring.profiles.active=demo", "--disputehub.embedded-db.enabled=false",
                     "--disputehub.accounts." + ACCOUNT + ".channel=mirakl",
                     "--disputehub.accounts." + ACCOUNT + ".base-url=" + mirakl.baseUrl(),
                     "--disputehub.accounts." + ACCOUNT + ".credentials.api-key=" + LoopbackMirakl.KEY,
                     "--disputehub.accounts." + ACCOUNT + ".poll-interval=1h",
                     // a channel that serves pages instantly (goal 2): Mirakl's published 10 calls a second lifted
                     "--resilience4j.ratelimiter.configs." + ACCOUNT + ".limit-for-period=1000000",
                     "--resilience4j.ratelimiter.configs." + ACCOUNT + ".limit-refresh-period=1s")) {
            await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1)).until(() -> db.sql(
                    "select count(*) from sync_state where account_id = ? and last_success is not null").param(ACCOUNT)
                    .query(Long.class).single() == 1);
            double seconds = db.sql("""
                    select extract(epoch from last_success - last_poll_started) from sync_state where account_id = ?
                    """).param(ACCOUNT).query(Double.class).single();
            assertThat(db.sql("select count(*) from incident where account_id = ?").param(ACCOUNT).query(Long.class).single())
                    .isEqualTo(DISPUTES);
            assertThat(db.sql("select last_error from sync_state where account_id = ?").param(ACCOUNT).query(String.class)
                    .optional()).isEmpty();
            String status = Files.readString(Path.of("/proc/" + connector.pid() + "/status"));
            jcmd(connector.pid(), "GC.run");
            String heap = jcmd(connector.pid(), "GC.heap_info");
            report.add(String.format("initial sync of %d disputes (loopback Mirakl, pages of 100), demo running, -Xmx512m", DISPUTES));
            report.add(String.format("%-40s %8.1f s, %8.0f per second", "the poll, start to success", seconds, DISPUTES / seconds));
            report.add(String.format("%-40s %s", "heap used after a full GC", group(heap, "used (\\d+K)")));
            report.add(String.format("%-40s %s (peak %s)", "resident memory", group(status, "VmRSS:\\s+(\\d+ kB)"),
                    group(status, "VmHWM:\\s+(\\d+ kB)")));
        }
        Reports.write("initial sync and memory", report);
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
