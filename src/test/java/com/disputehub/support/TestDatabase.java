package com.disputehub.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.disputehub.database.EmbeddedDatabase;

/**
 * One fresh database per test run: on the machine's PostgreSQL (127.0.0.1:5432) when it answers, else on an
 * embedded PostgreSQL. {@code DISPUTEHUB_TEST_DB=embedded} forces the embedded server.
 *
 * <p>A run's database is dropped once its JVM has ended, by {@link DropWhenGone} (Spring closes its contexts in
 * shutdown hooks of their own, so the JVM cannot drop it itself). Each run also drops what runs that died left:
 * test databases nobody is connected to, older than ten minutes, and any older than three hours.
 */
public final class TestDatabase {

    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static String url;

    private TestDatabase() {
    }

    public static synchronized String url() {
        if (url == null) {
            String server = "embedded".equals(System.getenv("DISPUTEHUB_TEST_DB")) || !answers(LOCAL + "postgres")
                    ? embeddedServer() : LOCAL;
            String name = "disputehub_test_" + LocalDateTime.now().format(STAMP) + "_"
                    + UUID.randomUUID().toString().substring(0, 8);
            execute(server + "postgres", "create database " + name);
            DropWhenGone.watch(server, name);
            dropStale(server);
            url = server + name;
        }
        return url;
    }

    private static String embeddedServer() {
        try {
            Path dir = Files.createTempDirectory("disputehub-test-pg");
            String jdbc = EmbeddedDatabase.start(dir, 0);
            return jdbc.substring(0, jdbc.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create a directory for the embedded PostgreSQL", e);
        }
    }

    private static boolean answers(String jdbcUrl) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void dropStale(String server) {
        String abandoned = "disputehub_test_" + LocalDateTime.now().minusMinutes(10).format(STAMP);
        String cutoff = "disputehub_test_" + LocalDateTime.now().minusHours(3).format(STAMP);
        List<String> stale = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select d.datname, exists (select 1 from pg_stat_activity a where a.datname = d.datname)
                     from pg_database d where d.datname like 'disputehub\\_test\\_%'""")) {
            while (rs.next()) {
                String db = rs.getString(1);
                if (db.compareTo(cutoff) < 0 || db.compareTo(abandoned) < 0 && !rs.getBoolean(2)) {
                    stale.add(db);
                }
            }
        } catch (SQLException e) {
            return;
        }
        stale.forEach(db -> execute(server + "postgres", "drop database if exists " + db + " with (force)"));
    }

    private static void execute(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database set-up failed: " + sql + ": " + e.getMessage(), e);
        }
    }
}
