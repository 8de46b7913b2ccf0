package io.awstutor.sandbox.iam;

import java.time.Instant;

/** One version of a managed policy: {@code v1}, {@code v2}, ... with its document as sent. */
public record PolicyVersion(String versionId, String document, Instant created) {
}
