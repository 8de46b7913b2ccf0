package io.awstutor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The process's CPU time by kind of thread (the sandbox's request threads, the JIT compilers,
 * the garbage collector, ...), from Linux's /proc/self/task: where a benchmark's CPU went,
 * which one process total cannot tell. A thread that ended between two readings (a bench's
 * client threads) is counted in "ended threads (the bench's clients)" (the process total less what the live ones
 * used). Empty where there is no /proc.
 */
final class ThreadCpu {
    /** Clock ticks: what /proc counts in (USER_HZ, 100 on every Linux the JDK runs on). */
    private static final double NANOS_PER_TICK = 1e9 / 100;

    private final Map<String, Long> ticksByThread;
    private final long processNanos;

    private ThreadCpu(Map<String, Long> ticksByThread, long processNanos) {
        this.ticksByThread = ticksByThread;
        this.processNanos = processNanos;
    }

    static ThreadCpu now() {
        return of("self", SlowClientBench.processCpuNanos());
    }

    /** Another process's threads (the process total is theirs: nothing ended is counted). */
    static ThreadCpu ofProcess(long pid) {
        return of(Long.toString(pid), -1);
    }

    private static ThreadCpu of(String process, long processNanos) {
        Map<String, Long> ticks = new HashMap<>();
        Path tasks = Path.of("/proc", process, "task");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> list = Files.list(tasks)) {
                list.forEach(task -> read(task, ticks));
            } catch (IOException e) {
                ticks.clear();
            }
        }
        return new ThreadCpu(ticks, processNanos);
    }

    private static void read(Path task, Map<String, Long> ticks) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            String[] fields = stat.substring(close + 2).split(" ");
            // after "(comm) ": state is field 3 of stat(5), utime 14 and stime 15
            long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            ticks.put(task.getFileName() + " " + stat.substring(open + 1, close), used);
        } catch (IOException | RuntimeException gone) {
            // the thread ended while we listed it
        }
    }

    /** CPU milliseconds by kind of thread between {@code before} and this reading, largest first. */
    Map<String, Double> since(ThreadCpu before) {
        Map<String, Double> byKind = new TreeMap<>();
        double known = 0;
        for (Map.Entry<String, Long> e : ticksByThread.entrySet()) {
            long used = e.getValue() - before.ticksByThread.getOrDefault(e.getKey(), 0L);
            double millis = used * NANOS_PER_TICK / 1e6;
            byKind.merge(kind(e.getKey().substring(e.getKey().indexOf(' ') + 1)), millis, Double::sum);
            known += millis;
        }
        if (ticksByThread.isEmpty()) {
            return Map.of();
        }
        if (processNanos >= 0) {
            byKind.merge("ended threads (the bench's clients)", Math.max(0, (processNanos - before.processNanos) / 1e6 - known), Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Another process's CPU time in milliseconds (user and system), or -1 where there is no /proc. */
    static double processMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK / 1e6;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String kind(String comm) {
        if (comm.startsWith("awstutor-sandbo")) {
            return "sandbox request threads";
        }
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "JIT compilers";
        }
        if (comm.startsWith("G1 ") || comm.startsWith("GC ") || comm.startsWith("VM Thread")) {
            return "GC and VM";
        }
        if (comm.startsWith("canned-s3")) {
            return "canned server threads";
        }
        if (comm.startsWith("Thread-") || comm.startsWith("pool-")) {
            return "bench clients (SDK)";
        }
        if (comm.startsWith("HTTP-Dispatcher")) {
            return "sandbox connection dispatcher";
        }
        return "other: " + comm.replaceAll("[0-9]+", "N");
    }
}
