package io.awstutor.shell;

import io.awstutor.lesson.JavaHighlighter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The interactive face: a JLine reader with persistent history, completion of slash
 * commands and Java (through JShell's analysis), Java highlighted as it is typed, and
 * Shift+Tab for the documentation of the method under the cursor, as in jshell.
 */
public final class JLineIO implements ShellIO {
    private final Terminal terminal;
    private final LineReader reader;
    private final PrintStream out;
    private final boolean color;
    /**
     * Lines written through {@link #out} since the learner last pressed Enter, their input line
     * included: what a page must leave on screen (the value, "✓ Step done") above the next step.
     */
    private final java.util.concurrent.atomic.AtomicInteger linesSinceInput = new java.util.concurrent.atomic.AtomicInteger();

    public JLineIO(Terminal terminal, Path historyFile, ShellCompleter completer, DocumentationWidget documentation) {
        this.terminal = terminal;
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        parser.setQuoteChars(new char[0]);
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnUnclosedBracket();
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("awstutor")
                .parser(parser)
                .completer(completer)
                .highlighter(new InputHighlighter())
                .history(new MaskingHistory())
                .variable(LineReader.HISTORY_FILE, historyFile)
                .variable(LineReader.HISTORY_SIZE, 2000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        reader.getWidgets().put("java-documentation", () -> {
            List<String> docs = documentation.lookup(reader.getBuffer().toString(), reader.getBuffer().cursor());
            List<String> shown = new ArrayList<>();
            docs.forEach(doc -> shown.addAll(OutcomePrinter.wrap(doc, width())));
            reader.printAbove(docs.isEmpty() ? "(no documentation here)" : String.join("\n", shown));
            return true;
        });
        reader.getKeyMaps().get(LineReader.MAIN).bind(new Reference("java-documentation"), "\033[Z");
        this.out = new PrintStream(new LineCounter(terminal.output(), linesSinceInput), true, java.nio.charset.StandardCharsets.UTF_8);
        this.color = System.getenv("NO_COLOR") == null && !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
    }

    /** What Shift+Tab shows: the signatures under the cursor. */
    @FunctionalInterface
    public interface DocumentationWidget {
        List<String> lookup(String buffer, int cursor);
    }

    /** A key pressed at the pager's prompt that was not for the pager. */
    private String typedAhead;

    @Override
    public Optional<String> readLine(String prompt, String initialBuffer) {
        if (typedAhead != null) {
            initialBuffer = typedAhead + (initialBuffer == null ? "" : initialBuffer);
            typedAhead = null;
        }
        while (true) {
            try {
                String line = reader.readLine(prompt, null, (Character) null, initialBuffer);
                linesSinceInput.set(1);
                return Optional.of(line);
            } catch (UserInterruptException e) {
                // Ctrl-C clears the line and asks again; only Ctrl-D (or /quit) leaves
                initialBuffer = null;
                if (!e.getPartialLine().isEmpty()) {
                    continue;
                }
                out.println("(Ctrl-C clears the line; type /quit or press Ctrl-D to leave)");
            } catch (EndOfFileException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * Prints lines, a screenful at a time when they would scroll the start of a lesson out
     * of sight: Space or Enter shows more, q skips to the prompt.
     */
    @Override
    public void printAll(List<AttributedString> lines, String again) {
        int height = terminal.getHeight();
        int pageSize = height <= 0 ? Integer.MAX_VALUE : Math.max(5, height - 2);
        // the first page leaves what followed the learner's Enter on screen (a step done, then
        // the next step's text, used to push "✓ Step done" and the value out of sight)
        int firstPage = pageSize == Integer.MAX_VALUE ? pageSize : Math.max(8, pageSize - linesSinceInput.get());
        if (lines.size() <= firstPage + 1) {
            lines.forEach(this::print);
            return;
        }
        int shown = 0;
        while (shown < lines.size()) {
            int end = Math.min(lines.size(), shown + (shown == 0 ? firstPage : pageSize));
            for (int i = shown; i < end; i++) {
                print(lines.get(i));
            }
            shown = end;
            if (shown < lines.size()) {
                String more = "── " + (lines.size() - shown) + " more lines: Space or Enter; q skips (" + again + " shows it again) ──";
                out.print(color ? "\u001b[7m" + more + "\u001b[0m" : more);
                out.flush();
                int key = readKey();
                out.print("\r\u001b[K");
                out.flush();
                if (key != ' ' && key != '\r' && key != '\n') {
                    // q, or a learner typing on: the page stops, and what they typed
                    // (the "/" of "/hint") starts the next input line instead of vanishing
                    if (key >= ' ' && key != 'q' && key != 'Q' && key != 127) {
                        typedAhead = String.valueOf((char) key);
                    }
                    break;
                }
            }
        }
    }

    private int readKey() {
        org.jline.terminal.Attributes saved = terminal.enterRawMode();
        try {
            return terminal.reader().read();
        } catch (IOException e) {
            return -1;
        } finally {
            terminal.setAttributes(saved);
        }
    }

    @Override public PrintStream out() { return out; }
    @Override public boolean color() { return color; }
    @Override public boolean interactive() { return true; }

    @Override
    public int width() {
        int width = terminal.getWidth();
        return width <= 0 ? 80 : Math.min(width, 120);
    }

    @Override
    public boolean confirm(String question) {
        Optional<String> answer = readLine(question + " (yes/no) ", null);
        return answer.map(a -> a.trim().equalsIgnoreCase("yes")).orElse(false);
    }

    @Override
    public void whileInterruptible(Runnable work, Runnable onInterrupt, java.util.function.LongSupplier lastActivity) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> onInterrupt.run());
        try {
            work.run();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    @Override
    public List<String> history() {
        List<String> lines = new ArrayList<>();
        reader.getHistory().forEach(entry -> lines.add(entry.line()));
        return lines;
    }

    public void clearScreen() {
        terminal.puts(InfoCmp.Capability.clear_screen);
        terminal.flush();
    }

    @Override
    public void close() {
        try {
            reader.getHistory().save();
            terminal.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the line feeds written through it. */
    private static final class LineCounter extends java.io.FilterOutputStream {
        private final java.util.concurrent.atomic.AtomicInteger lines;

        LineCounter(java.io.OutputStream out, java.util.concurrent.atomic.AtomicInteger lines) {
            super(out);
            this.lines = lines;
        }

        @Override
        public void write(int b) throws IOException {
            if (b == '\n') {
                lines.incrementAndGet();
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines.incrementAndGet();
                }
            }
            out.write(b, off, len);
        }
    }

    /** Slash commands bold; Java through the lesson renderer's highlighter. */
    private final class InputHighlighter implements Highlighter {
        @Override
        public AttributedString highlight(LineReader lineReader, String buffer) {
            if (!color) {
                return new AttributedString(buffer);
            }
            if (buffer.startsWith("/") && !buffer.startsWith("//") && !buffer.startsWith("/*")) {
                return new AttributedStringBuilder().styled(AttributedStyle.BOLD, buffer).toAttributedString();
            }
            return JavaHighlighter.highlight(buffer);
        }

        @Override
        public void setErrorPattern(Pattern errorPattern) {
        }

        @Override
        public void setErrorIndex(int errorIndex) {
        }
    }
}
