package io.awstutor.sandbox.ec2;

import java.time.Duration;
import java.time.Instant;

/**
 * DescribeInstanceStatus's status checks: "initializing" for the first minutes after an
 * instance is running, then "ok"; "not-applicable" while it is not running.
 */
public final class InstanceHealth {
    private static final Duration CHECKS = Duration.ofMinutes(2);

    private InstanceHealth() {
    }

    public static String status(Ec2Backend backend, Instance instance) {
        InstanceStateName state = backend.instances().stateOf(instance);
        if (state != InstanceStateName.RUNNING) {
            return "not-applicable";
        }
        Instant runningSince = instance.commandAt().plus(backend.timings().boot());
        Duration checks = Duration.ofNanos((long) (CHECKS.toNanos() * backend.timings().boot().toNanos()
                / (double) Math.max(1, Duration.ofSeconds(15).toNanos())));
        return backend.now().isBefore(runningSince.plus(checks)) ? "initializing" : "ok";
    }

    /** The "reachability" check's own status under a status, or null when the check does not apply. */
    public static String reachability(String status) {
        return switch (status) {
            case "ok" -> "passed";
            case "not-applicable" -> null;
            default -> "initializing";
        };
    }
}
