package io.awstutor.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.awstutor.lesson.TextWrap;
import org.jline.utils.Signals;

/**
 * Standard input that is not a terminal: one line at a time, plain output, no prompt.
 *
 * <p>A session read from a pipe ends with its input. The pipe is read ahead, so the shell
 * knows when its input has ended (all of it has arrived, the writer closed it) even while a
 * snippet runs: a snippet still running then (a loop, a forgotten wait) is given
 * {@link #DEFAULT_GRACE} (or {@value #GRACE_VARIABLE} seconds) and then stopped, so that the
 * session goes on to its last line and ends. A snippet that keeps calling AWS (a waiter) is
 * not looping: it runs on while it does, up to {@link #BUSY_LIMIT} grace periods. SIGINT (Ctrl-C where the output is a terminal)
 * stops a running snippet as it does in a terminal.
 */
public final class PipeIO implements ShellIO {
    public static final String GRACE_VARIABLE = "AWSTUTOR_END_OF_INPUT_GRACE";
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
    /** How many grace periods a snippet that keeps calling AWS may run on after the input ended. */
    static final int BUSY_LIMIT = 20;

    /** A line read ahead, or the end of the input (text null), or a read that failed. */
    private record Ahead(String text, IOException error) {
    }

    private final BlockingQueue<Ahead> lines = new LinkedBlockingQueue<>();
    private final PrintStream out;
    private final Duration grace;
    private final List<String> history = new ArrayList<>();
    private volatile boolean ended;
    private boolean returnedEnd;

    public PipeIO(InputStream in, PrintStream out) {
        this(in, out, graceFrom(System.getenv(GRACE_VARIABLE)));
    }

    PipeIO(InputStream in, PrintStream out, Duration grace) {
        this.out = out;
        this.grace = grace;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Thread readAhead = new Thread(() -> readAll(reader), "awstutor-stdin");
        readAhead.setDaemon(true);
        readAhead.start();
    }

    private void readAll(BufferedReader reader) {
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(new Ahead(line, null));
            }
            ended = true;
            lines.add(new Ahead(null, null));
        } catch (IOException e) {
            ended = true;
            lines.add(new Ahead(null, e));
        }
    }

    static Duration graceFrom(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return DEFAULT_GRACE;
        }
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(seconds.strip()) * 1000)));
        } catch (NumberFormatException e) {
            return DEFAULT_GRACE;
        }
    }

    @Override
    public Optional<String> readLine(String prompt, String initialBuffer) {
        if (returnedEnd) {
            return Optional.empty();
        }
        Ahead next;
        try {
            next = lines.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (next.error() != null) {
            returnedEnd = true;
            throw new UncheckedIOException(next.error());
        }
        if (next.text() == null) {
            returnedEnd = true;
            return Optional.empty();
        }
        history.add(io.awstutor.target.Secrets.maskInText(next.text()));
        return Optional.of(next.text());
    }

    @Override public PrintStream out() { return out; }
    @Override public boolean color() { return false; }
    @Override public boolean interactive() { return false; }
    @Override public int width() { return 80; }

    @Override
    public boolean confirm(String question) {
        out.println(question + " [no: not asked in a non-interactive session]");
        return false;
    }

    @Override
    public void whileInterruptible(Runnable work, Runnable onInterrupt, LongSupplier lastActivity) {
        Object previous = Signals.register("INT", onInterrupt);
        ScheduledExecutorService timer = null;
        if (ended) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "awstutor-end-of-input");
                t.setDaemon(true);
                return t;
            });
            long start = System.nanoTime();
            boolean[] told = new boolean[1];
            // checked every second: a stop that came while the session was still starting (or
            // compiling) stopped nothing; and a snippet that called AWS within the last three grace
            // periods (a waiter polls every 15, 30 or 60 s) is working, not looping, so it runs on,
            // up to BUSY_LIMIT grace periods in all
            timer.scheduleWithFixedDelay(() -> {
                long now = System.nanoTime();
                long called = lastActivity.getAsLong();
                boolean working = called > start ? now - called < grace.toNanos() * 3 && now - start < grace.toNanos() * BUSY_LIMIT
                        : now - start < grace.toNanos();
                if (!told[0] && working) {
                    return;
                }
                if (!told[0]) {
                    told[0] = true;
                    String what = called > start ? "still waiting on AWS after " + minutesOrSeconds(now - start)
                            : "still running after " + minutesOrSeconds(now - start);
                    TextWrap.wrap("The input has ended and the snippet was " + what + ": stopping it, so that the session can end ("
                            + GRACE_VARIABLE + "=SECONDS gives it longer).", width(), width()).forEach(out::println);
                }
                onInterrupt.run();
            }, grace.toMillis(), 1000, TimeUnit.MILLISECONDS);
        }
        try {
            work.run();
        } finally {
            if (timer != null) {
                timer.shutdownNow();
            }
            Signals.unregister("INT", previous);
        }
    }

    private static String minutesOrSeconds(long nanos) {
        long seconds = Duration.ofNanos(nanos).toSeconds();
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }

    @Override
    public List<String> history() {
        return List.copyOf(history);
    }

    @Override
    public void close() {
        out.flush();
    }
}
