package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.protocol.Arns;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One distribution. Its status follows from the clock: {@code InProgress} until
 * {@code deployedAt}, when the change has reached every edge location, then {@code Deployed}.
 * Each change gives it a new ETag, which the next update or delete must quote in If-Match.
 */
record Distribution(String id, String accountId, String domainName, DistributionConfig config, String etag,
                    Instant lastModified, Instant deployedAt, Map<String, String> tags, List<Invalidation> invalidations) {

    String arn() {
        return Arns.global("cloudfront", accountId, "distribution/" + id);
    }

    String status(Instant now) {
        return now.isBefore(deployedAt) ? "InProgress" : "Deployed";
    }

    int invalidationsInProgress(Instant now) {
        return (int) invalidations.stream().filter(i -> i.status(now).equals("InProgress")).count();
    }

    Distribution withConfig(DistributionConfig newConfig, String newEtag, Instant now, Instant deployed) {
        return new Distribution(id, accountId, domainName, newConfig, newEtag, now, deployed, tags, invalidations);
    }

    Distribution withTags(Map<String, String> newTags) {
        return new Distribution(id, accountId, domainName, config, etag, lastModified, deployedAt, Map.copyOf(newTags), invalidations);
    }

    Distribution withInvalidations(List<Invalidation> newInvalidations) {
        return new Distribution(id, accountId, domainName, config, etag, lastModified, deployedAt, tags, List.copyOf(newInvalidations));
    }
}
