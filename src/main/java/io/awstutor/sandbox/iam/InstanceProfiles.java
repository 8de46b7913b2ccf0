package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Instance profiles: the wrapper through which an EC2 instance gets a role (one at most). */
public final class InstanceProfiles {
    static final int MAX_ROLES = 1;

    private final IamBackend backend;

    InstanceProfiles(IamBackend backend) {
        this.backend = backend;
    }

    /** A profile with its roles resolved (they are written out whole in every answer). */
    public record ProfileView(InstanceProfile profile, List<IamRole> roles) {
    }

    public ProfileView create(String accountId, String name, String path, List<Tag> tags) {
        IamValidation.name("instanceProfileName", name, 128);
        IamValidation.path("path", path);
        Tagging.check(tags);
        return backend.write(accountId, account -> {
            if (account.instanceProfiles.containsKey(IamAccount.key(name))) {
                throw IamErrors.alreadyExists("Instance Profile " + name + " already exists.");
            }
            InstanceProfile profile = new InstanceProfile(name, path, backend.ids().instanceProfile(), backend.now(), List.of(), tags);
            account.instanceProfiles.put(IamAccount.key(name), profile);
            return view(account, profile);
        });
    }

    public ProfileView get(String accountId, String name) {
        return backend.read(accountId, account -> view(account, account.requireInstanceProfile(name)));
    }

    public Optional<InstanceProfile> find(String accountId, String name) {
        return backend.read(accountId, account -> Optional.ofNullable(account.instanceProfiles.get(IamAccount.key(name))));
    }

    public Page<ProfileView> list(String accountId, String pathPrefix, Optional<String> marker, Optional<Integer> maxItems) {
        IamValidation.pathPrefix(pathPrefix);
        return backend.read(accountId, account -> Page.of(
                account.instanceProfiles.values().stream().filter(p -> p.path().startsWith(pathPrefix))
                        .map(p -> view(account, p)).toList(),
                v -> IamAccount.key(v.profile().name()), marker, maxItems));
    }

    public Page<ProfileView> listForRole(String accountId, String roleName, Optional<String> marker, Optional<Integer> maxItems) {
        return backend.read(accountId, account -> {
            account.requireRole(roleName);
            return Page.of(account.instanceProfiles.values().stream().filter(p -> p.hasRole(roleName))
                            .map(p -> view(account, p)).toList(),
                    v -> IamAccount.key(v.profile().name()), marker, maxItems);
        });
    }

    public void delete(String accountId, String name) {
        backend.write(accountId, account -> {
            InstanceProfile profile = account.requireInstanceProfile(name);
            if (!profile.roleNames().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            account.instanceProfiles.remove(IamAccount.key(name));
            return null;
        });
    }

    public void addRole(String accountId, String profileName, String roleName) {
        backend.write(accountId, account -> {
            InstanceProfile profile = account.requireInstanceProfile(profileName);
            IamRole role = account.requireRole(roleName);
            if (profile.roleNames().size() >= MAX_ROLES) {
                throw IamErrors.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: " + MAX_ROLES);
            }
            List<String> roles = new ArrayList<>(profile.roleNames());
            roles.add(role.name());
            account.instanceProfiles.put(IamAccount.key(profileName), profile.withRoles(roles));
            return null;
        });
    }

    public void removeRole(String accountId, String profileName, String roleName) {
        backend.write(accountId, account -> {
            InstanceProfile profile = account.requireInstanceProfile(profileName);
            account.requireRole(roleName);
            if (!profile.hasRole(roleName)) {
                throw IamErrors.noSuchRole(roleName);
            }
            List<String> roles = new ArrayList<>(profile.roleNames());
            roles.removeIf(r -> r.equalsIgnoreCase(roleName));
            account.instanceProfiles.put(IamAccount.key(profileName), profile.withRoles(roles));
            return null;
        });
    }

    public void tag(String accountId, String name, List<Tag> tags) {
        backend.write(accountId, account -> {
            InstanceProfile profile = account.requireInstanceProfile(name);
            account.instanceProfiles.put(IamAccount.key(name), profile.withTags(Tagging.merge(profile.tags(), tags)));
            return null;
        });
    }

    public void untag(String accountId, String name, List<String> keys) {
        backend.write(accountId, account -> {
            InstanceProfile profile = account.requireInstanceProfile(name);
            account.instanceProfiles.put(IamAccount.key(name), profile.withTags(Tagging.remove(profile.tags(), keys)));
            return null;
        });
    }

    static ProfileView view(IamAccount account, InstanceProfile profile) {
        List<IamRole> roles = new ArrayList<>();
        for (String roleName : profile.roleNames()) {
            IamRole role = account.roles.get(IamAccount.key(roleName));
            if (role != null) {
                roles.add(role);
            }
        }
        return new ProfileView(profile, roles);
    }
}
