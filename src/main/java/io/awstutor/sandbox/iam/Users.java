package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** IAM users: create, read, list, rename, delete (with AWS's delete conflicts), tags. */
public final class Users {
    private final IamBackend backend;

    Users(IamBackend backend) {
        this.backend = backend;
    }

    public IamUser create(String accountId, String name, String path, List<Tag> tags, String permissionsBoundary) {
        IamValidation.name("userName", name, 64);
        IamValidation.path("path", path);
        Tagging.check(tags);
        return backend.write(accountId, account -> {
            if (account.users.containsKey(IamAccount.key(name))) {
                throw IamErrors.alreadyExists("User with name " + name + " already exists.");
            }
            if (permissionsBoundary != null) {
                backend.managedPolicies().requireBoundary(account, permissionsBoundary);
            }
            IamUser user = new IamUser(name, path, backend.ids().user(), backend.now(), tags,
                    permissionsBoundary, Permissions.none());
            account.users.put(IamAccount.key(name), user);
            return user;
        });
    }

    public IamUser get(String accountId, String name) {
        IamValidation.name("userName", name, 128);
        return backend.read(accountId, account -> account.requireUser(name));
    }

    public Optional<IamUser> find(String accountId, String name) {
        return backend.read(accountId, account -> Optional.ofNullable(account.users.get(IamAccount.key(name))));
    }

    public Page<IamUser> list(String accountId, String pathPrefix, Optional<String> marker, Optional<Integer> maxItems) {
        IamValidation.pathPrefix(pathPrefix);
        return backend.read(accountId, account -> {
            List<IamUser> matching = new ArrayList<>();
            for (IamUser user : account.users.values()) {
                if (user.path().startsWith(pathPrefix)) {
                    matching.add(user);
                }
            }
            return Page.of(matching, u -> IamAccount.key(u.name()), marker, maxItems);
        });
    }

    /** AWS refuses to delete a user that still has anything attached, naming the first obstacle. */
    public void delete(String accountId, String name) {
        IamValidation.name("userName", name, 128);
        backend.write(accountId, account -> {
            IamUser user = account.requireUser(name);
            if (account.loginProfiles.containsKey(IamAccount.key(name))) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete login profile first.");
            }
            if (account.accessKeys.values().stream().anyMatch(k -> k.userName().equalsIgnoreCase(name))) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete access keys first.");
            }
            if (!user.permissions().inline().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!user.permissions().attached().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            if (account.groups.values().stream().anyMatch(g -> g.hasMember(name))) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            account.users.remove(IamAccount.key(name));
            return null;
        });
    }

    /** UpdateUser: a new name and/or path; the user's keys, groups and login profile follow it. */
    public void update(String accountId, String name, Optional<String> newName, Optional<String> newPath) {
        IamValidation.name("userName", name, 128);
        newName.ifPresent(n -> IamValidation.name("newUserName", n, 64));
        newPath.ifPresent(p -> IamValidation.path("newPath", p));
        backend.write(accountId, account -> {
            IamUser user = account.requireUser(name);
            String targetName = newName.orElse(user.name());
            if (!IamAccount.key(targetName).equals(IamAccount.key(user.name()))
                    && account.users.containsKey(IamAccount.key(targetName))) {
                throw IamErrors.alreadyExists("User with name " + targetName + " already exists.");
            }
            account.users.remove(IamAccount.key(user.name()));
            account.users.put(IamAccount.key(targetName), user.renamed(targetName, newPath.orElse(user.path())));
            account.accessKeys.replaceAll((id, key) -> key.userName().equalsIgnoreCase(user.name()) ? key.withUserName(targetName) : key);
            LoginProfile profile = account.loginProfiles.remove(IamAccount.key(user.name()));
            if (profile != null) {
                account.loginProfiles.put(IamAccount.key(targetName), profile.withUserName(targetName));
            }
            account.groups.replaceAll((k, g) -> g.hasMember(user.name()) ? g.withoutMember(user.name()).withMember(targetName) : g);
            return null;
        });
    }

    public void tag(String accountId, String name, List<Tag> tags) {
        backend.write(accountId, account -> {
            IamUser user = account.requireUser(name);
            account.users.put(IamAccount.key(name), user.withTags(Tagging.merge(user.tags(), tags)));
            return null;
        });
    }

    public void untag(String accountId, String name, List<String> keys) {
        backend.write(accountId, account -> {
            IamUser user = account.requireUser(name);
            account.users.put(IamAccount.key(name), user.withTags(Tagging.remove(user.tags(), keys)));
            return null;
        });
    }

    public void setPermissionsBoundary(String accountId, String name, String boundaryArn) {
        backend.write(accountId, account -> {
            IamUser user = account.requireUser(name);
            if (boundaryArn != null) {
                backend.managedPolicies().requireBoundary(account, boundaryArn);
            }
            account.users.put(IamAccount.key(name), user.withPermissionsBoundary(boundaryArn));
            return null;
        });
    }
}
