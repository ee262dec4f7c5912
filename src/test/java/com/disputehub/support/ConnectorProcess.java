package com.disputehub.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;

/**
 * The connector in a JVM of its own, as an operator runs it: started with arguments, on this run's test
 * database, its output in {@code target/}, and stopped the hard way ({@code SIGKILL}) when a test says so.
 * It runs with the C1 compiler only: a short-lived JVM starts in about half the time.
 */
public final class ConnectorProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ConnectorProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the connector and waits until its health endpoint answers; 512 MB of heap, a JIT that starts fast. */
    public static ConnectorProcess start(String name, String... args) {
        return start(name, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), args);
    }

    /** As {@link #start(String, String...)}, with these JVM options (a benchmark's full JIT). */
    public static ConnectorProcess start(String name, List<String> jvmOptions, String... args) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", mainClasspath(),
                "com.disputehub.DisputeHubApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + TestDatabase.url(),
                "--spring.datasource.username=postgres",
                "--spring.main.banner-mode=off",
                "--disputehub.bootstrap.api-key=" + Principals.API_KEY,
                "--disputehub.bootstrap.admin-password=" + Principals.ADMIN_PASSWORD));
        command.addAll(Arrays.asList(args));
        try {
            Path log = Path.of("target", "connector-" + name + ".log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ConnectorProcess connector = new ConnectorProcess(process, port, log);
            Api api = new Api(port);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions().until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the connector exited; see " + log);
                        }
                        return api.get("/actuator/health").status() == 200;
                    });
            return connector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api api() {
        return new Api(port);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight stays in flight. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** The test JVM's classpath without the test classes, whose hooks would give the connector a database of its own. */
    private static String mainClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("target/test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
