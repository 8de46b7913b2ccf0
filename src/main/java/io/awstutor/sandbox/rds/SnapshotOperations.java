package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.AwsException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Manual DB snapshots and DB cluster snapshots, including the final ones deletions take. */
final class SnapshotOperations {
    /** How the engines name a DB snapshot's and a DB cluster snapshot's data, beside the instances' IDs. */
    static final String SNAPSHOT_PREFIX = "snapshot:";
    static final String CLUSTER_SNAPSHOT_PREFIX = "cluster-snapshot:";
    private final RdsBackend backend;

    SnapshotOperations(RdsBackend backend) {
        this.backend = backend;
    }

    DbSnapshot create(RegionState state, String snapshotId, String instanceId, Map<String, String> tags) {
        InstanceRules.identifier("DBSnapshotIdentifier", snapshotId);
        if (instanceId == null || instanceId.isBlank()) {
            throw RdsErrors.notBlank("DBInstanceIdentifier");
        }
        DbInstance db = state.instances.get(instanceId.toLowerCase(Locale.ROOT));
        if (db == null) {
            throw RdsErrors.instanceNotFound(instanceId);
        }
        if (db.clusterIdentifier != null) {
            throw RdsErrors.invalidValue("The specified instance is a member of a cluster and a snapshot cannot be created directly. "
                    + "Please use the CreateDBClusterSnapshot API instead.");
        }
        if (!"available".equals(db.status(backend.now()))) {
            throw RdsErrors.instanceState("Cannot create a snapshot because database instance " + db.identifier
                    + " is not currently in the available state.");
        }
        return takeInstanceSnapshot(state, snapshotId, db, tags);
    }

    DbSnapshot takeInstanceSnapshot(RegionState state, String snapshotId, DbInstance db, Map<String, String> tags) {
        String id = InstanceRules.identifier("DBSnapshotIdentifier", snapshotId);
        if (state.snapshots.containsKey(id)) {
            throw RdsErrors.snapshotExists(id);
        }
        Instant now = backend.now();
        DbSnapshot s = new DbSnapshot();
        s.identifier = id;
        s.arn = RdsNames.arn(state.region, state.accountId, "snapshot", id);
        s.sourceIdentifier = db.identifier;
        s.engine = db.engine;
        s.engineVersion = db.engineVersion;
        s.allocatedStorage = db.allocatedStorage;
        s.storageType = db.storageType;
        s.instanceClass = db.instanceClass;
        s.iops = db.iops;
        s.dbName = db.dbName;
        s.port = db.port;
        s.availabilityZone = db.availabilityZone;
        s.vpcId = db.vpcId;
        s.masterUsername = db.masterUsername;
        s.licenseModel = db.licenseModel;
        s.encrypted = db.storageEncrypted;
        s.sourceCreateTime = db.createTime;
        s.resourceId = db.resourceId;
        s.createTime = now;
        s.timeline = Timeline.of("creating", now).then("available", backend.later(RdsBackend.SNAPSHOT));
        if (db.copyTagsToSnapshot) {
            s.tags.putAll(db.tags);
        }
        s.tags.putAll(tags);
        state.snapshots.put(id, s);
        backend.engines().snapshotTaken(backend.ref(state, db.identifier), backend.ref(state, SNAPSHOT_PREFIX + id));
        return s;
    }

    /** RestoreDBInstanceFromDBSnapshot: a new instance with the snapshot's engine, storage and master user. */
    DbInstance restore(RegionState state, InstanceOperations instances, RestoreRequest r) {
        DbSnapshot s = toRestore(state, false, "DBSnapshotIdentifier", r.snapshotIdentifier());
        CreateInstanceRequest create = new CreateInstanceRequest(r.identifier(), s.engine, s.engineVersion,
                r.instanceClass() == null ? s.instanceClass : r.instanceClass(), s.allocatedStorage, s.storageType, s.iops,
                s.masterUsername, null, s.dbName, r.port(), r.multiAz(), r.availabilityZone(), r.publiclyAccessible(),
                r.vpcSecurityGroupIds(), r.subnetGroupName(), r.deletionProtection(), null, s.encrypted, null, null,
                null, null, r.tags());
        DbInstance db = instances.create(state, create, true);
        db.endpointPort = backend.engines().created(backend.ref(state, db.identifier), db.engine, null,
                backend.ref(state, SNAPSHOT_PREFIX + s.identifier));
        return db;
    }

    /** CreateDBClusterSnapshot: the cluster's data as it is now, while the cluster is available. */
    DbSnapshot createCluster(RegionState state, String snapshotId, String clusterId, Map<String, String> tags) {
        InstanceRules.identifier("DBClusterSnapshotIdentifier", snapshotId);
        if (clusterId == null || clusterId.isBlank()) {
            throw RdsErrors.notBlank("DBClusterIdentifier");
        }
        DbCluster c = state.clusters.get(RdsNames.nameOf(clusterId));
        if (c == null) {
            throw RdsErrors.clusterNotFound(clusterId);
        }
        if (!"available".equals(c.status(backend.now()))) {
            throw RdsErrors.clusterState("DBCluster " + c.identifier + " is not in the available state.");
        }
        return takeClusterSnapshot(state, "DBClusterSnapshotIdentifier", snapshotId, c, tags);
    }

    /** The snapshot a restore names: given, existing, and available. */
    DbSnapshot toRestore(RegionState state, boolean cluster, String parameter, String snapshotId) {
        if (snapshotId == null || snapshotId.isBlank()) {
            throw RdsErrors.notBlank(parameter);
        }
        DbSnapshot s = (cluster ? state.clusterSnapshots : state.snapshots).get(RdsNames.nameOf(snapshotId));
        if (s == null) {
            throw cluster ? RdsErrors.clusterSnapshotNotFound(snapshotId) : RdsErrors.snapshotNotFound(snapshotId);
        }
        if (!"available".equals(s.status(backend.now()))) {
            throw new AwsException(cluster ? "InvalidDBClusterSnapshotStateFault" : "InvalidDBSnapshotState",
                    "Snapshot " + s.identifier + " is not in the available state.", 400);
        }
        return s;
    }

    DbSnapshot takeClusterSnapshot(RegionState state, String parameter, String snapshotId, DbCluster cluster,
                                   Map<String, String> tags) {
        String id = InstanceRules.identifier(parameter, snapshotId);
        if (state.clusterSnapshots.containsKey(id)) {
            throw RdsErrors.clusterSnapshotExists(id);
        }
        Instant now = backend.now();
        DbSnapshot s = new DbSnapshot();
        s.identifier = id;
        s.clusterSnapshot = true;
        s.arn = RdsNames.arn(state.region, state.accountId, "cluster-snapshot", id);
        s.sourceIdentifier = cluster.identifier;
        s.engine = cluster.engine;
        s.engineVersion = cluster.engineVersion;
        s.allocatedStorage = 1;
        s.storageType = "aurora";
        s.port = cluster.port;
        s.vpcId = cluster.vpcId;
        s.masterUsername = cluster.masterUsername;
        s.dbName = cluster.databaseName;
        s.licenseModel = cluster.engine.contains("postgres") ? "postgresql-license" : "aurora-mysql";
        s.encrypted = cluster.storageEncrypted;
        s.sourceCreateTime = cluster.createTime;
        s.resourceId = cluster.resourceId;
        s.createTime = now;
        s.timeline = Timeline.of("creating", now).then("available", backend.later(RdsBackend.SNAPSHOT));
        if (cluster.copyTagsToSnapshot) {
            s.tags.putAll(cluster.tags);
        }
        s.tags.putAll(tags);
        state.clusterSnapshots.put(id, s);
        backend.engines().snapshotTaken(backend.ref(state, RdsBackend.CLUSTER_PREFIX + cluster.identifier),
                backend.ref(state, CLUSTER_SNAPSHOT_PREFIX + id));
        return s;
    }

    Page<DbSnapshot> describe(RegionState state, boolean cluster, String snapshotId, String sourceId, String snapshotType,
                              String marker, Integer maxRecords) {
        Map<String, DbSnapshot> all = cluster ? state.clusterSnapshots : state.snapshots;
        if (snapshotId != null) {
            DbSnapshot s = all.get(snapshotId.toLowerCase(Locale.ROOT));
            if (s == null) {
                throw cluster ? RdsErrors.clusterSnapshotNotFound(snapshotId) : RdsErrors.snapshotNotFound(snapshotId);
            }
            return new Page<>(List.of(s), null);
        }
        if (sourceId != null && !cluster && !state.instances.containsKey(sourceId.toLowerCase(Locale.ROOT))
                && all.values().stream().noneMatch(s -> s.sourceIdentifier.equalsIgnoreCase(sourceId))) {
            throw RdsErrors.instanceNotFound(sourceId);
        }
        List<DbSnapshot> matching = all.values().stream()
                .filter(s -> sourceId == null || s.sourceIdentifier.equalsIgnoreCase(sourceId))
                .filter(s -> snapshotType == null || s.snapshotType.equals(snapshotType))
                .toList();
        return Page.of(matching, s -> s.identifier, marker, maxRecords);
    }

    DbSnapshot delete(RegionState state, boolean cluster, String snapshotId) {
        if (snapshotId == null || snapshotId.isBlank()) {
            throw RdsErrors.notBlank(cluster ? "DBClusterSnapshotIdentifier" : "DBSnapshotIdentifier");
        }
        Map<String, DbSnapshot> all = cluster ? state.clusterSnapshots : state.snapshots;
        DbSnapshot s = all.get(snapshotId.toLowerCase(Locale.ROOT));
        if (s == null) {
            throw cluster ? RdsErrors.clusterSnapshotNotFound(snapshotId) : RdsErrors.snapshotNotFound(snapshotId);
        }
        if (!"available".equals(s.status(backend.now()))) {
            throw new AwsException(cluster ? "InvalidDBClusterSnapshotStateFault" : "InvalidDBSnapshotState",
                    "Cannot delete the snapshot because it is not in the available state.", 400);
        }
        all.remove(s.identifier);
        backend.engines().snapshotDeleted(backend.ref(state, (cluster ? CLUSTER_SNAPSHOT_PREFIX : SNAPSHOT_PREFIX) + s.identifier));
        s.timeline = s.timeline.then("deleted", backend.now());
        return s;
    }
}
