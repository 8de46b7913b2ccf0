package io.awstutor.sandbox.persist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Makes a service's state durable without one fsync per change under the service's lock.
 * A change hands in a snapshot of the state while it still holds its own lock
 * ({@link #stage}), releases the lock, then waits until that snapshot, or a later one, is on
 * disk ({@link #awaitDurable}) before it answers. One waiting thread at a time writes the
 * newest snapshot; everyone whose change it contains is released by that one write. So
 * fifty concurrent CreateUser calls cost a few writes instead of fifty, and a change is still
 * acknowledged only once it would survive kill -9.
 *
 * <p>The snapshot is a {@link Supplier} of the value to write, built from immutable copies
 * under the caller's lock; it is serialized (the expensive part) by the writing thread, outside
 * every lock. A failed write fails the changes waiting for it; the next change writes the whole
 * state again.
 */
public final class GroupCommit {
    private final StateFile file;
    private long staged;
    private Supplier<?> newest;
    private long durable;
    private boolean writing;

    public GroupCommit(StateFile file) {
        this.file = file;
    }

    public StateFile file() {
        return file;
    }

    /** Hands in the state after a change; call it under the lock that orders the changes. Returns the change's generation. */
    public synchronized long stage(Supplier<?> snapshot) {
        newest = snapshot;
        return ++staged;
    }

    /** Returns once the state of {@code generation} is on disk; call it after releasing the caller's lock. */
    public void awaitDurable(long generation) {
        long writingGeneration;
        Supplier<?> snapshot;
        synchronized (this) {
            while (durable < generation && writing) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while saving " + file.path(), e);
                }
            }
            if (durable >= generation) {
                return;
            }
            writing = true;
            writingGeneration = staged;
            snapshot = newest;
        }
        boolean saved = false;
        try {
            file.save(snapshot.get());
            saved = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + file.path() + ": " + e.getMessage(), e);
        } finally {
            synchronized (this) {
                if (saved) {
                    durable = Math.max(durable, writingGeneration);
                }
                writing = false;
                notifyAll();
            }
        }
    }
}
