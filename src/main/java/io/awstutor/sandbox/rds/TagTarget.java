package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.Arns;
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
        var parsed = Arns.parse(arn).filter(a -> a.service().equals("rds") && a.region().orElse("").equals(state.region)
                        && a.accountId().orElse("").equals(state.accountId) && a.resource().resourceType().isPresent())
                .orElseThrow(() -> RdsErrors.invalidValue("The specified resource name does not match an RDS resource in this region."));
        String[] parts = {parsed.resource().resourceType().get(), parsed.resource().resource()};
        String name = parts[1].toLowerCase(Locale.ROOT);
        return switch (parts[0]) {
            case "db" -> {
                DbInstance db = state.instances.get(name);
                if (db == null) {
                    throw RdsErrors.instanceNotFound(parts[1]);
                }
                yield db.tags;
            }
            case "cluster" -> {
                DbCluster c = state.clusters.get(name);
                if (c == null) {
                    throw RdsErrors.clusterNotFound(parts[1]);
                }
                yield c.tags;
            }
            case "snapshot" -> {
                DbSnapshot s = state.snapshots.get(name);
                if (s == null) {
                    throw RdsErrors.snapshotNotFound(parts[1]);
                }
                yield s.tags;
            }
            case "cluster-snapshot" -> {
                DbSnapshot s = state.clusterSnapshots.get(name);
                if (s == null) {
                    throw RdsErrors.clusterSnapshotNotFound(parts[1]);
                }
                yield s.tags;
            }
            case "subgrp" -> backend.subnetGroup(state, parts[1]).tags();
            default -> throw RdsErrors.invalidValue("The specified resource name does not match an RDS resource in this region.");
        };
    }
}
