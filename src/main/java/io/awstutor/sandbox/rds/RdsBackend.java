package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.ec2.NetworkDirectory;
import io.awstutor.sandbox.ec2.NetworkEndpoint;
import io.awstutor.sandbox.ec2.NetworkEndpointSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * RDS's state and rules, per account and region: DB instances, Aurora clusters, snapshots,
 * subnet groups and tags. Statuses follow from timestamps (see {@link Timeline}), so nothing
 * runs in the background. Every public method takes the one lock and returns detached
 * copies. EC2 sees the DB instances as network endpoints through {@link DbEndpointView}.
 */
public final class RdsBackend implements NetworkEndpointSource {
    /** Realistic durations, scaled by the sandbox's time scale. */
    static final Duration CREATE_INSTANCE = Duration.ofMinutes(5);
    static final Duration FIRST_BACKUP = Duration.ofMinutes(4);
    static final Duration CREATE_CLUSTER = Duration.ofMinutes(2);
    static final Duration MODIFY = Duration.ofMinutes(2);
    static final Duration REBOOT = Duration.ofMinutes(1);
    static final Duration DELETE = Duration.ofMinutes(2);
    static final Duration SNAPSHOT = Duration.ofMinutes(1);
    static final Duration RESET_CREDENTIALS = Duration.ofSeconds(30);
    /** An Aurora cluster's engine is named "cluster:ID" among the engines, beside the instances' IDs. */
    public static final String CLUSTER_PREFIX = "cluster:";

    private final SandboxContext context;
    private final NetworkDirectory network;
    private final SubnetLocator subnets;
    private final EngineCatalog catalog = new EngineCatalog();
    private final Map<String, RegionState> regions = new HashMap<>();
    private final RdsStore store;
    private final DbEndpointView endpoints = new DbEndpointView();
    private final InstanceOperations instanceOps = new InstanceOperations(this);
    private final ClusterOperations clusterOps = new ClusterOperations(this);
    private final SnapshotOperations snapshotOps = new SnapshotOperations(this);
    private final StopStartOperations stopStartOps = new StopStartOperations(this, instanceOps);
    private final SubnetGroupOperations subnetGroupOps = new SubnetGroupOperations(this);
    private final DataAccessOperations dataAccessOps = new DataAccessOperations(this);
    private volatile DatabaseEngines engines = DatabaseEngines.NONE;
    private volatile MasterUserSecrets secrets = MasterUserSecrets.NONE;

    public RdsBackend(SandboxContext context, NetworkDirectory network) {
        this(context, network, (account, region, subnetId) -> {
            String vpc = network.defaultVpcId(account, region);
            return network.subnets(account, region, vpc).stream().anyMatch(s -> s.subnetId().equals(subnetId))
                    ? java.util.Optional.of(vpc) : java.util.Optional.empty();
        });
    }

    public RdsBackend(SandboxContext context, NetworkDirectory network, SubnetLocator subnets) {
        this.context = context;
        this.network = network;
        this.subnets = subnets;
        this.store = context.dataDirFor("rds").map(RdsStore::new).orElse(null);
        if (store != null) {
            adopt(store.load());
        }
    }

    /** Takes {@code states} as the whole of RDS's state (at start, or back to the last save). */
    private void adopt(List<RegionState> states) {
        regions.clear();
        endpoints.clear();
        for (RegionState state : states) {
            regions.put(state.accountId + "/" + state.region, state);
            state.instances.values().forEach(db -> endpoints.publish(state, db));
        }
    }

    /**
     * Runs a change and, with a data folder, saves the state it leaves. A save that fails
     * puts the state back as it was last saved before the error is answered, so what the
     * learner sees never differs from what a restart would show.
     */
    private <T> T change(java.util.function.Supplier<T> operation) {
        T result = operation.get();
        if (store != null) {
            try {
                store.save(regions.values());
            } catch (RuntimeException failed) {
                adopt(store.lastSaved());
                throw failed;
            }
        }
        return result;
    }

    /** Real engines behind the instances from now on (the sandbox attaches them when it has them). */
    public void attachEngines(DatabaseEngines attached) {
        this.engines = attached;
    }

    DatabaseEngines engines() {
        return engines;
    }

    /** Secrets Manager, for the master passwords RDS manages (the sandbox attaches it). */
    public void attachSecrets(MasterUserSecrets attached) {
        this.secrets = attached;
    }

    MasterUserSecrets secrets() {
        return secrets;
    }

    DatabaseEngines.Ref ref(RegionState state, String id) {
        return new DatabaseEngines.Ref(state.accountId, state.region, id);
    }

    public EngineCatalog catalog() {
        return catalog;
    }

    public Instant now() {
        return context.now();
    }

    SnapshotOperations snapshotOps() {
        return snapshotOps;
    }

    SubnetLocator subnetLocator() {
        return subnets;
    }

    NetworkDirectory network() {
        return network;
    }

    Instant later(Duration realistic) {
        return now().plus(context.scaled(realistic));
    }

    // ---- instances

    public synchronized DbInstance createInstance(String account, String region, CreateInstanceRequest request) {
        return change(() -> instanceOps.create(state(account, region), request).copy());
    }

    public synchronized Page<DbInstance> describeInstances(String account, String region, String identifier,
                                                           Map<String, List<String>> filters, String marker, Integer maxRecords) {
        return copies(instanceOps.describe(state(account, region), identifier, filters, marker, maxRecords), DbInstance::copy);
    }

    public synchronized DbInstance modifyInstance(String account, String region, ModifyInstanceRequest request) {
        return change(() -> instanceOps.modify(state(account, region), request).copy());
    }

    public synchronized DbInstance rebootInstance(String account, String region, String identifier, boolean forceFailover) {
        return change(() -> instanceOps.reboot(state(account, region), identifier, forceFailover).copy());
    }

    public synchronized DbInstance deleteInstance(String account, String region, String identifier,
                                                  boolean skipFinalSnapshot, String finalSnapshotIdentifier) {
        return change(() -> instanceOps.delete(state(account, region), identifier, skipFinalSnapshot, finalSnapshotIdentifier).copy());
    }

    public synchronized DbInstance stopInstance(String account, String region, String identifier, String snapshotId) {
        return change(() -> stopStartOps.stop(state(account, region), identifier, snapshotId).copy());
    }

    public synchronized DbInstance startInstance(String account, String region, String identifier) {
        return change(() -> stopStartOps.start(state(account, region), identifier).copy());
    }

    synchronized DbInstance changeInstanceSecret(String account, String region, String id, DataAccessOperations.SecretChange change) {
        return change(() -> dataAccessOps.instance(state(account, region), id, change).copy());
    }

    // ---- clusters

    /** The managed master password and the Data API's HTTP endpoint; {@code setPassword}: in the engine too. */
    synchronized DbCluster changeClusterAccess(String account, String region, String id, Boolean httpEndpoint,
                                                      DataAccessOperations.SecretChange change, boolean setPassword) {
        return change(() -> dataAccessOps.cluster(state(account, region), id, httpEndpoint, change, setPassword).copy());
    }

    public synchronized DbCluster modifyCluster(String account, String region, String identifier, Boolean deletionProtection,
                                                boolean serverlessV2Given, Double minCapacity, Double maxCapacity) {
        return change(() -> clusterOps.modify(state(account, region), identifier, deletionProtection, serverlessV2Given,
                minCapacity, maxCapacity).copy());
    }

    public synchronized DbCluster createCluster(String account, String region, CreateClusterRequest request) {
        return change(() -> clusterOps.create(state(account, region), request).copy());
    }

    public synchronized Page<DbCluster> describeClusters(String account, String region, String identifier,
                                                         Map<String, List<String>> filters, String marker, Integer maxRecords) {
        return copies(clusterOps.describe(state(account, region), identifier, filters, marker, maxRecords), DbCluster::copy);
    }

    public synchronized DbCluster deleteCluster(String account, String region, String identifier,
                                                boolean skipFinalSnapshot, String finalSnapshotIdentifier) {
        return change(() -> clusterOps.delete(state(account, region), identifier, skipFinalSnapshot, finalSnapshotIdentifier).copy());
    }

    /** The cluster's member instances, writer first, as DBClusterMembers lists them. */
    public synchronized List<DbInstance> clusterMembers(String account, String region, String clusterIdentifier) {
        return clusterOps.members(state(account, region), clusterIdentifier).stream().map(DbInstance::copy).toList();
    }

    // ---- snapshots

    public synchronized DbSnapshot createSnapshot(String account, String region, String snapshotId, String instanceId,
                                                  Map<String, String> tags) {
        return change(() -> snapshotOps.create(state(account, region), snapshotId, instanceId, tags).copy());
    }

    public synchronized DbInstance restoreFromSnapshot(String account, String region, RestoreRequest request) {
        return change(() -> snapshotOps.restore(state(account, region), instanceOps, request).copy());
    }

    public synchronized Page<DbSnapshot> describeSnapshots(String account, String region, boolean cluster, String snapshotId,
                                                           String sourceId, String snapshotType, String marker, Integer maxRecords) {
        return copies(snapshotOps.describe(state(account, region), cluster, snapshotId, sourceId, snapshotType, marker, maxRecords),
                DbSnapshot::copy);
    }

    public synchronized DbSnapshot deleteSnapshot(String account, String region, boolean cluster, String snapshotId) {
        return change(() -> snapshotOps.delete(state(account, region), cluster, snapshotId).copy());
    }

    // ---- subnet groups

    public synchronized DbSubnetGroup createSubnetGroup(String account, String region, String name, String description,
                                                        List<String> subnetIds, Map<String, String> tags) {
        return change(() -> subnetGroupOps.create(state(account, region), name, description, subnetIds, tags));
    }

    public synchronized Page<DbSubnetGroup> describeSubnetGroups(String account, String region, String name,
                                                                 String marker, Integer maxRecords) {
        return subnetGroupOps.describe(state(account, region), name, marker, maxRecords);
    }

    public synchronized void deleteSubnetGroup(String account, String region, String name) {
        change(() -> {
            subnetGroupOps.delete(state(account, region), name);
            return null;
        });
    }

    DbSubnetGroup subnetGroup(RegionState state, String name) {
        return subnetGroupOps.find(state, name);
    }

    // ---- tags

    public synchronized Map<String, String> listTags(String account, String region, String resourceArn) {
        return new java.util.LinkedHashMap<>(new TagTarget(this, state(account, region)).tagsOf(resourceArn));
    }

    public synchronized void addTags(String account, String region, String resourceArn, Map<String, String> tags) {
        change(() -> {
            new TagTarget(this, state(account, region)).add(resourceArn, tags);
            return null;
        });
    }

    public synchronized void removeTags(String account, String region, String resourceArn, List<String> keys) {
        change(() -> {
            new TagTarget(this, state(account, region)).tagsOf(resourceArn).keySet().removeAll(keys);
            return null;
        });
    }

    // ---- what the engines read and report

    /**
     * A DB instance as its engine sees it: whether it should run (its status), who the master
     * user is, the database to create, the port security groups are asked about, and whether
     * it is reachable from outside its VPC at all.
     */
    public record EngineDemand(DatabaseEngines.Ref ref, String engine, String status, String masterUsername, String dbName,
                               int port, boolean publiclyAccessible, int endpointPort, String networkId) {
    }

    /** Every standalone DB instance of every account and region (Aurora members have their cluster's engine). */
    public synchronized List<EngineDemand> engineDemands() {
        List<EngineDemand> all = new ArrayList<>();
        for (RegionState state : List.copyOf(regions.values())) {
            for (DbInstance db : state(state.accountId, state.region).instances.values()) {
                if (db.clusterIdentifier == null) {
                    all.add(new EngineDemand(ref(state, db.identifier), db.engine, db.status(now()), db.masterUsername, db.dbName,
                            db.port, db.publiclyAccessible, db.endpointPort, db.identifier));
                }
            }
            for (DbCluster c : state.clusters.values()) {
                all.add(clusterDemand(state, c));
            }
        }
        return all;
    }

    /**
     * A cluster runs while it is available and its writer (the oldest member) is: connections
     * reach the engine through the writer, whose security groups and public access decide.
     */
    private EngineDemand clusterDemand(RegionState state, DbCluster c) {
        List<DbInstance> members = clusterOps.members(state, c.identifier);
        DbInstance writer = members.isEmpty() ? null : members.get(0);
        String clusterStatus = c.status(now());
        String status = writer == null ? "no-instances" : "available".equals(clusterStatus) ? writer.status(now()) : clusterStatus;
        return new EngineDemand(ref(state, CLUSTER_PREFIX + c.identifier), c.engine, status, c.masterUsername, c.databaseName,
                c.port, writer != null && writer.publiclyAccessible, c.endpointPort, writer == null ? null : writer.identifier);
    }

    public synchronized java.util.Optional<EngineDemand> engineDemand(DatabaseEngines.Ref ref) {
        return engineDemands().stream().filter(d -> d.ref().equals(ref)).findFirst();
    }

    /**
     * What happened to an instance's engine, for DescribeEvents; {@code failed} puts the
     * instance in the "failed" state, as an engine that cannot start does on AWS.
     */
    public synchronized void engineEvent(DatabaseEngines.Ref ref, String message, boolean failed) {
        change(() -> {
            RegionState state = state(ref.account(), ref.region());
            if (ref.id().startsWith(CLUSTER_PREFIX)) {
                DbCluster c = state.clusters.get(ref.id().substring(CLUSTER_PREFIX.length()));
                if (c != null) {
                    state.events.add(new RdsEvent(c.identifier, "db-cluster", c.arn, message, failed ? "failure" : "notification", now()));
                }
                return null;
            }
            DbInstance db = state.instances.get(ref.id());
            if (db != null) {
                state.events.add(new RdsEvent(db.identifier, "db-instance", db.arn, message, failed ? "failure" : "notification", now()));
                if (failed && !"deleting".equals(db.status(now()))) {
                    db.timeline = db.timeline.then("failed", now());
                }
            }
            return null;
        });
    }

    /** The endpoint's port moved (a restart found the old one taken). */
    public synchronized void endpointMoved(DatabaseEngines.Ref ref, int port) {
        change(() -> {
            RegionState state = state(ref.account(), ref.region());
            if (ref.id().startsWith(CLUSTER_PREFIX)) {
                String id = ref.id().substring(CLUSTER_PREFIX.length());
                DbCluster c = state.clusters.get(id);
                if (c != null) {
                    c.endpointPort = port;
                }
                state.instances.values().stream().filter(db -> id.equals(db.clusterIdentifier)).forEach(db -> db.endpointPort = port);
                return null;
            }
            DbInstance db = state.instances.get(ref.id());
            if (db != null) {
                db.endpointPort = port;
            }
            return null;
        });
    }

    public synchronized List<RdsEvent> describeEvents(String account, String region, String sourceId, String sourceType,
                                                     Instant since) {
        return state(account, region).events.stream()
                .filter(e -> sourceId == null || e.sourceIdentifier().equalsIgnoreCase(sourceId))
                .filter(e -> sourceType == null || e.sourceType().equals(sourceType))
                .filter(e -> !e.date().isBefore(since))
                .toList();
    }

    // ---- state and the network view

    RegionState state(String account, String region) {
        RegionState state = regions.computeIfAbsent(account + "/" + region, k -> new RegionState(account, region));
        purgeGone(state);
        return state;
    }

    /** Deleted resources whose deletion has finished leave the state when it is next read. */
    private void purgeGone(RegionState state) {
        Instant now = now();
        state.instances.values().removeIf(i -> i.timeline.goneAt(now));
        state.clusters.values().removeIf(c -> c.timeline.goneAt(now));
        state.snapshots.values().removeIf(s -> s.timeline.goneAt(now));
        state.clusterSnapshots.values().removeIf(s -> s.timeline.goneAt(now));
        for (DbInstance db : state.instances.values()) {
            db.applyDuePending(now);
            db.timeline = db.timeline.compactedAt(now);
        }
        state.clusters.values().forEach(c -> c.timeline = c.timeline.compactedAt(now));
    }

    /** Publishes (or re-publishes) a DB instance's network view for EC2. */
    void publishEndpoint(RegionState state, DbInstance instance) {
        endpoints.publish(state, instance);
    }

    /** Every DB instance of every account and region, as the sandbox's usage meter reads them. */
    public synchronized List<DbInstanceUsage> usage() {
        Instant now = now();
        List<DbInstanceUsage> out = new ArrayList<>();
        for (RegionState state : regions.values()) {
            state.instances.values().forEach(db -> out.add(DbInstanceUsage.of(state, db, now)));
        }
        return out;
    }

    @Override
    public List<NetworkEndpoint> endpoints(String accountId, String region) {
        return endpoints.endpoints(accountId, region, now());
    }

    private static <T> Page<T> copies(Page<T> page, Function<T, T> copy) {
        return new Page<>(page.items().stream().map(copy).toList(), page.nextMarker());
    }
}
