package io.awstutor.sandbox.rds;

import java.time.Duration;
import java.time.Instant;

/**
 * StopDBInstance and StartDBInstance: a stopped instance costs no instance hours (its
 * storage still does), which learners use to keep a database between sessions. Aurora
 * instances stop with their cluster, not alone.
 */
final class StopStartOperations {
    static final Duration STOP = Duration.ofMinutes(2);
    static final Duration START = Duration.ofMinutes(3);
    private final RdsBackend backend;
    private final InstanceOperations instances;

    StopStartOperations(RdsBackend backend, InstanceOperations instances) {
        this.backend = backend;
        this.instances = instances;
    }

    DbInstance stop(RegionState state, String identifier, String snapshotId) {
        DbInstance db = instances.find(state, identifier);
        Instant now = backend.now();
        if (db.clusterIdentifier != null) {
            throw RdsErrors.invalidCombination(db.engine + " DB instances are not eligible for stopping and starting.");
        }
        if (!"available".equals(db.status(now))) {
            throw RdsErrors.instanceState("Instance " + db.identifier + " is not in available state.");
        }
        if (snapshotId != null) {
            backend.snapshotOps().takeInstanceSnapshot(state, snapshotId, db, java.util.Map.of());
        }
        db.timeline = db.timeline.then("stopping", now).then("stopped", backend.later(STOP));
        return db;
    }

    DbInstance start(RegionState state, String identifier) {
        DbInstance db = instances.find(state, identifier);
        Instant now = backend.now();
        if (db.clusterIdentifier != null) {
            throw RdsErrors.invalidCombination(db.engine + " DB instances are not eligible for stopping and starting.");
        }
        if (!"stopped".equals(db.status(now))) {
            throw RdsErrors.instanceState("Instance " + db.identifier + " is not stopped, it cannot be started.");
        }
        db.timeline = db.timeline.then("starting", now).then("available", backend.later(START));
        return db;
    }
}
