package io.awstutor.shell;

import io.awstutor.jshell.JShellEngine;
import io.awstutor.lesson.LessonCatalog;
import io.awstutor.progress.Progress;
import io.awstutor.progress.ProgressStore;
import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interactive face (JLine) over a dumb terminal: prompt, evaluation, history file, /quit. */
class InteractiveShellTest {

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    @Test
    void aDumbTerminalSessionShowsThePromptChecksTheStepAndKeepsHistory(@TempDir Path home) throws Exception {
        String typed = "var me = sts.getCallerIdentity();\n/hint\n/progress\n/quit\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        java.io.PipedOutputStream keyboard = new java.io.PipedOutputStream();
        java.io.PipedInputStream keys = new java.io.PipedInputStream(keyboard);
        java.util.concurrent.CountDownLatch sessionOver = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Exception> typingFailed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread typist = new Thread(() -> {
            try {
                int prompts = 0;
                for (String line : typed.split("(?<=\\n)")) {
                    // a person types once the prompt is shown, not while the shell is still writing
                    // (a dumb terminal echoes input from its own thread, into the same output)
                    long deadline = System.currentTimeMillis() + 120_000;
                    while (count(screen.toString(StandardCharsets.UTF_8), "❯ ") <= prompts && System.currentTimeMillis() < deadline) {
                        Thread.sleep(50);
                    }
                    prompts++;
                    Thread.sleep(100);
                    keyboard.write(line.getBytes(StandardCharsets.UTF_8));
                    keyboard.flush();
                }
                // keep the keyboard open until the session is over: /quit ends it, not end of input
                sessionOver.await(2, java.util.concurrent.TimeUnit.MINUTES);
            } catch (Exception e) {
                typingFailed.set(e);
            }
        });
        typist.setDaemon(true);
        typist.start();
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.inMemory());
             Terminal terminal = TerminalBuilder.builder().system(false).type(Terminal.TYPE_DUMB)
                     .streams(keys, screen).build()) {
            TargetSettings settings = TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, sandbox.endpoint(),
                    "us-east-1", "test", "test");
            PrintStream snippetOut = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
            Progress progress = Progress.fresh();
            try (JShellEngine engine = new JShellEngine(settings, snippetOut, new ByteArrayInputStream(new byte[0]),
                    Map.of("prefix", progress.learnerPrefix)).start()) {
                Tutor tutor = new Tutor(LessonCatalog.bundled(), progress, new ProgressStore(home), engine, new ClientFactory(settings));
                TutorShell[] shell = new TutorShell[1];
                ShellCompleter completer = new ShellCompleter(() -> shell[0].commands().names(),
                        c -> shell[0].commands().argumentCandidates(c, 1), () -> engine);
                JLineIO io = new JLineIO(terminal, home.resolve("history"), completer, engine::documentation);
                shell[0] = new TutorShell(io, tutor, engine, settings.describe());
                assertEquals(0, shell[0].run());
                io.close();
            }
        } finally {
            sessionOver.countDown();
        }
        typist.join(10_000);
        assertEquals(null, typingFailed.get(), "the typist could not type");
        String out = screen.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("getting-started 1/5 ❯ "), out);
        assertTrue(out.contains("✓ Step done: Ask AWS who you are."), out);
        assertTrue(out.contains("getting-started 2/5 ❯ "), "the prompt follows the learner to step 2:\n" + out);
        assertTrue(out.contains("Hint 1 of 2:"), out);
        assertTrue(out.contains("overall"), out);
        assertTrue(!out.contains("\u001b[3"), "a dumb terminal gets no colour");
        String history = Files.readString(home.resolve("history"));
        assertTrue(history.contains("var me = sts.getCallerIdentity();"), history);
    }
}
