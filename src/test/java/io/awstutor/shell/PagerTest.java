package io.awstutor.shell;

import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A long step pages in a 24-line terminal; a learner who starts typing at the pager loses nothing. */
class PagerTest {

    private static List<AttributedString> page(int count) {
        List<AttributedString> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(new AttributedString("line " + i));
        }
        return lines;
    }

    /**
     * Types as a person does: each step's keys only once the screen shows its text (the pager's
     * line, then the prompt), so the result never depends on how the threads are scheduled.
     */
    private static String typeAtThePager(Path home, int lines, List<String[]> steps, ByteArrayOutputStream screen) throws Exception {
        return typeAtThePager(home, lines, "/step", steps, screen);
    }

    private static String typeAtThePager(Path home, int lines, String again, List<String[]> steps, ByteArrayOutputStream screen)
            throws Exception {
        try (PipedOutputStream keyboard = new PipedOutputStream(); PipedInputStream in = new PipedInputStream(keyboard)) {
            Terminal terminal = TerminalBuilder.builder().system(false).streams(in, screen)
                    .type(Terminal.TYPE_DUMB).encoding(StandardCharsets.UTF_8).build();
            terminal.setSize(new Size(80, 24));
            terminal.echo(false);
            Thread typist = new Thread(() -> {
                try {
                    for (String[] step : steps) {
                        long deadline = System.nanoTime() + 10_000_000_000L;
                        while (!screen.toString(StandardCharsets.UTF_8).contains(step[0]) && System.nanoTime() < deadline) {
                            Thread.sleep(5);
                        }
                        keyboard.write(step[1].getBytes(StandardCharsets.UTF_8));
                        keyboard.flush();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "typist");
            typist.start();
            try (JLineIO io = new JLineIO(terminal, home.resolve("history"), new ShellCompleter(List::of, n -> List.of(), () -> null),
                    (buffer, cursor) -> List.of())) {
                io.printAll(page(lines), again);
                Optional<String> line = io.readLine("❯ ", null);
                typist.join(10_000);
                return line.orElse("<end of input>");
            }
        }
    }

    @Test
    void typingAtThePagerStopsItAndKeepsWhatWasTyped(@TempDir Path home) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        String line = typeAtThePager(home, 40, List.<String[]>of(new String[] {"18 more lines", "/hint\n"}), screen);
        String shown = screen.toString(StandardCharsets.UTF_8).replace("\r", "");
        assertEquals("/hint", line, "the '/' that stopped the pager is part of the command:\n" + shown);
        assertTrue(shown.contains("line 22\n") && shown.contains("── 18 more lines: Space or Enter; q skips (/step shows it again) ──"), shown);
        assertFalse(shown.contains("line 23\n"), "the page stopped:\n" + shown);
    }

    @Test
    void spaceShowsTheNextPageAndQSkipsWithoutTypingAnything(@TempDir Path home) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        String line = typeAtThePager(home, 60, List.of(new String[] {"38 more lines", " "}, new String[] {"16 more lines", "q"},
                new String[] {"❯", "/next\n"}), screen);
        String shown = screen.toString(StandardCharsets.UTF_8).replace("\r", "");
        assertTrue(shown.contains("line 44\n── 16 more lines") && !shown.contains("line 45\n"), "q skipped the third page:\n" + shown);
        assertTrue(shown.contains("line 23\n"), "Space showed more:\n" + shown);
        assertEquals("/next", line, "q only skips:\n" + shown);
    }

    /** /help is longer than a screen: it pages too, and the pager names /help as the way back to it. */
    @Test
    void theHelpListPagesAndNamesItself(@TempDir Path home) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        String line = typeAtThePager(home, 40, "/help", List.<String[]>of(new String[] {"18 more lines", "q"},
                new String[] {"❯", "/next\n"}), screen);
        String shown = screen.toString(StandardCharsets.UTF_8).replace("\r", "");
        assertTrue(shown.contains("── 18 more lines: Space or Enter; q skips (/help shows it again) ──"), shown);
        assertEquals("/next", line, shown);
    }

    /**
     * A step passed, and the next step is longer than the screen: its first page is shorter by
     * what followed the learner's Enter, so the value and "✓ Step done" stay in sight above it.
     */
    @Test
    void theFirstPageLeavesWhatFollowedTheLearnersEnterOnScreen(@TempDir Path home) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (PipedOutputStream keyboard = new PipedOutputStream(); PipedInputStream in = new PipedInputStream(keyboard)) {
            Terminal terminal = TerminalBuilder.builder().system(false).streams(in, screen)
                    .type(Terminal.TYPE_DUMB).encoding(StandardCharsets.UTF_8).build();
            terminal.setSize(new Size(80, 24));
            try (JLineIO io = new JLineIO(terminal, home.resolve("history"), new ShellCompleter(List::of, n -> List.of(), () -> null),
                    (buffer, cursor) -> List.of())) {
                keyboard.write("var me = sts.getCallerIdentity();\n".getBytes(StandardCharsets.UTF_8));
                keyboard.flush();
                assertEquals(Optional.of("var me = sts.getCallerIdentity();"), io.readLine("❯ ", null));
                io.out().println("me ==> GetCallerIdentityResponse(...)");
                io.out().println("✓ Step done: Ask AWS who you are.");
                io.out().println();
                // 'q' once the first page asks for a key: typed earlier, the terminal may echo it before the page
                Thread typist = new Thread(() -> {
                    try {
                        long until = System.nanoTime() + 10_000_000_000L;
                        while (!screen.toString(StandardCharsets.UTF_8).contains("more lines") && System.nanoTime() < until) {
                            Thread.sleep(5);
                        }
                        keyboard.write("q".getBytes(StandardCharsets.UTF_8));
                        keyboard.flush();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                typist.start();
                io.printAll(page(40));
                typist.join();
            }
        }
        String shown = screen.toString(StandardCharsets.UTF_8).replace("\r", "");
        // 22 rows of a 24-row screen, less the input line and the three after it
        assertTrue(shown.contains("line 18\n── 22 more lines"), shown);
        assertFalse(shown.contains("line 19\n"), shown);
    }
}
