package io.awstutor.shell;

import org.jline.utils.AttributedString;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The shell's two faces: a JLine terminal (prompt, history, completion, colour) or a plain
 * pipe (lines in, plain text out, no prompt, end of input ends the session).
 */
public interface ShellIO extends AutoCloseable {

    /** The next line, or empty at end of input (Ctrl-D, end of the pipe). */
    Optional<String> readLine(String prompt, String initialBuffer);

    PrintStream out();

    boolean color();

    boolean interactive();

    int width();

    default void print(AttributedString line) {
        out().println(color() ? line.toAnsi() : line.toString());
    }

    default void printAll(List<AttributedString> lines) {
        printAll(lines, "/step");
    }

    /** Lines a terminal pages; {@code again} is the command that shows them again (/step, /help). */
    default void printAll(List<AttributedString> lines, String again) {
        lines.forEach(this::print);
    }

    /** Asks a yes/no question; a pipe answers no. */
    boolean confirm(String question);

    /** Runs {@code work} with Ctrl-C calling {@code onInterrupt} (stopping a running snippet). */
    default void whileInterruptible(Runnable work, Runnable onInterrupt) {
        whileInterruptible(work, onInterrupt, () -> Long.MIN_VALUE);
    }

    /**
     * As {@link #whileInterruptible(Runnable, Runnable)}, where {@code lastActivity} tells when
     * (in {@link System#nanoTime()}) the work last showed it is making progress, such as a call
     * to AWS; {@link Long#MIN_VALUE} when it never did.
     */
    void whileInterruptible(Runnable work, Runnable onInterrupt, java.util.function.LongSupplier lastActivity);

    /** The lines of history, oldest first. */
    List<String> history();

    @Override
    void close();
}
