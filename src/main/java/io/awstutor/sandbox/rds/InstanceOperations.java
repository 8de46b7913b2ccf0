package io.awstutor.sandbox.rds;

import java.util.Arrays;
import java.util.function.Function;
import java.util.Collection;
import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.ec2.NetworkDirectory.SubnetInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CreateDBInstance, DescribeDBInstances, ModifyDBInstance, RebootDBInstance and
 * DeleteDBInstance with RDS's rules. Called by {@link RdsBackend} with its lock held.
 */
final class InstanceOperations {
    private final RdsBackend backend;

    InstanceOperations(RdsBackend backend) {
        this.backend = backend;
    }

    DbInstance create(RegionState state, CreateInstanceRequest r) {
        return create(state, r, false);
    }

    /**
     * A new instance; {@code restored} ones come from a snapshot, whose master user (and
     * password) they keep, so none is asked for.
     */
    DbInstance create(RegionState state, CreateInstanceRequest r, boolean restored) {
        String id = InstanceRules.identifier("DBInstanceIdentifier", r.identifier());
        Engine engine = InstanceRules.engine(backend.catalog(), r.engine());
        if (r.clusterIdentifier() != null) {
            return createClusterMember(state, id, engine, r);
        }
        if (engine.aurora()) {
            throw RdsErrors.invalidValue("The parameter DBClusterIdentifier must be provided and must not be blank.");
        }
        String version = InstanceRules.version(engine, r.engineVersion());
        InstanceRules.instanceClass(engine, version, r.instanceClass());
        String storageType = InstanceRules.storageType(r.storageType(), r.iops());
        if (r.allocatedStorage() == null) {
            throw RdsErrors.invalidValue("The parameter AllocatedStorage must be provided and must not be blank.");
        }
        InstanceRules.storage(engine, storageType, r.allocatedStorage());
        InstanceRules.iops(engine, storageType, r.allocatedStorage(), r.iops());
        if (!restored) {
            InstanceRules.masterUsername(engine, r.masterUsername());
            InstanceRules.masterPassword(engine, r.masterUserPassword());
        }
        InstanceRules.backupRetention(r.backupRetentionPeriod());
        InstanceRules.dbName(engine, r.dbName());
        InstanceRules.port(r.port());
        boolean multiAz = Boolean.TRUE.equals(r.multiAz());
        if (multiAz && r.availabilityZone() != null) {
            throw RdsErrors.invalidCombination("Requesting a specific availability zone is not valid for Multi-AZ instances.");
        }
        if (state.instances.containsKey(id)) {
            throw RdsErrors.instanceExists();
        }
        DbSubnetGroup group = backend.subnetGroup(state, r.subnetGroupName() == null ? "default" : r.subnetGroupName());
        List<String> groups = NetworkRules.securityGroups(backend.network(), state, group.vpcId(), r.vpcSecurityGroupIds());
        String zone = NetworkRules.zone(group, r.availabilityZone(), id);

        DbInstance db = new DbInstance();
        Instant now = backend.now();
        db.identifier = id;
        db.arn = RdsNames.arn(state.region, state.accountId, "db", id);
        db.resourceId = RdsNames.resourceId("db-");
        db.engine = engine.name();
        db.engineVersion = version;
        db.licenseModel = engine.licenseModel();
        db.instanceClass = r.instanceClass();
        db.allocatedStorage = r.allocatedStorage();
        db.storageType = storageType;
        db.iops = r.iops();
        db.masterUsername = r.masterUsername();
        db.dbName = r.dbName();
        db.port = r.port() == null ? engine.defaultPort() : r.port();
        db.multiAz = multiAz;
        db.availabilityZone = zone;
        db.secondaryAvailabilityZone = multiAz ? NetworkRules.otherZone(group, zone) : null;
        // AWS's default: public without a named subnet group or with "default", private with any other.
        db.publiclyAccessible = r.publiclyAccessible() != null ? r.publiclyAccessible()
                : r.subnetGroupName() == null || SubnetGroupOperations.DEFAULT.equalsIgnoreCase(r.subnetGroupName());
        db.vpcSecurityGroupIds = new ArrayList<>(groups);
        db.deletionProtection = Boolean.TRUE.equals(r.deletionProtection());
        db.backupRetentionPeriod = r.backupRetentionPeriod() == null ? 1 : r.backupRetentionPeriod();
        db.storageEncrypted = Boolean.TRUE.equals(r.storageEncrypted());
        db.copyTagsToSnapshot = Boolean.TRUE.equals(r.copyTagsToSnapshot());
        db.autoMinorVersionUpgrade = !Boolean.FALSE.equals(r.autoMinorVersionUpgrade());
        db.tags.putAll(r.tags());
        placeInNetwork(state, db, group, zone);
        db.createTime = now;
        db.timeline = Timeline.of("creating", now)
                .then("backing-up", backend.later(RdsBackend.FIRST_BACKUP))
                .then("available", backend.later(RdsBackend.CREATE_INSTANCE));
        state.instances.put(id, db);
        backend.publishEndpoint(state, db);
        if (!restored) {
            db.endpointPort = backend.engines().created(backend.ref(state, id), db.engine, r.masterUserPassword(), null);
        }
        return db;
    }

    /** An Aurora instance: engine, network, user and storage come from its cluster. */
    private DbInstance createClusterMember(RegionState state, String id, Engine engine, CreateInstanceRequest r) {
        String clusterId = r.clusterIdentifier().toLowerCase(java.util.Locale.ROOT);
        DbCluster cluster = state.clusters.get(clusterId);
        if (cluster == null) {
            throw RdsErrors.clusterNotFound(r.clusterIdentifier());
        }
        if (!engine.name().equals(cluster.engine)) {
            throw RdsErrors.invalidCombination("The engine name requested for your DB instance (" + engine.name()
                    + ") doesn't match the engine name of your DB cluster (" + cluster.engine + ").");
        }
        InstanceRules.instanceClass(engine, cluster.engineVersion, r.instanceClass());
        if (Boolean.TRUE.equals(r.deletionProtection())) {
            throw RdsErrors.invalidCombination("Deletion Protection can only be applied on the Cluster level, not for individual instances");
        }
        if (r.masterUserPassword() != null) {
            throw RdsErrors.invalidCombination("The requested DB Instance will be a member of a DB Cluster. Set master user password for the DB Cluster.");
        }
        if ("db.serverless".equals(r.instanceClass()) && !cluster.serverlessV2()) {
            throw RdsErrors.clusterState("Set the Serverless v2 scaling configuration on the parent DB cluster before creating a Serverless v2 DB instance.");
        }
        if ("deleting".equals(cluster.status(backend.now()))) {
            throw RdsErrors.clusterState("DB cluster " + cluster.identifier + " is not in a valid state: deleting.");
        }
        if (state.instances.containsKey(id)) {
            throw RdsErrors.instanceExists();
        }
        DbSubnetGroup group = backend.subnetGroup(state, cluster.subnetGroupName);
        String zone = r.availabilityZone() != null ? NetworkRules.zone(group, r.availabilityZone(), id)
                : cluster.availabilityZones.get(Math.floorMod(id.hashCode(), cluster.availabilityZones.size()));
        Instant now = backend.now();
        DbInstance db = new DbInstance();
        db.identifier = id;
        db.arn = RdsNames.arn(state.region, state.accountId, "db", id);
        db.resourceId = RdsNames.resourceId("db-");
        db.engine = cluster.engine;
        db.engineVersion = cluster.engineVersion;
        db.licenseModel = engine.licenseModel();
        db.instanceClass = r.instanceClass();
        db.allocatedStorage = 1;
        db.storageType = "aurora";
        db.masterUsername = cluster.masterUsername;
        db.dbName = cluster.databaseName;
        db.port = cluster.port;
        db.availabilityZone = zone;
        db.publiclyAccessible = Boolean.TRUE.equals(r.publiclyAccessible());
        db.vpcSecurityGroupIds = new ArrayList<>(cluster.vpcSecurityGroupIds);
        db.backupRetentionPeriod = cluster.backupRetentionPeriod;
        db.storageEncrypted = cluster.storageEncrypted;
        db.copyTagsToSnapshot = cluster.copyTagsToSnapshot;
        db.autoMinorVersionUpgrade = !Boolean.FALSE.equals(r.autoMinorVersionUpgrade());
        db.clusterIdentifier = cluster.identifier;
        db.promotionTier = r.promotionTier() == null ? 1 : r.promotionTier();
        db.endpointPort = cluster.endpointPort;
        db.tags.putAll(r.tags());
        placeInNetwork(state, db, group, zone);
        db.createTime = now;
        db.timeline = Timeline.of("creating", now).then("available", backend.later(RdsBackend.CREATE_INSTANCE));
        state.instances.put(id, db);
        backend.publishEndpoint(state, db);
        return db;
    }

    private void placeInNetwork(RegionState state, DbInstance db, DbSubnetGroup group, String zone) {
        SubnetInfo subnet = group.subnets().stream().filter(s -> s.availabilityZone().equals(zone)).findFirst()
                .orElseThrow(() -> RdsErrors.invalidValue("No subnet of DB subnet group " + group.name() + " is in " + zone + "."));
        db.subnetGroupName = group.name();
        db.vpcId = group.vpcId();
        db.subnetId = subnet.subnetId();
        db.privateIp = backend.network().allocatePrivateIp(state.accountId, state.region, subnet.subnetId());
        db.endpointAddress = RdsNames.instanceEndpoint(db.identifier, state.accountId, state.region);
        db.hostedZoneId = RdsNames.hostedZone(state.region);
    }

    Page<DbInstance> describe(RegionState state, String identifier, Map<String, List<String>> filters,
                              String marker, Integer maxRecords) {
        Map<String, Function<DbInstance, Collection<String>>> names = Map.of(
                "db-instance-id", db -> Arrays.asList(db.identifier, db.arn),
                "db-cluster-id", db -> db.clusterIdentifier == null ? List.of()
                        : Arrays.asList(db.clusterIdentifier, RdsNames.arn(state.region, state.accountId, "cluster", db.clusterIdentifier)),
                "engine", FilterMatcher.one(db -> db.engine),
                "dbi-resource-id", FilterMatcher.one(db -> db.resourceId),
                "domain", db -> List.of());
        var predicate = new FilterMatcher<>(RdsParams.FILTERS, names, null).predicate(RdsParams.filterList(filters));
        if (identifier != null) {
            return new Page<>(List.of(find(state, identifier)), null);
        }
        List<DbInstance> matching = state.instances.values().stream().filter(predicate).toList();
        return Page.of(matching, i -> i.identifier, marker, maxRecords);
    }

    DbInstance find(RegionState state, String identifier) {
        DbInstance db = identifier == null ? null : state.instances.get(RdsNames.nameOf(identifier));
        if (db == null) {
            throw RdsErrors.instanceNotFound(identifier);
        }
        return db;
    }

    DbInstance modify(RegionState state, ModifyInstanceRequest r) {
        DbInstance db = find(state, r.identifier());
        Instant now = backend.now();
        requireAvailable(db, now);
        Engine engine = InstanceRules.engine(backend.catalog(), db.engine);
        boolean clusterMember = db.clusterIdentifier != null;
        if (r.instanceClass() != null) {
            InstanceRules.instanceClass(engine, db.engineVersion, r.instanceClass());
        }
        if (r.allocatedStorage() != null && !clusterMember) {
            InstanceRules.storage(engine, db.storageType, r.allocatedStorage());
            if (r.allocatedStorage() < db.allocatedStorage) {
                throw RdsErrors.invalidValue("Invalid storage size for engine name " + db.engine + " and storage type "
                        + db.storageType + ": " + r.allocatedStorage() + ". Allocated storage can't be decreased.");
            }
        }
        if (r.masterUserPassword() != null) {
            if (clusterMember) {
                throw RdsErrors.invalidCombination("The specified DB instance is a member of a DB cluster. Modify the master user password for the DB cluster.");
            }
            InstanceRules.masterPassword(engine, r.masterUserPassword());
        }
        InstanceRules.backupRetention(r.backupRetentionPeriod());
        if (clusterMember && Boolean.TRUE.equals(r.deletionProtection())) {
            throw RdsErrors.invalidCombination("Deletion Protection can only be applied on the Cluster level, not for individual instances");
        }
        List<String> groups = r.vpcSecurityGroupIds() == null || r.vpcSecurityGroupIds().isEmpty() ? null
                : NetworkRules.securityGroups(backend.network(), state, db.vpcId, r.vpcSecurityGroupIds());
        // Every check is done above this line: a refused modification changes nothing.
        if (groups != null) {
            db.vpcSecurityGroupIds = new ArrayList<>(groups);
        }
        if (r.deletionProtection() != null) {
            db.deletionProtection = r.deletionProtection();
        }
        if (r.publiclyAccessible() != null) {
            db.publiclyAccessible = r.publiclyAccessible();
        }
        if (r.backupRetentionPeriod() != null) {
            db.backupRetentionPeriod = r.backupRetentionPeriod();
        }
        if (r.copyTagsToSnapshot() != null) {
            db.copyTagsToSnapshot = r.copyTagsToSnapshot();
        }
        boolean changesShape = (r.instanceClass() != null && !r.instanceClass().equals(db.instanceClass))
                || (r.allocatedStorage() != null && !clusterMember && r.allocatedStorage() != db.allocatedStorage)
                || (r.multiAz() != null && !clusterMember && r.multiAz() != db.multiAz);
        if (changesShape) {
            db.pendingInstanceClass = r.instanceClass() != null && !r.instanceClass().equals(db.instanceClass) ? r.instanceClass() : null;
            db.pendingAllocatedStorage = r.allocatedStorage() != null && !clusterMember && r.allocatedStorage() != db.allocatedStorage
                    ? r.allocatedStorage() : null;
            db.pendingMultiAz = r.multiAz() != null && !clusterMember && r.multiAz() != db.multiAz ? r.multiAz() : null;
            if (Boolean.TRUE.equals(db.pendingMultiAz)) {
                db.secondaryAvailabilityZone = NetworkRules.otherZone(backend.subnetGroup(state, db.subnetGroupName), db.availabilityZone);
            }
            if (r.applyImmediately()) {
                Instant done = backend.later(RdsBackend.MODIFY);
                db.timeline = db.timeline.then("modifying", now).then("available", done);
                db.pendingAppliesAt = done;
            }
        }
        if (r.masterUserPassword() != null) {
            // The password is set as soon as possible whatever ApplyImmediately says; alone it has its own status.
            boolean withModify = changesShape && r.applyImmediately();
            db.passwordResetUntil = withModify ? db.pendingAppliesAt : backend.later(RdsBackend.RESET_CREDENTIALS);
            if (!withModify) {
                db.timeline = db.timeline.then("resetting-master-credentials", now).then("available", db.passwordResetUntil);
            }
            backend.engines().passwordChanged(backend.ref(state, db.identifier), db.masterUsername, r.masterUserPassword());
        }
        backend.publishEndpoint(state, db);
        return db;
    }

    DbInstance reboot(RegionState state, String identifier, boolean forceFailover) {
        DbInstance db = find(state, identifier);
        Instant now = backend.now();
        requireAvailable(db, now);
        if (forceFailover && !db.multiAz) {
            throw RdsErrors.invalidCombination("Cannot reboot a Single-AZ DB instance with force failover.");
        }
        if (forceFailover) {
            String primary = db.availabilityZone;
            db.availabilityZone = db.secondaryAvailabilityZone;
            db.secondaryAvailabilityZone = primary;
        }
        db.timeline = db.timeline.then("rebooting", now).then("available", backend.later(RdsBackend.REBOOT));
        backend.engines().rebooted(backend.ref(state, db.identifier));
        return db;
    }

    DbInstance delete(RegionState state, String identifier, boolean skipFinalSnapshot, String finalSnapshotId) {
        DbInstance db = find(state, identifier);
        Instant now = backend.now();
        String status = db.status(now);
        if ("deleting".equals(status)) {
            throw RdsErrors.instanceState("Instance " + db.identifier + " is already being deleted.");
        }
        if (db.deletionProtection) {
            throw RdsErrors.invalidCombination("Cannot delete protected DB Instance, please disable deletion protection and try again.");
        }
        if (db.clusterIdentifier != null) {
            if (finalSnapshotId != null) {
                throw RdsErrors.invalidCombination("FinalDBSnapshotIdentifier can not be specified when deleting a cluster instance");
            }
        } else if (!skipFinalSnapshot) {
            if (finalSnapshotId == null || finalSnapshotId.isEmpty()) {
                throw RdsErrors.finalSnapshotRequired();
            }
            if ("creating".equals(status)) {
                throw RdsErrors.instanceState("Instance " + db.identifier + " is currently creating - a final snapshot cannot be taken.");
            }
            backend.snapshotOps().takeInstanceSnapshot(state, finalSnapshotId, db, Map.of());
        } else if (finalSnapshotId != null) {
            throw RdsErrors.invalidCombination("FinalDBSnapshotIdentifier can not be specified when SkipFinalSnapshot is enabled.");
        }
        Instant gone = backend.later(RdsBackend.DELETE);
        db.timeline = db.timeline.then("deleting", now).endingAt(gone);
        db.pendingAppliesAt = null;
        backend.publishEndpoint(state, db);
        backend.engines().deleted(backend.ref(state, db.identifier));
        return db;
    }

    private static void requireAvailable(DbInstance db, Instant now) {
        String status = db.status(now);
        if ("failed".equals(status)) {
            throw RdsErrors.instanceState("Database instance is in failed state; the only thing it can do is be deleted.");
        }
        if (!"available".equals(status)) {
            throw RdsErrors.instanceState("Database instance is not in available state.");
        }
    }
}
