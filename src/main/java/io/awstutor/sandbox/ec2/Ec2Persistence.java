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

/**
 * Saves EC2's state to {@code ec2/ec2.json} in the data folder and restores it on start.
 * A change is answered only once it is on disk ({@link GroupCommit}: concurrent changes share
 * one write, so a script creating a thousand groups from many threads does not write a
 * thousand times), and a save that fails fails the request that made the change instead of
 * being printed and forgotten. Without a data folder nothing is written.
 */
final class Ec2Persistence implements AutoCloseable {
    private final Optional<GroupCommit> commits;
    private final Map<String, RegionState> states;

    Ec2Persistence(Optional<Path> dir, Map<String, RegionState> states) {
        this.commits = dir.map(d -> new GroupCommit(new StateFile(d.resolve("ec2.json"))));
        this.states = states;
    }

    void load() {
        if (commits.isEmpty()) {
            return;
        }
        try {
            commits.get().file().load(Ec2Snapshot.class).ifPresent(snapshot -> {
                for (Ec2Snapshot.RegionSnapshot region : snapshot.regions()) {
                    states.put(region.accountId() + "/" + region.region(), Ec2Snapshot.restore(region));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns once the state after the caller's change is on disk. Called holding no region
     * lock: the snapshot is taken by whichever thread writes, region by region under each
     * region's lock, after the change was made, so it contains it.
     */
    void save() {
        commits.ifPresent(c -> c.awaitDurable(c.stage(this::snapshot)));
    }

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
