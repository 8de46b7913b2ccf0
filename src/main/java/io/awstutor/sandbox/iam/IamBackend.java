package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.access.IdentityPolicySource;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.auth.CredentialStore;
import io.awstutor.sandbox.iam.policy.NamedPolicy;
import io.awstutor.sandbox.sts.RoleDirectory;
import io.awstutor.sandbox.sts.RoleInfo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * IAM's state for every account, and the one lock that guards it. IAM is global: one state
 * per account whatever the region. The per-concept services ({@link Users}, {@link AccessKeys},
 * ...) hold AWS's rules and reach the state through {@link #read} and {@link #write}; a write
 * is answered only once the state holding it is saved to the data folder (concurrent writes
 * share one save, made outside the lock), so an acknowledged change survives a crash.
 *
 * <p>It is also the {@link CredentialStore} of the users' access keys (a key that is
 * deactivated or deleted stops verifying with the very next request), the
 * {@link IdentityPolicySource} the authorizer evaluates, and STS's {@link RoleDirectory}.
 */
public final class IamBackend implements CredentialStore, IdentityPolicySource, RoleDirectory {
    private final SandboxContext context;
    private final Instant started;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, IamAccount> accounts;
    /** Access key id to owning account: the signature check's lookup must not scan accounts. */
    private final ConcurrentHashMap<String, String> keyAccounts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, KeyUse> keyUses = new ConcurrentHashMap<>();
    private final Optional<IamStateFile> stateFile;
    private final IamIds ids = new IamIds();

    private final Users users = new Users(this);
    private final AccessKeys accessKeys = new AccessKeys(this);
    private final Groups groups = new Groups(this);
    private final Roles roles = new Roles(this);
    private final ManagedPolicies managedPolicies = new ManagedPolicies(this);
    private final InlinePolicies inlinePolicies = new InlinePolicies(this);
    private final InstanceProfiles instanceProfiles = new InstanceProfiles(this);
    private final LoginProfiles loginProfiles = new LoginProfiles(this);
    private final Accounts accountSettings = new Accounts(this);
    private final PolicyDocuments documents = new PolicyDocuments();
    private final IdentityPolicies identityPolicies = new IdentityPolicies(this, documents);

    public IamBackend(SandboxContext context) {
        this.context = context;
        this.started = context.now();
        this.stateFile = context.dataDirFor("iam").map(IamStateFile::new);
        this.accounts = stateFile.map(IamStateFile::load).orElseGet(TreeMap::new);
        accounts.forEach((id, account) -> account.accessKeys.keySet().forEach(k -> keyAccounts.put(k, id)));
        stateFile.ifPresent(f -> f.onFailure(this::undoUnsaved));
    }

    /**
     * A write could not be saved: every write not yet on disk is undone, so what IAM answers
     * from now on is what a restart would show (as RDS does); their callers get the error.
     */
    private void undoUnsaved() {
        lock.writeLock().lock();
        try {
            for (IamChange undone : stateFile.orElseThrow().undoUndurable(accounts)) {
                undone.accessKeys().forEach((keyId, key) -> {
                    if (key == null) {
                        unindexKey(keyId);
                    } else {
                        indexKey(keyId, undone.accountId());
                    }
                });
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Users users() { return users; }
    public AccessKeys accessKeys() { return accessKeys; }
    public Groups groups() { return groups; }
    public Roles roles() { return roles; }
    public ManagedPolicies managedPolicies() { return managedPolicies; }
    public InlinePolicies inlinePolicies() { return inlinePolicies; }
    public InstanceProfiles instanceProfiles() { return instanceProfiles; }
    public LoginProfiles loginProfiles() { return loginProfiles; }
    public Accounts accountSettings() { return accountSettings; }

    /**
     * The identity-based policies of a caller (a user's own and its groups', a role session's
     * role's), compiled: what the authorizer evaluates on every request.
     */
    @Override
    public List<NamedPolicy> policiesOf(Caller caller) {
        return identityPolicies.of(caller);
    }

    @Override
    public List<NamedPolicy> boundaryOf(Caller caller) {
        return identityPolicies.boundaryOf(caller);
    }

    /** The role with this ARN in the account (its path must match too), for STS. */
    public Optional<IamRole> roleByArn(String accountId, String roleArn) {
        String prefix = Arns.globalPrefix("iam", accountId, "role/");
        if (roleArn == null || !roleArn.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return read(accountId, account -> Optional.ofNullable(account.roles.get(IamAccount.key(name))))
                .filter(role -> role.arn(accountId).equalsIgnoreCase(roleArn));
    }

    /** STS's view of a role: what AssumeRole checks (trust policy) and honours (session length). */
    @Override
    public Optional<RoleInfo> role(String accountId, String roleArn) {
        return roleByArn(accountId, roleArn).map(r -> new RoleInfo(accountId, r.name(), r.path(), r.id(),
                r.trustPolicy(), r.maxSessionDuration()));
    }

    IdentityPolicies identityPolicies() {
        return identityPolicies;
    }

    PolicyDocuments documents() {
        return documents;
    }

    Clock clock() {
        return context.clock();
    }

    Instant now() {
        return context.now();
    }

    IamIds ids() {
        return ids;
    }

    AwsManagedPolicies awsPolicies() {
        return AwsManagedPolicies.bundled();
    }

    /**
     * When the account's root user came to be: when IAM first stored something for it, or
     * else when this sandbox started (stable from one GetUser to the next).
     */
    public Instant accountCreated(String accountId) {
        Instant known = read(accountId, a -> a.created);
        return known != null ? known : started;
    }

    <T> T read(String accountId, Function<IamAccount, T> query) {
        lock.readLock().lock();
        try {
            IamAccount account = accounts.get(accountId);
            return query.apply(account != null ? account : new IamAccount(accountId, null));
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(String accountId, Function<IamAccount, T> change) {
        T result;
        IamStateFile.Staged staged;
        lock.writeLock().lock();
        try {
            IamAccount account = accounts.computeIfAbsent(accountId, id -> new IamAccount(id, now()));
            try {
                result = change.apply(account);
            } finally {
                // also what a change refused half-way had already changed: memory and disk never differ
                staged = stateFile.map(f -> f.stage(account, accounts)).orElse(null);
                if (stateFile.isEmpty()) {
                    account.forgetTouched(); // kept in memory only: no journal line to find
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        // the fsync happens outside the lock, shared by the changes staged meanwhile
        stateFile.ifPresent(f -> f.awaitDurable(staged));
        return result;
    }

    /** Every account's state; only under the write lock (for rules that span accounts, such as aliases). */
    java.util.Collection<IamAccount> allAccountsLocked() {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("all accounts are only visible under the write lock");
        }
        return accounts.values();
    }

    void indexKey(String accessKeyId, String accountId) {
        keyAccounts.put(accessKeyId, accountId);
    }

    void unindexKey(String accessKeyId) {
        keyAccounts.remove(accessKeyId);
        keyUses.remove(accessKeyId);
    }

    @Override
    public Optional<Credential> lookup(String accessKeyId) {
        String accountId = keyAccounts.get(accessKeyId);
        if (accountId == null) {
            return Optional.empty();
        }
        return read(accountId, account -> {
            AccessKey key = account.accessKeys.get(accessKeyId);
            IamUser user = key == null ? null : account.users.get(IamAccount.key(key.userName()));
            if (user == null) {
                return Optional.<Credential>empty();
            }
            Caller caller = new Caller.User(accountId, user.name(), user.path(), user.id());
            return Optional.of(Credential.permanent(key.id(), key.secret(), caller, key.active()));
        });
    }

    /** The HTTP layer reports a verified request here, for GetAccessKeyLastUsed. */
    public void recordKeyUse(String accessKeyId, String service, String region) {
        if (keyAccounts.containsKey(accessKeyId)) {
            keyUses.put(accessKeyId, new KeyUse(now(), service, region));
        }
    }

    Optional<KeyUse> keyUse(String accessKeyId) {
        return Optional.ofNullable(keyUses.get(accessKeyId));
    }
}
