package io.awstutor.sandbox.s3;

import java.util.Optional;

/** Read-only lookups of a bucket's current objects for code outside the backend package. */
public final class KeyHistoryView {
    private KeyHistoryView() {
    }

    public static Optional<S3Object> current(Bucket bucket, String key) {
        KeyHistory history = bucket.keys().get(key);
        return history == null ? Optional.empty() : history.current();
    }
}
