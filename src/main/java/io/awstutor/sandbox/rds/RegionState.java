package io.awstutor.sandbox.rds;

import java.util.Map;
import java.util.TreeMap;

/**
 * One account's RDS resources in one region, keyed by lower-cased identifier (RDS
 * identifiers are case-insensitive) and sorted, which is the order Describe* lists them in.
 */
final class RegionState {
    final String accountId;
    final String region;
    final Map<String, DbInstance> instances = new TreeMap<>();
    final Map<String, DbCluster> clusters = new TreeMap<>();
    final Map<String, DbSnapshot> snapshots = new TreeMap<>();
    final Map<String, DbSnapshot> clusterSnapshots = new TreeMap<>();
    final Map<String, DbSubnetGroup> subnetGroups = new TreeMap<>();
    /** DescribeEvents' entries, oldest first (RDS keeps 14 days; a sandbox session is shorter). */
    final java.util.List<RdsEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

    RegionState(String accountId, String region) {
        this.accountId = accountId;
        this.region = region;
    }
}
