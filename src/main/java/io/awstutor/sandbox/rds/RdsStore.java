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

    RdsStore(Path dir) {
        this.file = new StateFile(dir.resolve("rds.json"));
    }

    /** The saved regions; a corrupt file stops the sandbox with the file's name and the reason. */
    List<RegionState> load() {
        try {
            List<RegionState> result = new ArrayList<>();
            for (StoredRegion stored : file.load(Stored.class).map(Stored::regions).orElse(List.of())) {
                RegionState state = new RegionState(stored.accountId(), stored.region());
                stored.instances().forEach(i -> state.instances.put(i.identifier, i));
                stored.clusters().forEach(c -> state.clusters.put(c.identifier, c));
                stored.snapshots().forEach(s -> state.snapshots.put(s.identifier, s));
                stored.clusterSnapshots().forEach(s -> state.clusterSnapshots.put(s.identifier, s));
                stored.subnetGroups().forEach(g -> state.subnetGroups.put(g.name(), g));
                result.add(state);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void save(Collection<RegionState> regions) {
        List<StoredRegion> stored = new ArrayList<>();
        for (RegionState s : regions) {
            stored.add(new StoredRegion(s.accountId, s.region, List.copyOf(s.instances.values()), List.copyOf(s.clusters.values()),
                    List.copyOf(s.snapshots.values()), List.copyOf(s.clusterSnapshots.values()), List.copyOf(s.subnetGroups.values())));
        }
        try {
            file.save(new Stored(stored));
        } catch (IOException e) {
            throw new AwsException("InternalFailure", "The sandbox could not save RDS's state: " + e.getMessage(), 500, false);
        }
    }
}
