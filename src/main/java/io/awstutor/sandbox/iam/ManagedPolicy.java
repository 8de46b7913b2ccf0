package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A managed policy: a customer's (in the account) or AWS's (account "aws"), with its
 * versions (at most five) and the id of the default one.
 */
public record ManagedPolicy(String name, String path, String id, String arn, String description,
                            Instant created, Instant updated, String defaultVersionId,
                            List<PolicyVersion> versions, int nextVersionNumber, List<Tag> tags) {

    public static final int MAX_VERSIONS = 5;

    public ManagedPolicy {
        versions = List.copyOf(versions);
        tags = List.copyOf(tags);
    }

    public boolean awsManaged() {
        return arn.startsWith(AwsManagedPolicies.ARN_PREFIX);
    }

    public Optional<PolicyVersion> version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst();
    }

    public PolicyVersion defaultVersion() {
        return version(defaultVersionId).orElseThrow();
    }

    public ManagedPolicy withVersions(List<PolicyVersion> newVersions, String newDefault, int newNext, Instant when) {
        return new ManagedPolicy(name, path, id, arn, description, created, when, newDefault, newVersions, newNext, tags);
    }

    public ManagedPolicy withTags(List<Tag> newTags) {
        return new ManagedPolicy(name, path, id, arn, description, created, updated, defaultVersionId, versions, nextVersionNumber, newTags);
    }
}
