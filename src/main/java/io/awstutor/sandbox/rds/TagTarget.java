package io.awstutor.sandbox.rds;

import java.util.Locale;
import java.util.Map;

/** Finds the tag map of the RDS resource an ARN names (db, cluster, snapshot, cluster-snapshot, subgrp). */
final class TagTarget {
    private final RdsBackend backend;
    private final RegionState state;

    TagTarget(RdsBackend backend, RegionState state) {
        this.backend = backend;
        this.state = state;
    }

    /** AddTagsToResource: the resource's tags with {@code added} put in, within RDS's limits. */
    void add(String arn, Map<String, String> added) {
        Map<String, String> tags = tagsOf(arn);
        Map<String, String> merged = RdsTagRules.RULES.merged(tags, added);
        tags.clear();
        tags.putAll(merged);
    }

    Map<String, String> tagsOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 7);
        if (parts.length != 7 || !"arn".equals(parts[0]) || !"rds".equals(parts[2])
                || !state.region.equals(parts[3]) || !state.accountId.equals(parts[4])) {
            throw RdsErrors.invalidValue("The specified resource name does not match an RDS resource in this region.");
        }
        String name = parts[6].toLowerCase(Locale.ROOT);
        return switch (parts[5]) {
            case "db" -> {
                DbInstance db = state.instances.get(name);
                if (db == null) {
                    throw RdsErrors.instanceNotFound(parts[6]);
                }
                yield db.tags;
            }
            case "cluster" -> {
                DbCluster c = state.clusters.get(name);
                if (c == null) {
                    throw RdsErrors.clusterNotFound(parts[6]);
                }
                yield c.tags;
            }
            case "snapshot" -> {
                DbSnapshot s = state.snapshots.get(name);
                if (s == null) {
                    throw RdsErrors.snapshotNotFound(parts[6]);
                }
                yield s.tags;
            }
            case "cluster-snapshot" -> {
                DbSnapshot s = state.clusterSnapshots.get(name);
                if (s == null) {
                    throw RdsErrors.clusterSnapshotNotFound(parts[6]);
                }
                yield s.tags;
            }
            case "subgrp" -> backend.subnetGroup(state, parts[6]).tags();
            default -> throw RdsErrors.invalidValue("The specified resource name does not match an RDS resource in this region.");
        };
    }
}
