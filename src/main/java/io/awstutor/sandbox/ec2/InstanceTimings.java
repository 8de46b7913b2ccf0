package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.SandboxContext;

import java.time.Duration;

/**
 * How long each transition takes at this sandbox's pace: an instance boots in about
 * fifteen seconds on AWS, stops in about twenty, and a terminated instance stays visible for
 * about an hour; all of it at this sandbox's pace.
 */
public record InstanceTimings(Duration boot, Duration stop, Duration shutdown, Duration terminatedVisible) {

    public static InstanceTimings of(SandboxContext context) {
        return new InstanceTimings(context.scaled(Duration.ofSeconds(15)), context.scaled(Duration.ofSeconds(20)),
                context.scaled(Duration.ofSeconds(10)), context.scaled(Duration.ofHours(1)));
    }
}
