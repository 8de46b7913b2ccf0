package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.rds.RdsBackend.EngineDemand;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one region's DB instances and clusters ask of the engines, read under RdsBackend's lock. */
final class EngineDemands {
    /** A paused Aurora Serverless v2 writer takes about 15 s to resume for its first connection. */
    static final Duration RESUME = Duration.ofSeconds(15);

    private final RegionState state;
    private final ClusterOperations clusters;
    private final Instant now;
    private final SandboxContext context;

    EngineDemands(RegionState state, ClusterOperations clusters, Instant now, SandboxContext context) {
        this.state = state;
        this.clusters = clusters;
        this.now = now;
        this.context = context;
    }

    /** Every standalone DB instance (Aurora members have their cluster's engine) and every cluster. */
    List<EngineDemand> all() {
        List<EngineDemand> all = new ArrayList<>();
        for (DbInstance db : state.instances.values()) {
            if (db.clusterIdentifier == null) {
                all.add(new EngineDemand(ref(db.identifier), db.engine, db.status(now), db.masterUsername, db.dbName,
                        db.port, db.publiclyAccessible, db.endpointPort, db.identifier, null, null));
            }
        }
        for (DbCluster c : state.clusters.values()) {
            all.add(cluster(c));
        }
        return all;
    }

    /**
     * A cluster runs while it is available and its writer (the oldest member) is: connections
     * reach the engine through the writer, whose security groups and public access decide.
     */
    private EngineDemand cluster(DbCluster c) {
        List<DbInstance> members = clusters.members(state, c.identifier);
        DbInstance writer = members.isEmpty() ? null : members.get(0);
        String clusterStatus = c.status(now);
        String status = writer == null ? "no-instances" : "available".equals(clusterStatus) ? writer.status(now) : clusterStatus;
        return new EngineDemand(ref(RdsBackend.CLUSTER_PREFIX + c.identifier), c.engine, status, c.masterUsername, c.databaseName,
                c.port, writer != null && writer.publiclyAccessible, c.endpointPort, writer == null ? null : writer.identifier,
                c.autoPauses() ? context.scaled(Duration.ofSeconds(c.secondsUntilAutoPause)) : null,
                c.autoPauses() ? context.scaled(RESUME) : null);
    }

    private DatabaseEngines.Ref ref(String id) {
        return new DatabaseEngines.Ref(state.accountId, state.region, id);
    }
}
