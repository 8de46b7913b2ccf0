package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import java.time.Instant;
import java.util.List;

/**
 * An IAM role: its trust policy ({@code AssumeRolePolicyDocument}, stored as the caller sent
 * it), how long its sessions may last, and its permissions.
 */
public record IamRole(String name, String path, String id, Instant created, String trustPolicy,
                      String description, int maxSessionDuration, List<Tag> tags,
                      String permissionsBoundary, Permissions permissions) {

    public static final int DEFAULT_MAX_SESSION_SECONDS = 3600;

    public IamRole {
        tags = List.copyOf(tags);
    }

    public String arn(String accountId) {
        return IamArns.of(accountId, "role", path, name);
    }

    public IamRole withTrustPolicy(String document) {
        return new IamRole(name, path, id, created, document, description, maxSessionDuration, tags, permissionsBoundary, permissions);
    }

    public IamRole withDescription(String newDescription) {
        return new IamRole(name, path, id, created, trustPolicy, newDescription, maxSessionDuration, tags, permissionsBoundary, permissions);
    }

    public IamRole withMaxSessionDuration(int seconds) {
        return new IamRole(name, path, id, created, trustPolicy, description, seconds, tags, permissionsBoundary, permissions);
    }

    public IamRole withTags(List<Tag> newTags) {
        return new IamRole(name, path, id, created, trustPolicy, description, maxSessionDuration, newTags, permissionsBoundary, permissions);
    }

    public IamRole withPermissionsBoundary(String boundaryArn) {
        return new IamRole(name, path, id, created, trustPolicy, description, maxSessionDuration, tags, boundaryArn, permissions);
    }

    public IamRole withPermissions(Permissions newPermissions) {
        return new IamRole(name, path, id, created, trustPolicy, description, maxSessionDuration, tags, permissionsBoundary, newPermissions);
    }
}
