package io.awstutor.sandbox.rds;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A DB instance as the sandbox's usage meter reads it: what it is billed as, since when it
 * has been running, and when it stopped running (stopped or being deleted), if it has.
 */
public record DbInstanceUsage(String account, String region, String identifier, String instanceClass, String engine,
                              boolean multiAz, int allocatedStorage, String storageType, Instant createTime,
                              Instant runningSince, Optional<Instant> runningUntil, Optional<Instant> goneAt,
                              Map<String, String> tags) {

    static DbInstanceUsage of(RegionState state, DbInstance db, Instant now) {
        Timeline.Phase current = db.timeline.phases().get(0);
        for (Timeline.Phase p : db.timeline.phases()) {
            if (!p.from().isAfter(now)) {
                current = p;
            }
        }
        boolean notRunning = switch (current.status()) {
            case "stopping", "stopped", "deleting" -> true;
            default -> false;
        };
        Instant since = current.status().equals("starting") || current.status().equals("available") && !current.from().equals(db.createTime)
                ? earliestRunPhase(db, now) : db.createTime;
        return new DbInstanceUsage(state.accountId, state.region, db.identifier, db.instanceClass, db.engine, db.multiAz,
                db.allocatedStorage, db.storageType, db.createTime, since,
                notRunning ? Optional.of(current.from()) : Optional.empty(), Optional.ofNullable(db.timeline.goneAt()),
                Map.copyOf(db.tags));
    }

    /** After a restart the timeline starts at "starting" (older phases are compacted away). */
    private static Instant earliestRunPhase(DbInstance db, Instant now) {
        Timeline.Phase first = db.timeline.phases().get(0);
        return first.from().isAfter(now) ? db.createTime : first.from();
    }
}
