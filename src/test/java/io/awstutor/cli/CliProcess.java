package io.awstutor.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs awstutor as a learner's script would: a separate JVM, standard input from a pipe
 * (so the shell's non-terminal mode), a home folder of its own.
 */
final class CliProcess {
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private CliProcess() {
    }

    static Process start(Path home, Map<String, String> env, String... args) throws IOException {
        return start(home, env, List.of(), args);
    }

    /** @param jvmOptions more options for the shell's JVM ({@code -Djava.io.tmpdir=...}) */
    static Process start(Path home, Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        // as the jar's manifest does (Add-Opens), for the sandbox's header spelling
        command.add("--add-opens=jdk.httpserver/sun.net.httpserver=ALL-UNNAMED");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.awstutor.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("AWSTUTOR_"));
        builder.environment().put("AWSTUTOR_HOME", home.toString());
        // every test's fresh home shares this machine's engine downloads (MariaDB is 141 MB)
        builder.environment().put("AWSTUTOR_ENGINE_CACHE", io.awstutor.progress.TutorHome.resolve().resolve("engines").toString());
        builder.environment().putAll(env);
        return builder.start();
    }

    static Result run(Path home, String stdin, String... args) throws Exception {
        return run(home, Map.of(), stdin, args);
    }

    static Result run(Path home, Map<String, String> env, String stdin, String... args) throws Exception {
        return run(180, home, env, stdin, args);
    }

    static Result run(int timeoutSeconds, Path home, Map<String, String> env, String stdin, String... args) throws Exception {
        Process process = start(home, env, args);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("awstutor did not finish in " + timeoutSeconds + " s; output so far: " + out.getNow(""));
        }
        return new Result(process.exitValue(), out.get(), err.get());
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
