package io.awstutor.sandbox.rds;

import java.time.Instant;

/**
 * What the engines report back into RDS's state, for one account and region: events about an
 * instance's or cluster's engine (a failure puts the instance in "failed"), Aurora
 * Serverless v2's pauses on the writer, and an endpoint that moved. Called by
 * {@link RdsBackend} with its lock held; a cluster's engine is named "cluster:ID".
 */
final class EngineReports {
    private final RegionState state;
    private final Instant now;

    EngineReports(RegionState state, Instant now) {
        this.state = state;
        this.now = now;
    }

    void engineEvent(String id, String message, boolean failed) {
        String category = failed ? "failure" : "notification";
        if (id.startsWith(RdsBackend.CLUSTER_PREFIX)) {
            DbCluster c = state.clusters.get(id.substring(RdsBackend.CLUSTER_PREFIX.length()));
            if (c != null) {
                state.events.add(new RdsEvent(c.identifier, "db-cluster", c.arn, message, category, now));
            }
            return;
        }
        DbInstance db = state.instances.get(id);
        if (db != null) {
            state.events.add(new RdsEvent(db.identifier, "db-instance", db.arn, message, category, now));
            if (failed && !"deleting".equals(db.status(now))) {
                db.timeline = db.timeline.then("failed", now);
            }
        }
    }

    /** AWS reports a pause or resume on the cluster's writer (the instances that pause together). */
    void writerEvent(ClusterOperations clusters, String clusterRef, String message) {
        String id = clusterRef.substring(RdsBackend.CLUSTER_PREFIX.length());
        clusters.members(state, id).stream().findFirst().ifPresent(writer -> state.events.add(
                new RdsEvent(writer.identifier, "db-instance", writer.arn, message, "notification", now)));
    }

    /** The endpoint's port moved (a restart found the old one taken); a cluster's members share it. */
    void endpointMoved(String id, int port) {
        if (id.startsWith(RdsBackend.CLUSTER_PREFIX)) {
            String clusterId = id.substring(RdsBackend.CLUSTER_PREFIX.length());
            DbCluster c = state.clusters.get(clusterId);
            if (c != null) {
                c.endpointPort = port;
            }
            state.instances.values().stream().filter(db -> clusterId.equals(db.clusterIdentifier)).forEach(db -> db.endpointPort = port);
            return;
        }
        DbInstance db = state.instances.get(id);
        if (db != null) {
            db.endpointPort = port;
        }
    }
}
