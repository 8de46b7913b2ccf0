package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.ValidationErrors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What IAM says of the account as a whole: its alias (unique across accounts) and its summary counts. */
public final class Accounts {
    private static final String ALIAS_PATTERN = "^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$";
    private static final Pattern ALIAS = Pattern.compile(ALIAS_PATTERN);

    private final IamBackend backend;

    Accounts(IamBackend backend) {
        this.backend = backend;
    }

    /** An account has at most one alias: a new one replaces it. */
    public void createAlias(String accountId, String alias) {
        IamValidation.length("accountAlias", alias, 3, 63);
        if (!ALIAS.matcher(alias).matches()) {
            throw ValidationErrors.invalid(alias, "accountAlias", ValidationErrors.pattern(ALIAS_PATTERN));
        }
        backend.write(accountId, account -> {
            for (IamAccount other : backend.allAccountsLocked()) {
                if (alias.equals(other.alias) && !other.accountId.equals(accountId)) {
                    throw IamErrors.alreadyExists("The account alias " + alias + " already exists.");
                }
            }
            account.alias = alias;
            return null;
        });
    }

    public void deleteAlias(String accountId, String alias) {
        backend.write(accountId, account -> {
            if (!alias.equals(account.alias)) {
                throw IamErrors.noSuchEntity("The account alias " + alias + " cannot be found.");
            }
            account.alias = null;
            return null;
        });
    }

    public List<String> aliases(String accountId) {
        return backend.read(accountId, account -> account.alias == null ? List.of() : List.of(account.alias));
    }

    /** GetAccountSummary: the entity counts and AWS's default quotas. */
    public Map<String, Integer> summary(String accountId) {
        return backend.read(accountId, account -> {
            Map<String, Integer> map = new LinkedHashMap<>();
            map.put("Users", account.users.size());
            map.put("UsersQuota", 5000);
            map.put("Groups", account.groups.size());
            map.put("GroupsQuota", 300);
            map.put("Roles", account.roles.size());
            map.put("RolesQuota", 1000);
            map.put("Policies", account.policies.size());
            map.put("PoliciesQuota", 1500);
            map.put("InstanceProfiles", account.instanceProfiles.size());
            map.put("InstanceProfilesQuota", 1000);
            map.put("PolicyVersionsInUse", account.policies.values().stream().mapToInt(p -> p.versions().size()).sum());
            map.put("PolicyVersionsInUseQuota", 10000);
            map.put("VersionsPerPolicyQuota", ManagedPolicy.MAX_VERSIONS);
            map.put("PolicySizeQuota", ManagedPolicies.MANAGED_POLICY_QUOTA);
            map.put("UserPolicySizeQuota", IdentityKind.USER.inlineQuota);
            map.put("GroupPolicySizeQuota", IdentityKind.GROUP.inlineQuota);
            map.put("RolePolicySizeQuota", IdentityKind.ROLE.inlineQuota);
            map.put("AssumeRolePolicySizeQuota", Roles.TRUST_POLICY_QUOTA);
            map.put("AccessKeysPerUserQuota", AccessKeys.MAX_KEYS_PER_USER);
            map.put("GroupsPerUserQuota", 10);
            map.put("AttachedPoliciesPerUserQuota", IdentityKind.MAX_ATTACHED);
            map.put("AttachedPoliciesPerGroupQuota", IdentityKind.MAX_ATTACHED);
            map.put("AttachedPoliciesPerRoleQuota", IdentityKind.MAX_ATTACHED);
            map.put("MFADevices", 0);
            map.put("MFADevicesInUse", 0);
            map.put("AccountMFAEnabled", 0);
            // The sandbox's root key pair (test/test) always exists.
            map.put("AccountAccessKeysPresent", 1);
            map.put("AccountPasswordPresent", 0);
            map.put("AccountSigningCertificatesPresent", 0);
            map.put("ServerCertificates", 0);
            map.put("ServerCertificatesQuota", 20);
            map.put("SigningCertificatesPerUserQuota", 2);
            map.put("Providers", 0);
            map.put("GlobalEndpointTokenVersion", 1);
            return map;
        });
    }
}
