package com.disputehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time from Linux's {@code /proc}, for telling where a benchmark's cores went: this JVM (the connector, and any
 * fake it hosts) and every PostgreSQL process on the machine. In clock ticks of 10 ms, as the kernel counts them.
 */
record CpuTime(long jvmTicks, long postgresTicks) {

    static CpuTime now() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            long postgres = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> ticks(p, "(postgres)")).sum();
            return new CpuTime(ticks(Path.of("/proc/" + ProcessHandle.current().pid()), null), postgres);
        } catch (IOException e) {
            return new CpuTime(0, 0);
        }
    }

    /** The CPU spent since {@code before}, per item, in milliseconds: "JVM x ms, PostgreSQL y ms". */
    String perItemSince(CpuTime before, int items) {
        return String.format("JVM %.2f ms, PostgreSQL %.2f ms", 10.0 * (jvmTicks - before.jvmTicks) / items,
                10.0 * (postgresTicks - before.postgresTicks) / items);
    }

    /** utime + stime of a process, when its name is {@code name} (any when null); 0 when it is gone. */
    private static long ticks(Path process, String name) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int end = stat.lastIndexOf(')');
            if (name != null && !stat.substring(stat.indexOf('('), end + 1).equals(name)) {
                return 0;
            }
            String[] fields = stat.substring(end + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
