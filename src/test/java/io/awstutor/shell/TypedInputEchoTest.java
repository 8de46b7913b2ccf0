package io.awstutor.shell;

import org.jline.builtins.ScreenTerminal;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a learner sees of their own typing in a colour terminal of 80×24, where the input is
 * highlighted as Java while it is typed: every character they typed, the closing semicolon
 * included, on screen (a virtual terminal interprets the shell's output) and in the line the
 * shell runs and keeps in its history.
 *
 * <p>Issue 18 reported the echoed input dropping a typed semicolon. The report came from a
 * walk-through driven with {@code tmux send-keys}, where a semicolon at the end of an argument
 * is tmux's own command separator and never reaches the program; typed for real (here, and in
 * tmux with {@code send-keys -H 3b} or {@code '\;'}), the semicolon is kept.
 */
class TypedInputEchoTest {

    @Test
    void aTrailingSemicolonIsEchoedRunAndKept(@TempDir Path home) throws Exception {
        assumeTrue(System.getenv("NO_COLOR") == null, "NO_COLOR is set: the input would not be highlighted");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream keys = new PipedInputStream(keyboard);
        try (Terminal terminal = TerminalBuilder.builder().system(false).type("xterm-256color").size(new Size(80, 24))
                .streams(keys, output).build()) {
            JLineIO io = new JLineIO(terminal, home.resolve("history"),
                    new ShellCompleter(List::of, command -> List.of(), () -> null), (buffer, cursor) -> List.of());
            assertTrue(io.color(), "the terminal should highlight input");
            CompletableFuture<Optional<String>> line = CompletableFuture.supplyAsync(
                    () -> io.readLine("[sandbox] getting-started 1/5 ❯ ", null));
            for (char c : "var me = sts.getCallerIdentity();".toCharArray()) {
                keyboard.write(c);
                keyboard.flush();
                Thread.sleep(5);
            }
            Thread.sleep(300);
            String whileTyping = screen(output);
            keyboard.write('\r');
            keyboard.flush();
            assertEquals(Optional.of("var me = sts.getCallerIdentity();"), line.get(30, TimeUnit.SECONDS));
            assertTrue(whileTyping.contains("❯ var me = sts.getCallerIdentity();"), whileTyping);
            assertTrue(screen(output).contains("❯ var me = sts.getCallerIdentity();"), screen(output));
            assertEquals(List.of("var me = sts.getCallerIdentity();"), io.history());
        }
    }

    /** The 80×24 screen a terminal shows after this output. */
    private static String screen(ByteArrayOutputStream output) throws InterruptedException {
        ScreenTerminal screen = new ScreenTerminal(80, 24);
        screen.write(output.toString(StandardCharsets.UTF_8));
        return screen.toString();
    }
}
