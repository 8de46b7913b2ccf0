package io.awstutor.shell;

import io.awstutor.jshell.agent.CallRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Watches a snippet while it runs, so that a wait is never silent: once the snippet has run
 * for a moment, the calls it has made so far are read (an SDK waiter polls with Describe or
 * Get calls) and the screen says what it waits for, the status each poll saw as it changes,
 * the time elapsed, and that Ctrl-C stops it; every few seconds without news it says it is
 * still waiting. The calls read here are handed back with the rest when the snippet ends.
 */
final class WaitWatch implements AutoCloseable {
    static final Duration FIRST_WORD = Duration.ofSeconds(2);
    static final Duration STILL_WAITING = Duration.ofSeconds(10);
    private static final long TICK_MS = 250;

    private final Supplier<List<CallRecord>> drain;
    private final java.util.function.BooleanSupplier sessionReady;
    private final Consumer<String> say;
    private final double timeScale;
    private final List<CallRecord> seen = new ArrayList<>();
    private final long started = System.nanoTime();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lastCall = Long.MIN_VALUE;
    private String lastStatus;
    private long lastSaid;
    private boolean announced;

    /**
     * @param drain    the calls made since the last read
     * @param say      prints one line
     * @param timeScale the target's pace against AWS's (1 on AWS, less in a quick sandbox)
     */
    WaitWatch(Supplier<List<CallRecord>> drain, java.util.function.BooleanSupplier sessionReady, Consumer<String> say,
              double timeScale) {
        this.drain = drain;
        this.sessionReady = sessionReady;
        this.say = say;
        this.timeScale = timeScale;
        this.thread = new Thread(this::watch, "awstutor-wait-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        try {
            // calls are read from the start (the end of a piped input asks whether the snippet
            // still calls AWS); the screen hears of them only after the first moment
            while (running) {
                Thread.sleep(TICK_MS); // a snippet over within a tick costs no read of the call log
                List<CallRecord> fresh = drain.get();
                if (!fresh.isEmpty()) {
                    lastCall = System.nanoTime();
                }
                synchronized (seen) {
                    seen.addAll(fresh);
                }
                if (System.nanoTime() - started >= FIRST_WORD.toNanos()) {
                    report();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report() {
        Optional<Poll> poll;
        synchronized (seen) {
            poll = latestPoll(seen);
        }
        long now = System.nanoTime();
        String elapsed = elapsed(now - started);
        if (poll.isEmpty()) {
            if (now - lastSaid > STILL_WAITING.toNanos() && now - started > STILL_WAITING.toNanos()) {
                say.accept(sessionReady.getAsBoolean() ? "… still running (" + elapsed + "; Ctrl-C stops it)"
                        : "… the Java session is still starting (" + elapsed + ")");
                lastSaid = now;
            }
            return;
        }
        Poll p = poll.get();
        synchronized (this) {
            if (!running || Thread.currentThread().isInterrupted()) {
                return;
            }
            if (!announced) {
                say.accept("… waiting for " + p.what() + ": " + p.status() + " (" + elapsed + "; Ctrl-C stops waiting)");
                PaceNotes.forResource(p.what(), p.status(), timeScale).ifPresent(say);
                announced = true;
            } else if (!p.status().equals(lastStatus)) {
                say.accept("… " + p.what() + ": " + p.status() + " (" + elapsed + ")");
            } else if (now - lastSaid > STILL_WAITING.toNanos()) {
                say.accept("… still " + p.status() + " (" + elapsed + "; Ctrl-C stops waiting)");
            } else {
                return;
            }
            lastStatus = p.status();
            lastSaid = now;
        }
    }

    /**
     * Stops watching, after saying how a wait that was shown ended (the last poll's status);
     * returns the calls read while the snippet ran, in order.
     */
    List<CallRecord> stop() {
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (seen) {
            seen.addAll(drain.get());
        }
        synchronized (this) {
            running = false;
            if (announced) {
                Optional<Poll> last;
                synchronized (seen) {
                    last = latestPoll(seen);
                }
                last.filter(p -> !p.status().equals(lastStatus))
                        .ifPresent(p -> say.accept("… " + p.what() + ": " + p.status() + " (" + elapsed(System.nanoTime() - started) + ")"));
            }
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** When (System.nanoTime) the snippet was last seen calling AWS; Long.MIN_VALUE before its first call. */
    long lastCall() {
        return lastCall;
    }

    @Override
    public void close() {
        stop();
    }

    static String elapsed(long nanos) {
        long seconds = Duration.ofNanos(nanos).toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    /** What one poll saw: the resource (in words) and its status. */
    record Poll(String what, String status) {
    }

    /** The newest call that reads a resource's status, as a poll of a waiter (or a loop) does. */
    static Optional<Poll> latestPoll(List<CallRecord> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            CallRecord call = calls.get(i);
            String op = call.operation();
            if (!(op.startsWith("Describe") || op.startsWith("Get"))) {
                continue;
            }
            String noun = noun(op);
            if (!call.ok()) {
                String code = call.errorCode() == null ? "" : call.errorCode();
                if (code.endsWith("NotFound") || code.startsWith("NoSuch")) {
                    return Optional.of(new Poll(noun + idFromRequest(call).map(id -> " " + id).orElse(""), "gone"));
                }
                continue;
            }
            List<String[]> found = new ArrayList<>();
            statuses(call.response(), found, 0);
            if (found.isEmpty()) {
                continue;
            }
            if (found.size() == 1) {
                return Optional.of(new Poll(noun + (found.get(0)[0].isEmpty() ? "" : " " + found.get(0)[0]), found.get(0)[1]));
            }
            List<String> each = found.stream().limit(4).map(f -> (f[0].isEmpty() ? "" : f[0] + " ") + f[1]).toList();
            return Optional.of(new Poll(noun + "s", String.join(", ", each) + (found.size() > 4 ? ", …" : "")));
        }
        return Optional.empty();
    }

    private static final List<String> STATUS_KEYS = List.of("DBInstanceStatus", "Status", "State", "VerificationStatus");
    /** The most specific first: a snapshot's record names its DB instance too. */
    private static final List<String> ID_KEYS = List.of("DBSnapshotIdentifier", "DBClusterSnapshotIdentifier", "SnapshotId",
            "DBInstanceIdentifier", "DBClusterIdentifier", "InstanceId", "Id", "GroupId", "NatGatewayId", "ImageId", "VolumeId");

    /** Pairs of (id, status) found in a response, depth first. */
    private static void statuses(Object node, List<String[]> out, int depth) {
        if (depth > 6) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            String status = null;
            for (String key : STATUS_KEYS) {
                Object value = map.get(key);
                if (value instanceof String s && !s.isBlank()) {
                    status = s;
                    break;
                }
                if (value instanceof Map<?, ?> state && state.get("Name") instanceof String name) {
                    status = name;
                    break;
                }
            }
            if (status != null) {
                String id = "";
                for (String key : ID_KEYS) {
                    if (map.get(key) instanceof String s) {
                        id = s;
                        break;
                    }
                }
                out.add(new String[] {id, status});
                return;
            }
            for (Object value : map.values()) {
                statuses(value, out, depth + 1);
            }
        } else if (node instanceof List<?> list) {
            for (Object item : list) {
                statuses(item, out, depth + 1);
            }
        }
    }

    private static Optional<String> idFromRequest(CallRecord call) {
        if (call.request() == null) {
            return Optional.empty();
        }
        for (String key : ID_KEYS) {
            Object value = call.request().get(key);
            if (value instanceof String s) {
                return Optional.of(s);
            }
        }
        if (call.request().get("InstanceIds") instanceof List<?> ids && ids.size() == 1) {
            return Optional.of(String.valueOf(ids.get(0)));
        }
        return Optional.empty();
    }

    /** "DescribeDBInstances" -> "DB instance", "GetDistribution" -> "distribution". */
    static String noun(String operation) {
        String rest = operation.startsWith("Describe") ? operation.substring("Describe".length()) : operation.substring("Get".length());
        String words = ChangeDescriber.humanize(rest);
        if (words.endsWith("ies")) {
            words = words.substring(0, words.length() - 3) + "y";
        } else if (words.endsWith("s") && !words.endsWith("ss") && !words.endsWith("status")) {
            words = words.substring(0, words.length() - 1);
        }
        return words;
    }
}
