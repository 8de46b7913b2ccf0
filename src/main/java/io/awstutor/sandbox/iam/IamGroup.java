package io.awstutor.sandbox.iam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An IAM group and the names of its members, in the order they were added. */
public record IamGroup(String name, String path, String id, Instant created, List<String> members,
                       Permissions permissions) {

    public IamGroup {
        members = List.copyOf(members);
    }

    public String arn(String accountId) {
        return IamArns.of(accountId, "group", path, name);
    }

    public boolean hasMember(String userName) {
        return members.stream().anyMatch(m -> m.equalsIgnoreCase(userName));
    }

    public IamGroup withMember(String userName) {
        if (hasMember(userName)) {
            return this;
        }
        List<String> copy = new ArrayList<>(members);
        copy.add(userName);
        return new IamGroup(name, path, id, created, copy, permissions);
    }

    public IamGroup withoutMember(String userName) {
        List<String> copy = new ArrayList<>(members);
        copy.removeIf(m -> m.equalsIgnoreCase(userName));
        return new IamGroup(name, path, id, created, copy, permissions);
    }

    public IamGroup withPermissions(Permissions newPermissions) {
        return new IamGroup(name, path, id, created, members, newPermissions);
    }

    public IamGroup renamed(String newName, String newPath) {
        return new IamGroup(newName, newPath, id, created, members, permissions);
    }
}
