package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.SandboxContext;

import java.time.Duration;

/**
 * How long each transition takes at this sandbox's pace: an instance boots in about
 * fifteen seconds on AWS, stops in about twenty, and a terminated instance stays visible for
 * about an hour (at least a minute, however fast the pace); all of it at this sandbox's pace.
 */
public record InstanceTimings(Duration boot, Duration stop, Duration shutdown, Duration terminatedVisible) {

    public static InstanceTimings of(SandboxContext context) {
        return new InstanceTimings(context.scaled(Duration.ofSeconds(15)), context.scaled(Duration.ofSeconds(20)),
                context.scaled(Duration.ofSeconds(10)), max(context.scaled(Duration.ofHours(1)), TERMINATED_VISIBLE_AT_LEAST));
    }

    /**
     * However fast the time scale, a terminated instance stays listed a while: clients wait for
     * "terminated" (aws ec2 wait instance-terminated, boto3's wait_until_terminated), and an
     * instance that vanished at once would answer InvalidInstanceID.NotFound instead.
     */
    static final Duration TERMINATED_VISIBLE_AT_LEAST = Duration.ofMinutes(1);

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
