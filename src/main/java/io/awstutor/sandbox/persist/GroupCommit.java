package io.awstutor.sandbox.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes a service's changes durable without one fsync per change under the service's lock,
 * and takes a change back when it cannot be saved. A change hands in what must be written
 * for it while it still holds its own lock ({@link #stage}), releases the lock, then waits
 * until it is on disk ({@link #awaitDurable}) before it answers. One waiting thread at a time
 * writes every item staged so far ({@link Writer}: a journal appends them all, a snapshot
 * file writes the newest); everyone whose change that write contains is released by it. So
 * fifty concurrent CreateUser calls cost a few writes instead of fifty, and a change is
 * still acknowledged only once it would survive kill -9.
 *
 * <p>The writes are the one serial step, and on a busy machine a thread that returns from
 * fsync waits for a CPU among every other runnable one, so the hand-offs around it are kept
 * few: the writer goes on to write what was staged meanwhile (a few batches at most, for its
 * own caller's sake) instead of waking another thread to do it, and each waiting change is
 * woken once, when its own batch is settled, rather than at every write (fifty waiters woken
 * at each write kept the CPUs from the writer).
 *
 * <p>A failed write runs the service's {@link Rollback}: under its own lock, it calls
 * {@link #abandonUndurable} and puts its state back as it was last saved. Every change not
 * yet durable then fails, the ones staged by other threads meanwhile included (they were made
 * on top of the lost ones), so what a client was told always matches what a restart shows.
 */
public final class GroupCommit<T> {
    /** Batches one writer writes in a row before it hands the next to a waiting change. */
    private static final int MAX_BATCHES_PER_WRITER = 4;

    /** Writes the items staged since the last write, in stage order. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(List<T> staged) throws IOException;
    }

    /** Puts the service's state back as last saved; must call {@link #abandonUndurable} under the same lock as {@link #stage}. */
    @FunctionalInterface
    public interface Rollback {
        void rollback();
    }

    /** The changes written together, and their waiters (one condition each: a write wakes only its own). */
    private final class Batch {
        final List<T> items = new ArrayList<>();
        /** The generation of its last item. */
        long through;
        final Condition settled = lock.newCondition();
    }

    private final String what;
    private final Writer<T> writer;
    private Rollback rollback = () -> { };
    private final ReentrantLock lock = new ReentrantLock();
    /** Collects the changes staged while another batch is written. */
    private Batch open = new Batch();
    /** The batch the current writer is writing (still undurable, so still to be undone if it fails); null when none. */
    private Batch writing;
    private long staged;
    /** Every generation up to this one is durable or failed. */
    private long settled;
    /** Generations that failed: first to last, inclusive. */
    private final TreeMap<Long, Long> failed = new TreeMap<>();
    private String lastFailure = "";

    /** {@code what}: the file or state named in a failure's message. */
    public GroupCommit(String what, Writer<T> writer) {
        this.what = what;
        this.writer = writer;
    }

    /** Without one, a failed write only fails the waiting changes (the service keeps them in memory). */
    public void onFailure(Rollback rollback) {
        this.rollback = rollback;
    }

    /** Hands in what a change must write; call it under the lock that orders the changes. Returns the change's generation. */
    public long stage(T item) {
        lock.lock();
        try {
            open.items.add(item);
            open.through = ++staged;
            return staged;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called by the {@link Rollback}, under the service's lock: every staged change that is not
     * durable fails, and is returned in stage order (for a service that undoes changes one by one).
     */
    public List<T> abandonUndurable() {
        lock.lock();
        try {
            List<T> undone = new ArrayList<>();
            if (writing != null) {
                undone.addAll(writing.items);
                writing.items.clear();
            }
            undone.addAll(open.items);
            if (staged > settled) {
                failed.put(settled + 1, staged);
                settled = staged;
            }
            open.settled.signalAll();
            open = new Batch();
            return undone;
        } finally {
            lock.unlock();
        }
    }

    /** Returns once the change of {@code generation} is on disk, or throws when it was not saved; call it after releasing the caller's lock. */
    public void awaitDurable(long generation) {
        lock.lock();
        try {
            while (true) {
                checkFailed(generation);
                if (settled >= generation) {
                    return;
                }
                if (writing == null) {
                    break;
                }
                Batch mine = generation <= writing.through ? writing : open;
                try {
                    mine.settled.await();
                } catch (InterruptedException e) {
                    if (writing == null && !open.items.isEmpty()) {
                        open.settled.signal(); // it may have been the one woken to write: another one does
                    }
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while saving " + what, e);
                }
            }
            writeBatches();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock, by the thread that found no write going on: writes the open batch, and the ones staged meanwhile. */
    private void writeBatches() {
        for (int round = 1; ; round++) {
            Batch batch = open;
            open = new Batch();
            writing = batch;
            List<T> items = List.copyOf(batch.items);
            lock.unlock();
            try {
                writer.write(items);
            } catch (IOException | RuntimeException | Error e) {
                lock.lock();
                lastFailure = e.getMessage();
                fail(batch, e);
                return;
            }
            lock.lock();
            settled = Math.max(settled, batch.through);
            writing = null;
            batch.settled.signalAll();
            if (open.items.isEmpty()) {
                return;
            }
            if (round == MAX_BATCHES_PER_WRITER) {
                open.settled.signal(); // one of them writes the next batch
                return;
            }
        }
    }

    /** Under the lock, after {@code batch}'s write failed: undoes what is undurable (the service's rollback), fails it, and rethrows. */
    private void fail(Batch batch, Throwable e) {
        lock.unlock();
        try {
            rollback.rollback();
        } finally {
            lock.lock();
            // a service without a rollback still fails every change the lost write held
            if (settled < batch.through) {
                failed.put(settled + 1, batch.through);
                settled = batch.through;
            }
            writing = null;
            batch.settled.signalAll();
            if (!open.items.isEmpty()) {
                open.settled.signal(); // what was staged after the failed batch is written by one of its own
            }
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw e instanceof IOException io ? new UncheckedIOException("cannot save " + what + ": " + e.getMessage(), io)
                : (RuntimeException) e;
    }

    private void checkFailed(long generation) {
        Map.Entry<Long, Long> range = failed.floorEntry(generation);
        if (range != null && generation <= range.getValue()) {
            throw new UncheckedIOException(new IOException("cannot save " + what + ": " + lastFailure));
        }
    }
}
