package io.awstutor.sandbox.billing;

import java.time.Instant;
import java.util.List;

/**
 * A service's narrow window onto its own state for the meter (EC2's instances, RDS's
 * databases, S3's stored bytes, SES's messages): what it runs, stores or did, in every
 * account, as of {@code now}. Implemented where the sandbox's services are wired together,
 * so that no service knows about billing.
 */
@FunctionalInterface
public interface UsageSource {
    List<Observation> observe(Instant now);
}
