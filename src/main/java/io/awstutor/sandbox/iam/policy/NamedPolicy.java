package io.awstutor.sandbox.iam.policy;

import java.util.Objects;

/**
 * A parsed policy and where it came from: a managed policy's ARN, "user/alice inline ReadOnly",
 * "bucket policy of b", ... The source id is what explanations and MatchedStatements name.
 */
public record NamedPolicy(String sourceId, PolicyDocument document) {
    public NamedPolicy {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(document, "document");
    }
}
