package io.awstutor.sandbox.iam;

import java.time.Instant;

/** When and where an access key was last used (GetAccessKeyLastUsed). */
public record KeyUse(Instant when, String service, String region) {
}
