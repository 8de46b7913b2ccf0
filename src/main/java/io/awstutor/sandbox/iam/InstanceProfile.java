package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import java.time.Instant;
import java.util.List;

/** An instance profile: the container EC2 uses to hand a role to an instance (at most one role). */
public record InstanceProfile(String name, String path, String id, Instant created, List<String> roleNames, List<Tag> tags) {

    public InstanceProfile {
        roleNames = List.copyOf(roleNames);
        tags = List.copyOf(tags);
    }

    public String arn(String accountId) {
        return IamArns.of(accountId, "instance-profile", path, name);
    }

    public boolean hasRole(String roleName) {
        return roleNames.stream().anyMatch(r -> r.equalsIgnoreCase(roleName));
    }

    public InstanceProfile withRoles(List<String> newRoles) {
        return new InstanceProfile(name, path, id, created, newRoles, tags);
    }

    public InstanceProfile withTags(List<Tag> newTags) {
        return new InstanceProfile(name, path, id, created, roleNames, newTags);
    }
}
