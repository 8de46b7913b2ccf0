package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.persist.StateFile;
import io.awstutor.sandbox.protocol.AwsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * RDS's state on disk: one JSON file written atomically after every change. Deleted
 * resources are stored with their timeline, so one that was "deleting" at shutdown is gone
 * (or still deleting) by the clock after a restart.
 */
final class RdsStore {
    /** The file's shape: every account's regions. */
    record Stored(List<StoredRegion> regions) {
    }

    record StoredRegion(String accountId, String region, List<DbInstance> instances, List<DbCluster> clusters,
                        List<DbSnapshot> snapshots, List<DbSnapshot> clusterSnapshots, List<DbSubnetGroup> subnetGroups) {
    }

    private final StateFile file;
    /** The JSON last written (or read at start): what a failed change rolls back to. */
    private byte[] lastSaved;

    RdsStore(Path dir) {
        this.file = new StateFile(dir.resolve("rds.json"));
    }

    /** The saved regions; a corrupt file stops the sandbox with the file's name and the reason. */
    List<RegionState> load() {
        try {
            Stored loaded = file.load(Stored.class).orElse(new Stored(List.of()));
            lastSaved = file.serialize(loaded);
            return regions(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The state as last saved, fresh objects (the change that failed to save is not in it). */
    List<RegionState> lastSaved() {
        try {
            return regions(lastSaved == null ? new Stored(List.of()) : file.parse(lastSaved, Stored.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RegionState> regions(Stored saved) {
        List<RegionState> result = new ArrayList<>();
        for (StoredRegion stored : saved.regions()) {
            RegionState state = new RegionState(stored.accountId(), stored.region());
            stored.instances().forEach(i -> state.instances.put(i.identifier, i));
            stored.clusters().forEach(c -> state.clusters.put(c.identifier, c));
            stored.snapshots().forEach(s -> state.snapshots.put(s.identifier, s));
            stored.clusterSnapshots().forEach(s -> state.clusterSnapshots.put(s.identifier, s));
            stored.subnetGroups().forEach(g -> state.subnetGroups.put(g.name(), g));
            result.add(state);
        }
        return result;
    }

    void save(Collection<RegionState> regions) {
        List<StoredRegion> stored = new ArrayList<>();
        for (RegionState s : regions) {
            stored.add(new StoredRegion(s.accountId, s.region, List.copyOf(s.instances.values()), List.copyOf(s.clusters.values()),
                    List.copyOf(s.snapshots.values()), List.copyOf(s.clusterSnapshots.values()), List.copyOf(s.subnetGroups.values())));
        }
        try {
            byte[] json = file.serialize(new Stored(stored));
            file.saveSerialized(json);
            lastSaved = json;
        } catch (IOException e) {
            throw new AwsException("InternalFailure", "The sandbox could not save RDS's state: " + e.getMessage(), 500, false);
        }
    }
}
