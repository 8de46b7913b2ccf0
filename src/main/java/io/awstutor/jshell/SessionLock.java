package io.awstutor.jshell;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * JShell is not thread-safe: the learner's work (evaluation, completion, listings) and the
 * background definitions of clients take turns on it. The learner always goes first: a
 * background task starts only while the learner reads (the shell waits at its prompt, and
 * has for a moment), so a pipe feeding lines never waits for a client it did not name,
 * and a learner who presses Enter waits at most for the one task already running.
 */
final class SessionLock {
    /** How long the learner must have been at the prompt before background work starts. */
    private static final long READING_NANOS = TimeUnit.MILLISECONDS.toNanos(300);
    private static final long NOT_READING = Long.MIN_VALUE;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition changed = lock.newCondition();
    private final AtomicInteger learnerWaiting = new AtomicInteger();
    private volatile long readingSince = NOT_READING;

    <T> T learner(Supplier<T> work) {
        learnerWaiting.incrementAndGet();
        lock.lock();
        learnerWaiting.decrementAndGet();
        try {
            return work.get();
        } finally {
            changed.signalAll();
            lock.unlock();
        }
    }

    void learner(Runnable work) {
        learner(() -> {
            work.run();
            return null;
        });
    }

    /** While {@code read} runs the learner is reading (at the prompt): background work may go ahead. */
    <T> T reading(Supplier<T> read) {
        readingSince = System.nanoTime();
        try {
            return read.get();
        } finally {
            readingSince = NOT_READING;
        }
    }

    /**
     * Runs {@code work} when no learner work waits and the learner has been reading for a
     * moment; false when interrupted before it ran.
     */
    boolean background(Runnable work) {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            while (learnerWaiting.get() > 0 || !readingLongEnough()) {
                changed.await(100, TimeUnit.MILLISECONDS); // reading starts without a signal: look again soon
            }
            work.run();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean readingLongEnough() {
        long since = readingSince;
        return since != NOT_READING && System.nanoTime() - since >= READING_NANOS;
    }
}
