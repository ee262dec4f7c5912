package com.disputehub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time from Linux's {@code /proc}, for telling where a benchmark's cores went: this JVM (the connector, and any
 * fake it hosts) and every PostgreSQL process on the machine. In clock ticks of 10 ms, as the kernel counts them. Beside
 * them, the time this JVM's JIT compilers spent: while they still compile, they take a core from the work measured.
 */
record CpuTime(long jvmTicks, long postgresTicks, long jitMillis) {

    static CpuTime now() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            long postgres = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> ticks(p, "(postgres)")).sum();
            return new CpuTime(ticks(Path.of("/proc/" + ProcessHandle.current().pid()), null), postgres, jit());
        } catch (IOException e) {
            return new CpuTime(0, 0, jit());
        }
    }

    /** The CPU spent since {@code before}, per item, in milliseconds: "JVM x ms, PostgreSQL y ms". */
    String perItemSince(CpuTime before, int items) {
        return String.format("JVM %.2f ms, PostgreSQL %.2f ms", 10.0 * (jvmTicks - before.jvmTicks) / items,
                10.0 * (postgresTicks - before.postgresTicks) / items);
    }

    /** How long the JIT compilers worked since {@code before}, in all: "JIT compilers x.x s". */
    String jitSince(CpuTime before) {
        return String.format("JIT compilers %.1f s", (jitMillis - before.jitMillis) / 1000.0);
    }

    /**
     * Waits until the JIT compilers have been idle for a second, at most {@code limit}: what they compile after a
     * warm-up otherwise takes a core from the work measured. How long they still worked, as {@link #jitSince}.
     */
    static String awaitJitIdle(java.time.Duration limit) throws InterruptedException {
        CpuTime start = now();
        long deadline = System.nanoTime() + limit.toNanos();
        long last = jit();
        int idle = 0;
        while (idle < 5 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            long current = jit();
            idle = current == last ? idle + 1 : 0;
            last = current;
        }
        return now().jitSince(start);
    }

    private static long jit() {
        var compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
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
