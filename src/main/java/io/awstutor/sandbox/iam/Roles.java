package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.iam.policy.PolicyDocument;
import io.awstutor.sandbox.iam.policy.PolicyKind;

import java.util.List;
import java.util.Optional;

/** IAM roles: trust policy, session length, description, tags. */
public final class Roles {
    static final int TRUST_POLICY_QUOTA = 2048;

    private final IamBackend backend;

    Roles(IamBackend backend) {
        this.backend = backend;
    }

    public IamRole create(String accountId, String name, String path, String trustPolicy, String description,
                          Optional<Integer> maxSessionDuration, List<Tag> tags, String permissionsBoundary) {
        IamValidation.name("roleName", name, 64);
        IamValidation.path("path", path);
        if (description != null) {
            IamValidation.length("description", description, 0, 1000);
        }
        int maxSession = maxSessionDuration.map(s -> IamValidation.range("maxSessionDuration", s, 3600, 43200))
                .orElse(IamRole.DEFAULT_MAX_SESSION_SECONDS);
        Tagging.check(tags);
        PolicyDocument trust = checkTrustPolicy(trustPolicy);
        return backend.write(accountId, account -> {
            if (account.roles.containsKey(IamAccount.key(name))) {
                throw IamErrors.alreadyExists("Role with name " + name + " already exists.");
            }
            checkPrincipalsExist(account, trust);
            if (permissionsBoundary != null) {
                backend.managedPolicies().requireBoundary(account, permissionsBoundary);
            }
            IamRole role = new IamRole(name, path, backend.ids().role(), backend.now(), trustPolicy, description,
                    maxSession, tags, permissionsBoundary, Permissions.none());
            account.roles.put(IamAccount.key(name), role);
            return role;
        });
    }

    public IamRole get(String accountId, String name) {
        IamValidation.name("roleName", name, 64);
        return backend.read(accountId, account -> account.requireRole(name));
    }

    public Optional<IamRole> find(String accountId, String name) {
        return backend.read(accountId, account -> Optional.ofNullable(account.roles.get(IamAccount.key(name))));
    }

    public Page<IamRole> list(String accountId, String pathPrefix, Optional<String> marker, Optional<Integer> maxItems) {
        IamValidation.pathPrefix(pathPrefix);
        return backend.read(accountId, account -> Page.of(
                account.roles.values().stream().filter(r -> r.path().startsWith(pathPrefix)).toList(),
                r -> IamAccount.key(r.name()), marker, maxItems));
    }

    public void delete(String accountId, String name) {
        backend.write(accountId, account -> {
            IamRole role = account.requireRole(name);
            if (account.instanceProfiles.values().stream().anyMatch(p -> p.hasRole(role.name()))) {
                throw IamErrors.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
            }
            if (!role.permissions().inline().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!role.permissions().attached().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            account.roles.remove(IamAccount.key(name));
            return null;
        });
    }

    public void updateTrustPolicy(String accountId, String name, String trustPolicy) {
        PolicyDocument trust = checkTrustPolicy(trustPolicy);
        backend.write(accountId, account -> {
            IamRole role = account.requireRole(name);
            checkPrincipalsExist(account, trust);
            account.roles.put(IamAccount.key(name), role.withTrustPolicy(trustPolicy));
            return null;
        });
    }

    /** UpdateRole / UpdateRoleDescription: only the members given change. */
    public IamRole update(String accountId, String name, Optional<String> description, Optional<Integer> maxSessionDuration) {
        description.ifPresent(d -> IamValidation.length("description", d, 0, 1000));
        maxSessionDuration.ifPresent(s -> IamValidation.range("maxSessionDuration", s, 3600, 43200));
        return change(accountId, name, role -> {
            IamRole updated = role;
            if (description.isPresent()) {
                updated = updated.withDescription(description.get());
            }
            if (maxSessionDuration.isPresent()) {
                updated = updated.withMaxSessionDuration(maxSessionDuration.get());
            }
            return updated;
        });
    }

    public void tag(String accountId, String name, List<Tag> tags) {
        change(accountId, name, role -> role.withTags(Tagging.merge(role.tags(), tags)));
    }

    public void untag(String accountId, String name, List<String> keys) {
        change(accountId, name, role -> role.withTags(Tagging.remove(role.tags(), keys)));
    }

    public void setPermissionsBoundary(String accountId, String name, String boundaryArn) {
        backend.write(accountId, account -> {
            IamRole role = account.requireRole(name);
            if (boundaryArn != null) {
                backend.managedPolicies().requireBoundary(account, boundaryArn);
            }
            account.roles.put(IamAccount.key(name), role.withPermissionsBoundary(boundaryArn));
            return null;
        });
    }

    private IamRole change(String accountId, String name, java.util.function.UnaryOperator<IamRole> change) {
        return backend.write(accountId, account -> {
            IamRole updated = change.apply(account.requireRole(name));
            account.roles.put(IamAccount.key(name), updated);
            return updated;
        });
    }

    private static PolicyDocument checkTrustPolicy(String document) {
        PolicyDocument parsed = PolicyDocuments.validate(document, PolicyKind.TRUST);
        if (PolicyDocuments.size(document) > TRUST_POLICY_QUOTA) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_QUOTA);
        }
        return parsed;
    }

    /**
     * IAM resolves a trust policy's user and role principals of this account when it stores the
     * policy, so one naming a user or role that does not exist is refused (AWS's "Invalid
     * principal in policy"); principals of other accounts are taken as written.
     */
    private static void checkPrincipalsExist(IamAccount account, PolicyDocument trust) {
        String prefix = Arns.globalPrefix("iam", account.accountId, "");
        for (String arn : trust.principalArns()) {
            if (!arn.startsWith(prefix)) {
                continue;
            }
            String resource = arn.substring(prefix.length());
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            boolean missing = resource.startsWith("user/") ? !account.users.containsKey(IamAccount.key(name))
                    : resource.startsWith("role/") && !account.roles.containsKey(IamAccount.key(name));
            if (missing) {
                throw IamErrors.malformedPolicy("Invalid principal in policy: \"AWS\":\"" + arn + "\"");
            }
        }
    }
}
