package com.disputehub.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A small process of its own that waits for the test JVM to end, then drops that run's database: the JVM cannot
 * drop it itself, because Spring closes its cached contexts (and their pools) in shutdown hooks of their own.
 * Arguments: the test JVM's pid, the server's JDBC URL (ending in '/'), the database's name.
 */
public final class DropWhenGone {

    private DropWhenGone() {
    }

    public static void main(String[] args) throws SQLException {
        ProcessHandle.of(Long.parseLong(args[0])).ifPresent(p -> p.onExit().join());
        try (Connection c = DriverManager.getConnection(args[1] + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + args[2] + " with (force)");
        }
    }

    /** Starts the watcher for this JVM; a run that cannot start it leaves its database to the stale sweep. */
    static void watch(String server, String database) {
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        try {
            new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DropWhenGone.class.getName(),
                    Long.toString(ProcessHandle.current().pid()), server, database)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            System.err.println("cannot start the watcher that drops " + database + " at the end: " + e.getMessage());
        }
    }
}
