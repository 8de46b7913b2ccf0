package io.awstutor.sandbox.iam;

import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one IAM write changed in one account: the entities it put, by their key (a null value:
 * the entity was removed), and the account's settings when they changed (null: unchanged).
 * It is one line of IAM's journal, and, holding the values from before instead, what undoes
 * the write when it could not be saved. {@code seq} numbers the journal's lines; a snapshot
 * records the last one it contains.
 */
record IamChange(long seq, String accountId, Instant created, Map<String, IamUser> users, Map<String, IamGroup> groups,
                 Map<String, IamRole> roles, Map<String, ManagedPolicy> policies,
                 Map<String, InstanceProfile> instanceProfiles, Map<String, AccessKey> accessKeys,
                 Map<String, LoginProfile> loginProfiles, Settings settings) {

    /** The account-wide values, both written whenever either changes. */
    record Settings(PasswordPolicy passwordPolicy, String alias) {
    }

    /** The change {@code shadow} (the account as last staged) needs to become {@code live}, and its inverse; both null when nothing changed. */
    static IamChange[] between(long seq, IamAccount shadow, IamAccount live) {
        Map<String, IamUser> users = new LinkedHashMap<>();
        Map<String, IamUser> oldUsers = new LinkedHashMap<>();
        Map<String, IamGroup> groups = new LinkedHashMap<>();
        Map<String, IamGroup> oldGroups = new LinkedHashMap<>();
        Map<String, IamRole> roles = new LinkedHashMap<>();
        Map<String, IamRole> oldRoles = new LinkedHashMap<>();
        Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
        Map<String, ManagedPolicy> oldPolicies = new LinkedHashMap<>();
        Map<String, InstanceProfile> profiles = new LinkedHashMap<>();
        Map<String, InstanceProfile> oldProfiles = new LinkedHashMap<>();
        Map<String, AccessKey> keys = new LinkedHashMap<>();
        Map<String, AccessKey> oldKeys = new LinkedHashMap<>();
        Map<String, LoginProfile> logins = new LinkedHashMap<>();
        Map<String, LoginProfile> oldLogins = new LinkedHashMap<>();
        int changed = diff(shadow.users, live.users, users, oldUsers) + diff(shadow.groups, live.groups, groups, oldGroups)
                + diff(shadow.roles, live.roles, roles, oldRoles) + diff(shadow.policies, live.policies, policies, oldPolicies)
                + diff(shadow.instanceProfiles, live.instanceProfiles, profiles, oldProfiles)
                + diff(shadow.accessKeys, live.accessKeys, keys, oldKeys)
                + diff(shadow.loginProfiles, live.loginProfiles, logins, oldLogins);
        boolean settingsChanged = !Objects.equals(shadow.passwordPolicy, live.passwordPolicy) || !Objects.equals(shadow.alias, live.alias);
        if (changed == 0 && !settingsChanged && Objects.equals(shadow.created, live.created)) {
            return null;
        }
        Settings now = settingsChanged ? new Settings(live.passwordPolicy, live.alias) : null;
        Settings before = settingsChanged ? new Settings(shadow.passwordPolicy, shadow.alias) : null;
        return new IamChange[] {
            new IamChange(seq, live.accountId, live.created, users, groups, roles, policies, profiles, keys, logins, now),
            new IamChange(seq, live.accountId, shadow.created, oldUsers, oldGroups, oldRoles, oldPolicies, oldProfiles, oldKeys,
                    oldLogins, before)};
    }

    /** Makes the change in {@code account}. */
    void applyTo(IamAccount account) {
        account.created = created;
        apply(users, account.users);
        apply(groups, account.groups);
        apply(roles, account.roles);
        apply(policies, account.policies);
        apply(instanceProfiles, account.instanceProfiles);
        apply(accessKeys, account.accessKeys);
        apply(loginProfiles, account.loginProfiles);
        if (settings != null) {
            account.passwordPolicy = settings.passwordPolicy();
            account.alias = settings.alias();
        }
    }

    /**
     * Entities are immutable records, so a changed one is a different object: comparing
     * references finds every change. Only the keys {@code after} was changed at since the last
     * write are compared (this runs under IAM's write lock on every write, and comparing every
     * entity made each write slower with every user); with assertions on (the tests), a walk
     * of both whole maps checks that the record missed nothing.
     */
    private static <V> int diff(Map<String, V> before, Map<String, V> after, Map<String, V> changes, Map<String, V> undo) {
        if (after instanceof EntityMap<V> tracked) {
            List<String> keys = tracked.takeTouched();
            if (tracked.isSorted() && keys.size() > 1) {
                keys.sort(null); // the journal lists a change's entities in key order, as the walk did
            }
            for (String key : keys) {
                V old = before.get(key);
                V now = after.get(key);
                if (old != now) {
                    changes.put(key, now);
                    undo.put(key, old);
                }
            }
            assert sameAsWalk(before, after, changes) : "an entity map changed without recording its key: " + changes.keySet();
            return changes.size();
        }
        return walk(before, after, changes, undo);
    }

    private static <V> boolean sameAsWalk(Map<String, V> before, Map<String, V> after, Map<String, V> changes) {
        Map<String, V> walked = new LinkedHashMap<>();
        walk(before, after, walked, new LinkedHashMap<>());
        if (!walked.keySet().equals(changes.keySet())) {
            return false;
        }
        return walked.entrySet().stream().allMatch(e -> e.getValue() == changes.get(e.getKey()));
    }

    /** Every entity of both maps compared: what the record of touched keys spares every write. */
    private static <V> int walk(Map<String, V> before, Map<String, V> after, Map<String, V> changes, Map<String, V> undo) {
        for (Map.Entry<String, V> e : after.entrySet()) {
            V old = before.get(e.getKey());
            if (old != e.getValue()) {
                changes.put(e.getKey(), e.getValue());
                undo.put(e.getKey(), old);
            }
        }
        for (Map.Entry<String, V> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                changes.put(e.getKey(), null);
                undo.put(e.getKey(), e.getValue());
            }
        }
        return changes.size();
    }

    private static <V> void apply(Map<String, V> changes, Map<String, V> target) {
        if (changes == null) {
            return;
        }
        changes.forEach((key, value) -> {
            if (value == null) {
                target.remove(key);
            } else {
                target.put(key, value);
            }
        });
    }
}
