package io.awstutor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code awstutor sandbox --data DIR} in its own JVM, as a learner starts it, that a
 * harness can kill with SIGKILL ({@link Process#destroyForcibly} on Linux) at any moment.
 */
public final class SandboxProcess implements AutoCloseable {
    private final Process process;
    private final URI endpoint;
    private final long startMillis;

    private SandboxProcess(Process process, URI endpoint, long startMillis) {
        this.process = process;
        this.endpoint = endpoint;
        this.startMillis = startMillis;
    }

    /** Starts it and waits for the line that gives its endpoint; its stderr goes to {@code log}. */
    public static SandboxProcess start(Path data, Path log) throws IOException {
        return start(data, log, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** The JVM options {@code scripts/awstutor sandbox} gives its JVM: its argument file, read by java itself. */
    public static final List<String> SANDBOX_JVM_ARGS =
            List.of("@" + Path.of("scripts", "sandbox.jvm-args").toAbsolutePath());

    /** As the jar's manifest opens it (Add-Opens): the sandbox's header spelling, answers in one write. */
    static final String OPEN_JDK_SERVER = "--add-opens=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED";

    /**
     * With these JVM options (none: the JVM's defaults, as {@code scripts/awstutor sandbox} runs it);
     * {@code data} null: state in memory, as {@code awstutor sandbox} keeps it without {@code --data}.
     */
    public static SandboxProcess start(Path data, Path log, List<String> jvmOptions) throws IOException {
        long started = System.nanoTime();
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add(OPEN_JDK_SERVER);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "io.awstutor.cli.Main", "sandbox", "--port", "0", "--time-scale", "0"));
        if (data != null) {
            command.addAll(List.of("--data", data.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("export AWS_ENDPOINT_URL=")) {
                URI endpoint = URI.create(line.substring("export AWS_ENDPOINT_URL=".length()).trim());
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process died; nothing more to read
                    }
                }, "sandbox-stdout");
                drain.setDaemon(true);
                drain.start();
                return new SandboxProcess(process, endpoint, (System.nanoTime() - started) / 1_000_000);
            }
        }
        process.destroyForcibly();
        throw new IOException("the sandbox process ended before it was listening (exit "
                + waitExit(process) + "); see " + log);
    }

    private static int waitExit(Process process) {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public long pid() {
        return process.pid();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** From starting the JVM to the endpoint line (includes reading the data folder). */
    public long startMillis() {
        return startMillis;
    }

    /** SIGKILL: no shutdown hook, no flush, exactly what a crash or power cut leaves (bar the page cache). */
    public void kill() {
        process.destroyForcibly();
        waitExit(process);
    }

    @Override
    public void close() {
        kill();
    }
}
