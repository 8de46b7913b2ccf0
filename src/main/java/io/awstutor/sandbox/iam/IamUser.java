package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import java.time.Instant;
import java.util.List;

/** An IAM user. {@code permissionsBoundary} is a policy ARN or null. */
public record IamUser(String name, String path, String id, Instant created, List<Tag> tags,
                      String permissionsBoundary, Permissions permissions) {

    public IamUser {
        tags = List.copyOf(tags);
    }

    public String arn(String accountId) {
        return IamArns.of(accountId, "user", path, name);
    }

    public IamUser withTags(List<Tag> newTags) {
        return new IamUser(name, path, id, created, newTags, permissionsBoundary, permissions);
    }

    public IamUser withPermissions(Permissions newPermissions) {
        return new IamUser(name, path, id, created, tags, permissionsBoundary, newPermissions);
    }

    public IamUser withPermissionsBoundary(String boundaryArn) {
        return new IamUser(name, path, id, created, tags, boundaryArn, permissions);
    }

    public IamUser renamed(String newName, String newPath) {
        return new IamUser(newName, newPath, id, created, tags, permissionsBoundary, permissions);
    }
}
