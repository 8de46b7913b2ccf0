package io.awstutor.sandbox.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
 * <p>A failed write runs the service's {@link Rollback}: under its own lock, it calls
 * {@link #abandonUndurable} and puts its state back as it was last saved. Every change not
 * yet durable then fails, the ones staged by other threads meanwhile included (they were made
 * on top of the lost ones), so what a client was told always matches what a restart shows.
 */
public final class GroupCommit<T> {
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

    private final String what;
    private final Writer<T> writer;
    private Rollback rollback = () -> { };
    private final List<T> pending = new ArrayList<>();
    /** The batch the current writer is writing (still undurable, so still to be undone if it fails). */
    private List<T> writingBatch = List.of();
    private long staged;
    /** Every generation up to this one is durable or failed. */
    private long settled;
    private boolean writing;
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
    public synchronized long stage(T item) {
        pending.add(item);
        return ++staged;
    }

    /**
     * Called by the {@link Rollback}, under the service's lock: every staged change that is not
     * durable fails, and is returned in stage order (for a service that undoes changes one by one).
     */
    public synchronized List<T> abandonUndurable() {
        List<T> undone = new ArrayList<>(writingBatch);
        undone.addAll(pending);
        pending.clear();
        writingBatch = List.of();
        if (staged > settled) {
            failed.put(settled + 1, staged);
            settled = staged;
        }
        return undone;
    }

    /** Returns once the change of {@code generation} is on disk, or throws when it was not saved; call it after releasing the caller's lock. */
    public void awaitDurable(long generation) {
        List<T> batch;
        long through;
        synchronized (this) {
            while (true) {
                checkFailed(generation);
                if (settled >= generation) {
                    return;
                }
                if (!writing) {
                    break;
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while saving " + what, e);
                }
            }
            writing = true;
            batch = List.copyOf(pending);
            pending.clear();
            writingBatch = batch;
            through = staged;
        }
        try {
            writer.write(batch);
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                lastFailure = e.getMessage();
            }
            try {
                rollback.rollback();
            } finally {
                synchronized (this) {
                    // a service without a rollback still fails every change the lost write held
                    if (!writingBatch.isEmpty() || settled < through) {
                        failed.put(settled + 1, through);
                        settled = Math.max(settled, through);
                        writingBatch = List.of();
                    }
                    writing = false;
                    notifyAll();
                }
            }
            throw e instanceof IOException io ? new UncheckedIOException("cannot save " + what + ": " + e.getMessage(), io)
                    : (RuntimeException) e;
        }
        synchronized (this) {
            settled = Math.max(settled, through);
            writingBatch = List.of();
            writing = false;
            notifyAll();
        }
    }

    private void checkFailed(long generation) {
        Map.Entry<Long, Long> range = failed.floorEntry(generation);
        if (range != null && generation <= range.getValue()) {
            throw new UncheckedIOException(new IOException("cannot save " + what + ": " + lastFailure));
        }
    }
}
