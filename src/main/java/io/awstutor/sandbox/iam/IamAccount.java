package io.awstutor.sandbox.iam;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The IAM state of one account. IAM names are unique regardless of case, so every map is
 * keyed by the lower-cased name (sorted, which is the order IAM lists them in); the
 * entities keep their spelling. Only {@link IamBackend} touches it, under its lock.
 */
final class IamAccount {
    String accountId;
    Instant created;
    // each remembers the keys changed since the last write was staged (IamChange.between)
    final EntityMap.Sorted<IamUser> users = new EntityMap.Sorted<>();
    final EntityMap.Sorted<IamGroup> groups = new EntityMap.Sorted<>();
    final EntityMap.Sorted<IamRole> roles = new EntityMap.Sorted<>();
    final EntityMap.Sorted<ManagedPolicy> policies = new EntityMap.Sorted<>();
    final EntityMap.Sorted<InstanceProfile> instanceProfiles = new EntityMap.Sorted<>();
    final EntityMap.Ordered<AccessKey> accessKeys = new EntityMap.Ordered<>();
    final EntityMap.Sorted<LoginProfile> loginProfiles = new EntityMap.Sorted<>();
    PasswordPolicy passwordPolicy;
    /** The account's alias (at most one), or null. */
    String alias;

    IamAccount() {
    }

    IamAccount(String accountId, Instant created) {
        this.accountId = accountId;
        this.created = created;
    }

    IamUser requireUser(String name) {
        IamUser user = users.get(key(name));
        if (user == null) {
            throw IamErrors.noSuchUser(name);
        }
        return user;
    }

    IamGroup requireGroup(String name) {
        IamGroup group = groups.get(key(name));
        if (group == null) {
            throw IamErrors.noSuchGroup(name);
        }
        return group;
    }

    IamRole requireRole(String name) {
        IamRole role = roles.get(key(name));
        if (role == null) {
            throw IamErrors.noSuchRole(name);
        }
        return role;
    }

    InstanceProfile requireInstanceProfile(String name) {
        InstanceProfile profile = instanceProfiles.get(key(name));
        if (profile == null) {
            throw IamErrors.noSuchEntity("Instance Profile " + name + " cannot be found.");
        }
        return profile;
    }

    /** Forgets which keys were changed (an account whose changes need no journal line: loaded, or kept in memory only). */
    void forgetTouched() {
        for (EntityMap<?> map : List.of(users, groups, roles, policies, instanceProfiles, accessKeys, loginProfiles)) {
            map.touched().clear();
        }
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
