package com.disputehub.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Issue 17, goal 6: {@code -Dbench.accounts} Mirakl accounts (1,000) configured in one connector JVM ({@code -Xmx512m}),
 * each with 10 disputes on a loopback Mirakl, all due at once: how long until every one has polled, and the most
 * threads and database connections the JVM held meanwhile.
 */
@Tag("benchmark")
class AccountsBenchmark {

    static final int ACCOUNTS = Integer.getInteger("bench.accounts", 1_000);

    @Test
    void manyAccounts() throws Exception {
        JdbcClient db = JdbcClient.create(new DriverManagerDataSource(TestDatabase.url(), "postgres", ""));
        List<String> report = new ArrayList<>();
        try (LoopbackMirakl mirakl = new LoopbackMirakl(10)) {
            List<String> args = new ArrayList<>(List.of("--disputehub.embedded-db.enabled=false"));
            for (int i = 0; i < ACCOUNTS; i++) {
                String prefix = "--disputehub.accounts.many-" + i + ".";
                args.addAll(List.of(prefix + "channel=mirakl", prefix + "base-url=" + mirakl.baseUrl(),
                        prefix + "credentials.api-key=" + LoopbackMirakl.KEY, prefix + "poll-interval=1h"));
            }
            long started = System.nanoTime();
            try (ConnectorProcess connector = ConnectorProcess.start("bench-accounts", List.of("-Xmx512m"),
                    args.toArray(String[]::new))) {
                int threads = 0;
                long connections = 0;
                while (db.sql("select count(*) from sync_state where account_id like 'many-%' and last_success is not null")
                        .query(Long.class).single() < ACCOUNTS) {
                    assertThat(System.nanoTime() - started).as("every account polled within 10 minutes")
                            .isLessThan(Duration.ofMinutes(10).toNanos());
                    threads = Math.max(threads, threads(connector.pid()));
                    connections = Math.max(connections, db.sql("""
                            select count(*) from pg_stat_activity where datname = current_database() and application_name = 'PostgreSQL JDBC Driver'
                            """).query(Long.class).single() - 1);
                    Thread.sleep(200);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                assertThat(db.sql("select count(*) from incident where account_id like 'many-%'").query(Long.class).single())
                        .isEqualTo(10L * ACCOUNTS);
                assertThat(db.sql("select count(*) from sync_state where account_id like 'many-%' and last_error is not null")
                        .query(Long.class).single()).isZero();
                report.add(String.format("%d accounts, 10 disputes each, all due at once, one JVM -Xmx512m", ACCOUNTS));
                report.add(String.format("%-40s %8.1f s (JVM start included)", "every account polled", seconds));
                report.add(String.format("%-40s %8d", "most threads in the JVM", threads));
                report.add(String.format("%-40s %8d (pool maximum 16)", "most database connections", connections));
                report.add(String.format("%-40s %s", "resident memory at the end", group(Files.readString(
                        Path.of("/proc/" + connector.pid() + "/status")), "VmRSS:\\s+(\\d+ kB)")));
            }
        }
        Reports.write("many accounts", report);
    }

    private static int threads(long pid) throws Exception {
        return Integer.parseInt(group(Files.readString(Path.of("/proc/" + pid + "/status")), "Threads:\\s+(\\d+)"));
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "0";
    }
}
