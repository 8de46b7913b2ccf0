package io.awstutor.sandbox.iam;

import com.fasterxml.jackson.core.type.TypeReference;
import io.awstutor.sandbox.persist.GroupCommit;
import io.awstutor.sandbox.persist.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM's state on disk: every account in one JSON file ({@link StateFile}: replaced atomically
 * after each change, concurrent changes sharing one write through {@link GroupCommit}). Access key secrets are in it because signatures are verified with
 * them; passwords are not (only their hashes).
 */
final class IamStateFile {
    private final StateFile file;
    private final GroupCommit commits;

    /** One account as it is written: plain lists of the entities. */
    record AccountState(String accountId, Instant created, List<IamUser> users, List<IamGroup> groups,
                        List<IamRole> roles, List<ManagedPolicy> policies, List<InstanceProfile> instanceProfiles,
                        List<AccessKey> accessKeys, List<LoginProfile> loginProfiles, PasswordPolicy passwordPolicy,
                        String alias) {

        static AccountState of(IamAccount a) {
            return new AccountState(a.accountId, a.created, new ArrayList<>(a.users.values()), new ArrayList<>(a.groups.values()),
                    new ArrayList<>(a.roles.values()), new ArrayList<>(a.policies.values()),
                    new ArrayList<>(a.instanceProfiles.values()), new ArrayList<>(a.accessKeys.values()),
                    new ArrayList<>(a.loginProfiles.values()), a.passwordPolicy, a.alias);
        }

        IamAccount toAccount() {
            IamAccount a = new IamAccount(accountId, created);
            nonNull(users).forEach(u -> a.users.put(IamAccount.key(u.name()), u));
            nonNull(groups).forEach(g -> a.groups.put(IamAccount.key(g.name()), g));
            nonNull(roles).forEach(r -> a.roles.put(IamAccount.key(r.name()), r));
            nonNull(policies).forEach(p -> a.policies.put(IamAccount.key(p.name()), p));
            nonNull(instanceProfiles).forEach(p -> a.instanceProfiles.put(IamAccount.key(p.name()), p));
            nonNull(accessKeys).forEach(k -> a.accessKeys.put(k.id(), k));
            nonNull(loginProfiles).forEach(p -> a.loginProfiles.put(IamAccount.key(p.userName()), p));
            a.passwordPolicy = passwordPolicy;
            a.alias = alias;
            return a;
        }

        private static <T> List<T> nonNull(List<T> list) {
            return list == null ? List.of() : list;
        }
    }

    IamStateFile(Path dir) {
        this.file = new StateFile(dir.resolve("iam.json"));
        this.commits = new GroupCommit(file);
    }

    /** A file that does not parse stops the sandbox with its path and reason rather than lose the learner's IAM state. */
    Map<String, IamAccount> load() {
        try {
            Map<String, IamAccount> accounts = new TreeMap<>();
            file.load(new TypeReference<List<AccountState>>() { })
                    .ifPresent(states -> states.forEach(s -> accounts.put(s.accountId(), s.toAccount())));
            return accounts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read IAM state from " + file.path(), e);
        }
    }

    /** Under IAM's write lock: copies the state as it is now (entities are immutable records; copying the lists is cheap). */
    long stage(Map<String, IamAccount> accounts) {
        List<AccountState> states = new ArrayList<>();
        accounts.values().forEach(a -> states.add(AccountState.of(a)));
        return commits.stage(() -> states);
    }

    /** After the lock is released: returns once the staged state is on disk (shared with the changes staged meanwhile). */
    void awaitDurable(long generation) {
        commits.awaitDurable(generation);
    }
}
