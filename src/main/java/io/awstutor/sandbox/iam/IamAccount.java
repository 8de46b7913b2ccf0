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
    final EntityMap<IamUser> users = EntityMap.sorted();
    final EntityMap<IamGroup> groups = EntityMap.sorted();
    final EntityMap<IamRole> roles = EntityMap.sorted();
    final EntityMap<ManagedPolicy> policies = EntityMap.sorted();
    final EntityMap<InstanceProfile> instanceProfiles = EntityMap.sorted();
    final EntityMap<AccessKey> accessKeys = EntityMap.ordered();
    final EntityMap<LoginProfile> loginProfiles = EntityMap.sorted();
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
            map.forgetTouched();
        }
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
