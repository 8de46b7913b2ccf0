package io.awstutor.sandbox.iam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IAM state of one account. IAM names are unique regardless of case, so every map is
 * keyed by the lower-cased name (sorted, which is the order IAM lists them in); the
 * entities keep their spelling. Only {@link IamBackend} touches it, under its lock.
 */
final class IamAccount {
    String accountId;
    Instant created;
    TreeMap<String, IamUser> users = new TreeMap<>();
    TreeMap<String, IamGroup> groups = new TreeMap<>();
    TreeMap<String, IamRole> roles = new TreeMap<>();
    TreeMap<String, ManagedPolicy> policies = new TreeMap<>();
    TreeMap<String, InstanceProfile> instanceProfiles = new TreeMap<>();
    Map<String, AccessKey> accessKeys = new LinkedHashMap<>();
    TreeMap<String, LoginProfile> loginProfiles = new TreeMap<>();
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

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
