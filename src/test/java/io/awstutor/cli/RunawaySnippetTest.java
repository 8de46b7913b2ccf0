package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runaway snippets and killed shells, with real processes (issue 16, item 6): a looping
 * snippet in a piped session ends with the input, SIGINT stops a running snippet, SIGTERM
 * ends the shell and the Java session's JVM, and what a killed shell left in the temporary
 * folder is gone after the next start.
 */
class RunawaySnippetTest {
    private static final String LOOP = "while (true) {}\n";

    @Test
    void aLoopingSnippetInAPipeIsStoppedOnceTheInputHasEnded(@TempDir Path home, @TempDir Path tmp) throws Exception {
        Shell started = start(home, tmp, Map.of("AWSTUTOR_END_OF_INPUT_GRACE", "2"));
        Process shell = started.process();
        try (OutputStream in = shell.getOutputStream()) {
            in.write((LOOP + "1+1\n").getBytes(StandardCharsets.UTF_8));
        }
        boolean ended = shell.waitFor(90, TimeUnit.SECONDS);
        List<ProcessHandle> left = shell.descendants().filter(ProcessHandle::isAlive).toList();
        shell.descendants().forEach(ProcessHandle::destroyForcibly);
        shell.destroyForcibly();
        assertTrue(ended, "the shell still runs 90 s after its input ended");
        String text = started.stdout().get(10, TimeUnit.SECONDS);
        assertEquals(0, shell.exitValue(), text);
        assertTrue(text.contains("The input has ended and the snippet was still running after 2 s: stopping it"), text);
        assertTrue(text.contains("Stopped"), text);
        assertTrue(text.contains("$") && text.contains("==> 2"), "the line after the loop ran:\n" + text);
        assertTrue(left.isEmpty(), "processes left: " + left);
    }

    @Test
    void aSnippetThatKeepsCallingAwsAfterTheInputEndedIsWaitingNotLooping(@TempDir Path home, @TempDir Path tmp) throws Exception {
        // as a waiter does: a call, a pause, a call …, for longer than the grace (2 s) in all
        Shell started = start(home, tmp, Map.of("AWSTUTOR_END_OF_INPUT_GRACE", "2"));
        Process shell = started.process();
        try (OutputStream in = shell.getOutputStream()) {
            // 1+1 first: the Java session is up before the clock of the loop starts
            in.write(("1+1\nfor (int i = 0; i < 8; i++) { sts.getCallerIdentity(); Thread.sleep(1000); }\n"
                    + "System.out.println(\"polled to the end\");\n").getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(shell.waitFor(90, TimeUnit.SECONDS), "the shell still runs 90 s after its input ended");
        String text = started.stdout().get(10, TimeUnit.SECONDS);
        assertEquals(0, shell.exitValue(), text);
        assertTrue(text.contains("polled to the end") && !text.contains("Stopped"), text);
    }

    @Test
    void sigintStopsTheRunningSnippetAndTheSessionGoesOn(@TempDir Path home, @TempDir Path tmp) throws Exception {
        Shell started = startLooping(home, tmp);
        Process shell = started.process();
        OutputStream in = shell.getOutputStream();
        Thread.sleep(500);
        signal("INT", shell.pid());
        started.awaitPrinted("Stopped (Ctrl-C).");
        in.close();
        assertTrue(shell.waitFor(90, TimeUnit.SECONDS), "the shell did not end after SIGINT and its input's end");
        String text = started.stdout().get(10, TimeUnit.SECONDS);
        assertEquals(0, shell.exitValue(), "SIGINT ended the shell instead of the snippet:\n" + text);
        assertTrue(text.contains("Stopped (Ctrl-C)."), text);
        assertTrue(text.contains("==> 2"), "the session went on after the stop:\n" + text);
    }

    @Test
    void sigtermEndsTheShellAndTheSessionsJvmAndLeavesNoTemporaryFiles(@TempDir Path home, @TempDir Path tmp) throws Exception {
        Shell started = startLooping(home, tmp);
        Process shell = started.process();
        List<ProcessHandle> children = shell.descendants().toList();
        assertTrue(!children.isEmpty(), "the Java session runs in a JVM of its own");
        shell.destroy(); // SIGTERM
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS), "SIGTERM did not end the shell");
        assertGone(children);
        assertEquals(List.of(), leftovers(tmp), "temporary files left behind");
    }

    @Test
    void aShellKilledHardTakesItsJavaSessionAlongAndTheNextStartCleansUp(@TempDir Path home, @TempDir Path tmp) throws Exception {
        Shell started = startLooping(home, tmp);
        Process shell = started.process();
        List<ProcessHandle> children = shell.descendants().toList();
        shell.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(shell.waitFor(30, TimeUnit.SECONDS));
        assertGone(children);
        assertTrue(!leftovers(tmp).isEmpty(), "a shell killed with SIGKILL cannot clean up; the next one does");

        Shell next = start(home, tmp, Map.of());
        try (OutputStream nextIn = next.process().getOutputStream()) {
            nextIn.write("1+1\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(next.process().waitFor(90, TimeUnit.SECONDS));
        assertTrue(next.stdout().get().contains("==> 2"), next.stdout().get());
        assertEquals(List.of(), leftovers(tmp), "what the killed shell left is removed by the next start");
    }

    /** A shell process and everything it printed so far (stdout and stderr). */
    private record Shell(Process process, StringBuffer printed, CompletableFuture<String> stdout) {
        void awaitPrinted(String marker) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (printed.indexOf(marker) < 0) {
                assertTrue(process.isAlive(), "the shell ended early:\n" + printed);
                assertTrue(System.nanoTime() < deadline, "no '" + marker + "' within 90 s:\n" + printed);
                Thread.sleep(100);
            }
        }
    }

    /** A shell (its input left open) whose session runs a loop; the line after it waits. */
    private static Shell startLooping(Path home, Path tmp) throws Exception {
        Shell started = start(home, tmp, Map.of());
        OutputStream in = started.process().getOutputStream();
        // a piped shell reads the line after a snippet before running it (a call chain may go on there)
        in.write(("System.out.println(\"looping\");" + LOOP + "1+1\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
        started.awaitPrinted("looping");
        return started;
    }

    private static Shell start(Path home, Path tmp, Map<String, String> env) throws IOException {
        Process process = CliProcess.start(home, env, List.of("-Djava.io.tmpdir=" + tmp));
        StringBuffer printed = new StringBuffer();
        CompletableFuture<String> stdout = drain(process.getInputStream(), printed);
        drain(process.getErrorStream(), printed);
        return new Shell(process, printed, stdout);
    }

    private static CompletableFuture<String> drain(InputStream stream, StringBuffer printed) {
        return CompletableFuture.supplyAsync(() -> {
            byte[] buffer = new byte[4096];
            StringBuilder all = new StringBuilder();
            try (stream) {
                for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                    String chunk = new String(buffer, 0, n, StandardCharsets.UTF_8);
                    all.append(chunk);
                    printed.append(chunk);
                }
            } catch (IOException e) {
                // the process ended
            }
            return all.toString();
        });
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor());
    }

    private static void assertGone(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && processes.stream().anyMatch(ProcessHandle::isAlive)) {
            Thread.sleep(100);
        }
        List<ProcessHandle> alive = processes.stream().filter(ProcessHandle::isAlive).toList();
        alive.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), alive, "the Java session's JVM outlived the shell");
    }

    private static List<String> leftovers(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("awstutor-s3-") || n.startsWith("awstutor-calls")).sorted().toList();
        }
    }
}
