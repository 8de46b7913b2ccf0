package io.awstutor.sandbox.cloudfront;

import java.time.Instant;
import java.util.List;

/** A request to drop paths from the edge caches before they expire; completes after a short delay. */
record Invalidation(String id, String callerReference, List<String> paths, Instant createdAt, Instant completedAt) {

    String status(Instant now) {
        return now.isBefore(completedAt) ? "InProgress" : "Completed";
    }
}
