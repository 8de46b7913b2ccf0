package io.awstutor.sandbox.rds;

import java.util.Arrays;
import java.util.function.Function;
import java.util.Collection;
import io.awstutor.sandbox.protocol.FilterMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Aurora DB clusters: CreateDBCluster (provisioned, Serverless v2 capacity; the retired
 * Serverless v1 refused as AWS refuses it since its end of life), DescribeDBClusters and
 * DeleteDBCluster. Called by {@link RdsBackend} with its lock held.
 */
final class ClusterOperations {
    private static final double MAX_ACU = 256.0;
    private final RdsBackend backend;

    ClusterOperations(RdsBackend backend) {
        this.backend = backend;
    }

    DbCluster create(RegionState state, CreateClusterRequest r) {
        String id = InstanceRules.identifier("DBClusterIdentifier", r.identifier());
        Engine engine = InstanceRules.engine(backend.catalog(), r.engine());
        if (!engine.aurora()) {
            throw RdsErrors.invalidValue("Invalid DB engine: " + r.engine() + ". Use aurora-mysql or aurora-postgresql for a DB cluster.");
        }
        String mode = r.engineMode() == null ? "provisioned" : r.engineMode().toLowerCase(Locale.ROOT);
        if (!"provisioned".equals(mode)) {
            // Serverless v1 reached end of life on 2025-03-31; AWS now answers every request for it so.
            throw RdsErrors.invalidValue("The engine mode " + r.engineMode() + " you requested is currently unavailable.");
        }
        String version = InstanceRules.version(engine, r.engineVersion());
        InstanceRules.masterUsername(engine, r.masterUsername());
        InstanceRules.masterPassword(engine, r.masterUserPassword());
        InstanceRules.backupRetention(r.backupRetentionPeriod());
        InstanceRules.dbName(engine, r.databaseName());
        InstanceRules.port(r.port());
        if (r.serverlessV2Given()) {
            serverlessV2Capacity(engine, version, r.minCapacity(), r.maxCapacity());
        }
        if (state.clusters.containsKey(id)) {
            throw RdsErrors.clusterExists();
        }
        DbSubnetGroup group = backend.subnetGroup(state, r.subnetGroupName() == null ? SubnetGroupOperations.DEFAULT : r.subnetGroupName());
        List<String> groups = NetworkRules.securityGroups(backend.network(), state, group.vpcId(), r.vpcSecurityGroupIds());
        List<String> zones = group.zones();

        Instant now = backend.now();
        DbCluster c = new DbCluster();
        c.identifier = id;
        c.arn = RdsNames.arn(state.region, state.accountId, "cluster", id);
        c.resourceId = RdsNames.resourceId("cluster-");
        c.engine = engine.name();
        c.engineVersion = version;
        c.masterUsername = r.masterUsername();
        c.databaseName = r.databaseName();
        c.port = r.port() == null ? engine.defaultPort() : r.port();
        c.availabilityZones = new ArrayList<>(zones.subList(0, Math.min(3, zones.size())));
        c.vpcSecurityGroupIds = new ArrayList<>(groups);
        c.subnetGroupName = group.name();
        c.vpcId = group.vpcId();
        c.endpoint = RdsNames.clusterEndpoint(id, state.accountId, state.region, false);
        c.readerEndpoint = RdsNames.clusterEndpoint(id, state.accountId, state.region, true);
        c.hostedZoneId = RdsNames.hostedZone(state.region);
        c.deletionProtection = Boolean.TRUE.equals(r.deletionProtection());
        c.backupRetentionPeriod = r.backupRetentionPeriod() == null ? 1 : r.backupRetentionPeriod();
        c.storageEncrypted = Boolean.TRUE.equals(r.storageEncrypted());
        c.copyTagsToSnapshot = Boolean.TRUE.equals(r.copyTagsToSnapshot());
        c.minCapacity = r.serverlessV2Given() ? r.minCapacity() : null;
        c.maxCapacity = r.serverlessV2Given() ? r.maxCapacity() : null;
        c.tags.putAll(r.tags());
        c.createTime = now;
        c.timeline = Timeline.of("creating", now).then("available", backend.later(RdsBackend.CREATE_CLUSTER));
        state.clusters.put(id, c);
        // Aurora's storage and engine belong to the cluster; its instances are the compute that answers.
        c.endpointPort = backend.engines().created(backend.ref(state, RdsBackend.CLUSTER_PREFIX + id), c.engine,
                r.masterUserPassword(), null);
        return c;
    }

    /**
     * Serverless v2 capacity in ACUs: both bounds, half steps, max 1 to 256, min from 0 (0
     * only on versions with auto-pause) up to max.
     */
    private static void serverlessV2Capacity(Engine engine, String version, Double min, Double max) {
        if (min == null || max == null) {
            throw RdsErrors.invalidValue("Both MinCapacity and MaxCapacity must be specified when you initialize Serverless v2 scaling configuration.");
        }
        if (max < 1.0 || max > MAX_ACU || max * 2 != Math.rint(max * 2)) {
            throw RdsErrors.invalidValue("Serverless v2 maximum capacity " + max + " isn't valid. The maximum capacity must be at least 1.0"
                    + " and at most " + MAX_ACU + ", in increments of 0.5.");
        }
        double lowest = supportsAutoPause(engine, version) ? 0.0 : 0.5;
        if (min < lowest || min > max || min * 2 != Math.rint(min * 2)) {
            throw RdsErrors.invalidValue("Serverless v2 minimum capacity " + min + " isn't valid. The minimum capacity must be at least "
                    + lowest + " and at most the maximum capacity " + max + ", in increments of 0.5.");
        }
    }

    /** Scaling to 0 ACUs came with Aurora MySQL 3.08 and Aurora PostgreSQL 13.15/14.12/15.7/16.3. */
    private static boolean supportsAutoPause(Engine engine, String version) {
        if (engine.name().equals("aurora-mysql")) {
            return version.compareTo("8.0.mysql_aurora.3.08") >= 0;
        }
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        return major >= 17 || (major == 16 && minor >= 3) || (major == 15 && minor >= 7)
                || (major == 14 && minor >= 12) || (major == 13 && minor >= 15);
    }

    DbCluster find(RegionState state, String identifier) {
        DbCluster c = identifier == null ? null : state.clusters.get(RdsNames.nameOf(identifier));
        if (c == null) {
            throw RdsErrors.clusterNotFound(identifier);
        }
        return c;
    }

    Page<DbCluster> describe(RegionState state, String identifier, Map<String, List<String>> filters, String marker, Integer maxRecords) {
        Map<String, Function<DbCluster, Collection<String>>> names = Map.of(
                "db-cluster-id", c -> Arrays.asList(c.identifier, c.arn),
                "engine", FilterMatcher.one(c -> c.engine),
                "db-cluster-resource-id", FilterMatcher.one(c -> c.resourceId),
                "clone-group-id", c -> List.of(),
                "domain", c -> List.of());
        var predicate = new FilterMatcher<>(RdsParams.FILTERS, names, null).predicate(RdsParams.filterList(filters));
        if (identifier != null) {
            return new Page<>(List.of(find(state, identifier)), null);
        }
        List<DbCluster> matching = state.clusters.values().stream().filter(predicate).toList();
        return Page.of(matching, c -> c.identifier, marker, maxRecords);
    }

    /** Members still counting: not being deleted. The writer (the oldest) first. */
    List<DbInstance> members(RegionState state, String clusterId) {
        return state.instances.values().stream()
                .filter(db -> clusterId.equals(db.clusterIdentifier))
                .sorted(Comparator.comparing((DbInstance db) -> db.createTime).thenComparing(db -> db.identifier))
                .toList();
    }

    /** ModifyDBCluster's changes a learner makes: deletion protection and the Serverless v2 capacity range. */
    DbCluster modify(RegionState state, String identifier, Boolean deletionProtection, boolean serverlessV2Given,
                     Double minCapacity, Double maxCapacity) {
        DbCluster c = find(state, identifier);
        Instant now = backend.now();
        if (!"available".equals(c.status(now))) {
            throw RdsErrors.clusterState("DbCluster " + c.identifier + " is in " + c.status(now)
                    + " state but expected it to be one of available.");
        }
        if (serverlessV2Given) {
            Engine engine = InstanceRules.engine(backend.catalog(), c.engine);
            serverlessV2Capacity(engine, c.engineVersion, minCapacity, maxCapacity);
            c.minCapacity = minCapacity;
            c.maxCapacity = maxCapacity;
        }
        if (deletionProtection != null) {
            c.deletionProtection = deletionProtection;
        }
        return c;
    }

    DbCluster delete(RegionState state, String identifier, boolean skipFinalSnapshot, String finalSnapshotId) {
        DbCluster c = find(state, identifier);
        Instant now = backend.now();
        if ("deleting".equals(c.status(now))) {
            throw RdsErrors.clusterState("Cluster " + c.identifier + " is already being deleted.");
        }
        if (c.deletionProtection) {
            throw RdsErrors.invalidCombination("Cannot delete protected Cluster, please disable deletion protection and try again.");
        }
        boolean liveMembers = members(state, c.identifier).stream().anyMatch(db -> !"deleting".equals(db.status(now)));
        if (liveMembers) {
            throw RdsErrors.clusterState("Cluster cannot be deleted, it still contains DB instances in non-deleting state.");
        }
        if (!skipFinalSnapshot) {
            if (finalSnapshotId == null || finalSnapshotId.isEmpty()) {
                throw RdsErrors.finalSnapshotRequired();
            }
            backend.snapshotOps().takeClusterSnapshot(state, finalSnapshotId, c);
        }
        c.timeline = c.timeline.then("deleting", now).endingAt(backend.later(RdsBackend.DELETE));
        backend.engines().deleted(backend.ref(state, RdsBackend.CLUSTER_PREFIX + c.identifier));
        return c;
    }
}
