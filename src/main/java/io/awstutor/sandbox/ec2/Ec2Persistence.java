package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.persist.GroupCommit;
import io.awstutor.sandbox.persist.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Saves EC2's state to {@code ec2/ec2.json} in the data folder and restores it on start.
 * A change is answered only once it is on disk ({@link GroupCommit}: concurrent changes share
 * one write, so a script creating a thousand groups from many threads does not write a
 * thousand times). A save that fails puts the state back as it was last saved and fails every
 * change not yet saved, so what the learner sees never differs from what a restart would show
 * (as IAM and RDS do). Without a data folder nothing is written.
 */
final class Ec2Persistence implements AutoCloseable {
    /** Changes hold it shared while they run and stage; putting the saved state back holds it alone. */
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();
    private final Optional<StateFile> file;
    /** Its items are only markers: the writer snapshots the state as it is when it writes, which holds every staged change. */
    private final Optional<GroupCommit<Boolean>> commits;
    private final Map<String, RegionState> states;
    private volatile Ec2Snapshot lastSaved = new Ec2Snapshot(List.of());

    /** A change to EC2's state. */
    @FunctionalInterface
    interface Change {
        void run();
    }

    Ec2Persistence(Optional<Path> dir, Map<String, RegionState> states) {
        this.file = dir.map(d -> new StateFile(d.resolve("ec2.json")));
        this.states = states;
        this.commits = file.map(f -> {
            GroupCommit<Boolean> commit = new GroupCommit<>(f.path().toString(), staged -> {
                Ec2Snapshot snapshot = snapshot();
                f.save(snapshot);
                lastSaved = snapshot;
            });
            commit.onFailure(this::restoreLastSaved);
            return commit;
        });
    }

    void load() {
        if (file.isEmpty()) {
            return;
        }
        try {
            file.get().load(Ec2Snapshot.class).ifPresent(snapshot -> {
                restore(snapshot);
                lastSaved = snapshot;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a change and returns once the state it leaves is on disk; called holding no region lock. */
    void change(Change change) {
        if (commits.isEmpty()) {
            change.run();
            return;
        }
        long generation;
        changes.readLock().lock();
        try {
            change.run();
        } finally {
            // also what a change refused half-way had already changed
            generation = commits.get().stage(Boolean.TRUE);
            changes.readLock().unlock();
        }
        commits.get().awaitDurable(generation);
    }

    private void restoreLastSaved() {
        changes.writeLock().lock();
        try {
            commits.orElseThrow().abandonUndurable();
            states.clear();
            restore(lastSaved);
        } finally {
            changes.writeLock().unlock();
        }
    }

    private void restore(Ec2Snapshot snapshot) {
        for (Ec2Snapshot.RegionSnapshot region : snapshot.regions()) {
            states.put(region.accountId() + "/" + region.region(), Ec2Snapshot.restore(region));
        }
    }

    /** Region by region under each region's lock, after the staged changes were made, so it contains them. */
    private Ec2Snapshot snapshot() {
        List<Ec2Snapshot.RegionSnapshot> regions = new ArrayList<>();
        for (RegionState state : states.values()) {
            synchronized (state) {
                regions.add(Ec2Snapshot.of(state));
            }
        }
        return new Ec2Snapshot(regions);
    }

    @Override
    public void close() {
        // every change was saved before it was answered
    }
}
