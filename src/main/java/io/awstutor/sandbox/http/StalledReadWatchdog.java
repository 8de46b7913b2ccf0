package io.awstutor.sandbox.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes the connection of a client that stops sending in the middle of a request, so it
 * cannot hold a thread forever (200 such connections must not slow anyone else down).
 *
 * <p>What is limited is the time a read waits for its next bytes, never a request's total
 * time: a 5 GiB upload that keeps sending is never cut, a client that sent half its headers
 * and went quiet is. The JDK server reads a request's line and headers before our handler
 * runs, on the thread the handler then runs on, so that wait is watched from the moment the
 * task starts (the JDK starts it when the first bytes arrive) until the handler is called;
 * the body is watched read by read through {@link #watch(InputStream)}. A read that waits
 * longer than the timeout has its thread interrupted: the JDK's socket channel is
 * interruptible, so the blocked read ends with the channel closed. The JDK's own
 * {@code sun.net.httpserver.maxReqTime} would have limited the whole request instead.
 *
 * <p>Interrupting is only ever done to a thread inside a watched read, under the same lock
 * the thread takes to leave it, so it can never hit the thread's next work (an fsync, a lock).
 */
final class StalledReadWatchdog implements AutoCloseable {
    private final long timeoutNanos;
    private final Map<Thread, Reading> reading = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    /** One thread's wait for bytes. */
    private static final class Reading {
        private final Thread thread;
        private long since;
        private boolean active;
        private boolean interrupted;

        Reading(Thread thread) {
            this.thread = thread;
        }

        synchronized void enter(long now) {
            since = now;
            active = true;
        }

        /** Leaves the read; when the watchdog interrupted it meanwhile, clears that and says so. */
        synchronized boolean leave() {
            active = false;
            if (interrupted) {
                interrupted = false;
                Thread.interrupted();
                return true;
            }
            return false;
        }

        synchronized void interruptIfStalled(long now, long timeoutNanos) {
            if (active && !interrupted && now - since > timeoutNanos) {
                interrupted = true;
                thread.interrupt();
            }
        }
    }

    StalledReadWatchdog(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "awstutor-sandbox-stalled-reads");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(10, Math.min(1000, timeout.toMillis() / 4));
        timer.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    private void check() {
        long now = System.nanoTime();
        reading.values().forEach(r -> r.interruptIfStalled(now, timeoutNanos));
    }

    private Reading current() {
        return reading.computeIfAbsent(Thread.currentThread(), Reading::new);
    }

    /** Wraps one of the JDK server's tasks: its header reading is watched until {@link #headersRead}. */
    Runnable task(Runnable exchange) {
        return () -> {
            Reading r = current();
            r.enter(System.nanoTime());
            try {
                exchange.run();
            } finally {
                r.leave();
                reading.remove(Thread.currentThread());
            }
        };
    }

    /** The handler was called: the headers are in. Throws when the watchdog had already ended the wait. */
    void headersRead() throws IOException {
        Reading r = reading.get(Thread.currentThread());
        if (r != null && r.leave()) {
            throw new InterruptedIOException("the client stalled while sending its headers");
        }
    }

    /** The request body, each read of it watched. */
    InputStream watch(InputStream body) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                Reading r = enter();
                try {
                    return super.read();
                } finally {
                    leave(r);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Reading r = enter();
                try {
                    return super.read(b, off, len);
                } finally {
                    leave(r);
                }
            }
        };
    }

    /** Closes an exchange (which drains the body's unread rest) as a watched read. */
    interface Closing extends AutoCloseable {
        @Override
        void close() throws IOException;
    }

    Closing closing(com.sun.net.httpserver.HttpExchange exchange) {
        return () -> {
            Reading r = enter();
            try {
                exchange.close();
            } finally {
                leave(r);
            }
        };
    }

    private Reading enter() {
        Reading r = current();
        r.enter(System.nanoTime());
        return r;
    }

    private static void leave(Reading r) throws IOException {
        if (r.leave()) {
            throw new InterruptedIOException("the client sent nothing for too long in the middle of its request body");
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
