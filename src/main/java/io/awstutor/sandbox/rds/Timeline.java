package io.awstutor.sandbox.rds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A resource's statuses over time ("creating" from t0, "backing-up" from t1, "available"
 * from t2), so the status is computed when it is read: a moved clock or a restart sees the
 * right one without any timer. {@code goneAt} is when a deleted resource disappears.
 */
public record Timeline(List<Phase> phases, Instant goneAt) {

    public record Phase(String status, Instant from) {
    }

    public Timeline {
        phases = List.copyOf(phases);
    }

    public static Timeline of(String status, Instant from) {
        return new Timeline(List.of(new Phase(status, from)), null);
    }

    /**
     * Adds a later status; phases that would start after it are dropped (a newer operation wins).
     * One that starts at the same instant stays: at time scale 0 "creating" lasts no time, yet
     * the call that began it still answers it (see {@link #statusAnswering}).
     */
    public Timeline then(String status, Instant from) {
        List<Phase> next = new ArrayList<>();
        for (Phase p : phases) {
            if (!p.from().isAfter(from)) {
                next.add(p);
            }
        }
        next.add(new Phase(status, from));
        return new Timeline(next, goneAt);
    }

    /** Drops the phases already over at {@code now}, so a long-lived resource's history does not grow. */
    public Timeline compactedAt(Instant now) {
        int current = 0;
        for (int i = 0; i < phases.size(); i++) {
            if (!phases.get(i).from().isAfter(now)) {
                current = i;
            }
        }
        return current == 0 ? this : new Timeline(phases.subList(current, phases.size()), goneAt);
    }

    public Timeline endingAt(Instant gone) {
        return new Timeline(phases, gone);
    }

    public String statusAt(Instant now) {
        String status = phases.get(0).status();
        for (Phase p : phases) {
            if (!p.from().isAfter(now)) {
                status = p.status();
            }
        }
        return status;
    }

    /**
     * The status a call that began at {@code since} answers: the first one it started (AWS
     * answers "creating", "modifying", "deleting" at the moment of the call), or the status
     * now when the call started none.
     */
    public String statusAnswering(Instant since, Instant now) {
        for (Phase p : phases) {
            if (!p.from().isBefore(since) && !p.from().isAfter(now)) {
                return p.status();
            }
        }
        return statusAt(now);
    }

    public boolean goneAt(Instant now) {
        return goneAt != null && !goneAt.isAfter(now);
    }
}
