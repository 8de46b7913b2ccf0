package io.awstutor.sandbox.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** IAM groups and their members. */
public final class Groups {
    private final IamBackend backend;

    Groups(IamBackend backend) {
        this.backend = backend;
    }

    public IamGroup create(String accountId, String name, String path) {
        IamValidation.name("groupName", name, 128);
        IamValidation.path("path", path);
        return backend.write(accountId, account -> {
            if (account.groups.containsKey(IamAccount.key(name))) {
                throw IamErrors.alreadyExists("Group with name " + name + " already exists.");
            }
            IamGroup group = new IamGroup(name, path, backend.ids().group(), backend.now(), List.of(), Permissions.none());
            account.groups.put(IamAccount.key(name), group);
            return group;
        });
    }

    public Optional<IamGroup> find(String accountId, String name) {
        return backend.read(accountId, account -> Optional.ofNullable(account.groups.get(IamAccount.key(name))));
    }

    /** A group with one page of its members (GetGroup). */
    public record GroupMembers(IamGroup group, Page<IamUser> users) {
    }

    public GroupMembers get(String accountId, String name, Optional<String> marker, Optional<Integer> maxItems) {
        IamValidation.name("groupName", name, 128);
        return backend.read(accountId, account -> {
            IamGroup group = account.requireGroup(name);
            List<IamUser> members = new ArrayList<>();
            for (String member : group.members()) {
                IamUser user = account.users.get(IamAccount.key(member));
                if (user != null) {
                    members.add(user);
                }
            }
            members.sort(java.util.Comparator.comparing(u -> IamAccount.key(u.name())));
            return new GroupMembers(group, Page.of(members, u -> IamAccount.key(u.name()), marker, maxItems));
        });
    }

    public Page<IamGroup> list(String accountId, String pathPrefix, Optional<String> marker, Optional<Integer> maxItems) {
        IamValidation.pathPrefix(pathPrefix);
        return backend.read(accountId, account -> Page.of(
                account.groups.values().stream().filter(g -> g.path().startsWith(pathPrefix)).toList(),
                g -> IamAccount.key(g.name()), marker, maxItems));
    }

    public void delete(String accountId, String name) {
        backend.write(accountId, account -> {
            IamGroup group = account.requireGroup(name);
            if (!group.members().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove users from group first.");
            }
            if (!group.permissions().inline().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!group.permissions().attached().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            account.groups.remove(IamAccount.key(name));
            return null;
        });
    }

    public void update(String accountId, String name, Optional<String> newName, Optional<String> newPath) {
        newName.ifPresent(n -> IamValidation.name("newGroupName", n, 128));
        newPath.ifPresent(p -> IamValidation.path("newPath", p));
        backend.write(accountId, account -> {
            IamGroup group = account.requireGroup(name);
            String target = newName.orElse(group.name());
            if (!IamAccount.key(target).equals(IamAccount.key(group.name())) && account.groups.containsKey(IamAccount.key(target))) {
                throw IamErrors.alreadyExists("Group with name " + target + " already exists.");
            }
            account.groups.remove(IamAccount.key(group.name()));
            account.groups.put(IamAccount.key(target), group.renamed(target, newPath.orElse(group.path())));
            return null;
        });
    }

    public void addUser(String accountId, String groupName, String userName) {
        backend.write(accountId, account -> {
            IamGroup group = account.requireGroup(groupName);
            IamUser user = account.requireUser(userName);
            account.groups.put(IamAccount.key(groupName), group.withMember(user.name()));
            return null;
        });
    }

    public void removeUser(String accountId, String groupName, String userName) {
        backend.write(accountId, account -> {
            IamGroup group = account.requireGroup(groupName);
            account.requireUser(userName);
            if (!group.hasMember(userName)) {
                throw IamErrors.noSuchUser(userName);
            }
            account.groups.put(IamAccount.key(groupName), group.withoutMember(userName));
            return null;
        });
    }

    public Page<IamGroup> groupsForUser(String accountId, String userName, Optional<String> marker, Optional<Integer> maxItems) {
        return backend.read(accountId, account -> {
            account.requireUser(userName);
            return Page.of(account.groups.values().stream().filter(g -> g.hasMember(userName)).toList(),
                    g -> IamAccount.key(g.name()), marker, maxItems);
        });
    }
}
