package io.awstutor.bench;

/**
 * One part of {@code scripts/bench-sandbox}: a service's calls measured against the sandbox
 * and, where moto implements them, against moto_server. To add one, write a class and list
 * it in {@link SandboxBench#SECTIONS}.
 */
public interface BenchSection {
    String title();

    /** Measures its cases and adds one row per case to the table. */
    void run(BenchContext context, BenchTable table) throws Exception;
}
