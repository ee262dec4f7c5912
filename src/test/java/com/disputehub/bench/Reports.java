package com.disputehub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where the benchmarks' numbers go: the test output, and a section each in {@code target/benchmarks.txt}. */
final class Reports {

    private static final Path FILE = Path.of("target", "benchmarks.txt");

    private Reports() {
    }

    static synchronized void write(String benchmark, List<String> lines) {
        List<String> section = new ArrayList<>();
        section.add("== " + benchmark + " (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version().feature() + ")");
        section.addAll(lines);
        section.add("");
        section.forEach(System.out::println);
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, section, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
