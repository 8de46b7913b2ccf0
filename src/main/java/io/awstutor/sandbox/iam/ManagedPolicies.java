package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.iam.policy.PolicyKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Managed policies: the customer's (with up to five versions and a default one) and AWS's
 * (read-only, shared by all accounts); attaching them to users, groups and roles.
 */
public final class ManagedPolicies {
    static final int MANAGED_POLICY_QUOTA = 6144;

    private final IamBackend backend;

    ManagedPolicies(IamBackend backend) {
        this.backend = backend;
    }

    /** A policy with the number of identities it is attached to in the asking account. */
    public record PolicyView(ManagedPolicy policy, int attachmentCount, int boundaryUsageCount) {
    }

    /** A version with whether it is its policy's default. */
    public record VersionView(PolicyVersion version, boolean isDefault) {
    }

    public ManagedPolicy create(String accountId, String name, String path, String document, String description, List<Tag> tags) {
        IamValidation.name("policyName", name, 128);
        IamValidation.policyPath("path", path);
        if (description != null) {
            IamValidation.length("description", description, 0, 1000);
        }
        Tagging.check(tags);
        checkDocument(document);
        return backend.write(accountId, account -> {
            if (account.policies.containsKey(IamAccount.key(name))) {
                throw IamErrors.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
            }
            String arn = IamArns.of(accountId, "policy", path, name);
            PolicyVersion v1 = new PolicyVersion("v1", document, backend.now());
            ManagedPolicy policy = new ManagedPolicy(name, path, backend.ids().policy(), arn, description,
                    backend.now(), backend.now(), "v1", List.of(v1), 2, tags);
            account.policies.put(IamAccount.key(name), policy);
            return policy;
        });
    }

    public PolicyView get(String accountId, String arn) {
        return backend.read(accountId, account -> {
            ManagedPolicy policy = find(account, arn).orElseThrow(() -> notFound(arn));
            return new PolicyView(policy, attachmentCounts(account).getOrDefault(policy.arn(), 0),
                    boundaryCounts(account).getOrDefault(policy.arn(), 0));
        });
    }

    /** ListPolicies: Scope All/AWS/Local, OnlyAttached, PathPrefix; sorted by name. */
    public Page<PolicyView> list(String accountId, String scope, boolean onlyAttached, String pathPrefix,
                                 Optional<String> marker, Optional<Integer> maxItems) {
        if (!List.of("All", "AWS", "Local").contains(scope)) {
            throw ValidationErrors.invalid(scope, "scope", ValidationErrors.oneOf(java.util.List.of("All", "AWS", "Local")));
        }
        return backend.read(accountId, account -> Page.of(views(account, scope, onlyAttached, pathPrefix),
                v -> sortKey(v.policy()), marker, maxItems));
    }

    /** The account's view of its policies (Scope All/AWS/Local), sorted by name; under the backend's lock. */
    List<PolicyView> views(IamAccount account, String scope, boolean onlyAttached, String pathPrefix) {
        Map<String, Integer> counts = attachmentCounts(account);
        Map<String, Integer> boundaries = boundaryCounts(account);
        List<ManagedPolicy> candidates = new ArrayList<>();
        if (!scope.equals("Local")) {
            candidates.addAll(backend.awsPolicies().all());
        }
        if (!scope.equals("AWS")) {
            candidates.addAll(account.policies.values());
        }
        List<PolicyView> matching = new ArrayList<>();
        for (ManagedPolicy policy : candidates) {
            int count = counts.getOrDefault(policy.arn(), 0);
            if (policy.path().startsWith(pathPrefix) && (!onlyAttached || count > 0)) {
                matching.add(new PolicyView(policy, count, boundaries.getOrDefault(policy.arn(), 0)));
            }
        }
        matching.sort(Comparator.comparing(v -> sortKey(v.policy())));
        return matching;
    }

    private static String sortKey(ManagedPolicy policy) {
        return IamAccount.key(policy.name()) + "\u0000" + policy.arn();
    }

    public void delete(String accountId, String arn) {
        backend.write(accountId, account -> {
            ManagedPolicy policy = customer(account, arn);
            if (attachmentCounts(account).getOrDefault(arn, 0) > 0 || boundaryCounts(account).getOrDefault(arn, 0) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, "
                        + "you must delete the policy's versions. The default version is deleted with the policy.");
            }
            account.policies.remove(IamAccount.key(policy.name()));
            return null;
        });
    }

    public VersionView createVersion(String accountId, String arn, String document, boolean setAsDefault) {
        checkDocument(document);
        return backend.write(accountId, account -> {
            ManagedPolicy policy = customer(account, arn);
            if (policy.versions().size() >= ManagedPolicy.MAX_VERSIONS) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + ManagedPolicy.MAX_VERSIONS
                        + " versions. Before you create a new version, you must delete an existing version.");
            }
            PolicyVersion version = new PolicyVersion("v" + policy.nextVersionNumber(), document, backend.now());
            List<PolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.add(version);
            String defaultId = setAsDefault ? version.versionId() : policy.defaultVersionId();
            account.policies.put(IamAccount.key(policy.name()),
                    policy.withVersions(versions, defaultId, policy.nextVersionNumber() + 1, backend.now()));
            return new VersionView(version, setAsDefault);
        });
    }

    public VersionView getVersion(String accountId, String arn, String versionId) {
        return backend.read(accountId, account -> {
            ManagedPolicy policy = find(account, arn).orElseThrow(() -> notFound(arn));
            PolicyVersion version = policy.version(versionId).orElseThrow(() -> noSuchVersion(arn, versionId));
            return new VersionView(version, version.versionId().equals(policy.defaultVersionId()));
        });
    }

    public Page<VersionView> listVersions(String accountId, String arn, Optional<String> marker, Optional<Integer> maxItems) {
        return backend.read(accountId, account -> {
            ManagedPolicy policy = find(account, arn).orElseThrow(() -> notFound(arn));
            List<VersionView> versions = versionsNewestFirst(policy);
            return Page.of(versions, v -> String.format("%010d", Integer.MAX_VALUE - versionNumber(v.version())), marker, maxItems);
        });
    }

    public void deleteVersion(String accountId, String arn, String versionId) {
        backend.write(accountId, account -> {
            ManagedPolicy policy = customer(account, arn);
            PolicyVersion version = policy.version(versionId).orElseThrow(() -> noSuchVersion(arn, versionId));
            if (version.versionId().equals(policy.defaultVersionId())) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            List<PolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.remove(version);
            account.policies.put(IamAccount.key(policy.name()),
                    policy.withVersions(versions, policy.defaultVersionId(), policy.nextVersionNumber(), policy.updated()));
            return null;
        });
    }

    public void setDefaultVersion(String accountId, String arn, String versionId) {
        backend.write(accountId, account -> {
            ManagedPolicy policy = customer(account, arn);
            policy.version(versionId).orElseThrow(() -> noSuchVersion(arn, versionId));
            account.policies.put(IamAccount.key(policy.name()),
                    policy.withVersions(policy.versions(), versionId, policy.nextVersionNumber(), backend.now()));
            return null;
        });
    }

    public void attach(IdentityKind kind, String accountId, String identity, String arn) {
        backend.write(accountId, account -> {
            Permissions permissions = kind.permissions(account, identity);
            find(account, arn).orElseThrow(() -> IamErrors.noSuchEntity(
                    "Policy " + arn + " does not exist or is not attachable."));
            if (!permissions.attached().contains(arn) && permissions.attached().size() >= IdentityKind.MAX_ATTACHED) {
                throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPer" + kind.capitalized + ": " + IdentityKind.MAX_ATTACHED);
            }
            kind.setPermissions(account, identity, permissions.withAttached(arn));
            return null;
        });
    }

    public void detach(IdentityKind kind, String accountId, String identity, String arn) {
        backend.write(accountId, account -> {
            Permissions permissions = kind.permissions(account, identity);
            if (!permissions.attached().contains(arn)) {
                throw IamErrors.noSuchEntity("Policy " + arn + " was not found.");
            }
            kind.setPermissions(account, identity, permissions.withoutAttached(arn));
            return null;
        });
    }

    /** ListAttached{User,Group,Role}Policies: name and ARN of each, filtered by the policy's path. */
    public Page<ManagedPolicy> listAttached(IdentityKind kind, String accountId, String identity, String pathPrefix,
                                            Optional<String> marker, Optional<Integer> maxItems) {
        return backend.read(accountId, account -> {
            List<ManagedPolicy> attached = new ArrayList<>();
            for (String arn : kind.permissions(account, identity).attached()) {
                find(account, arn).filter(p -> p.path().startsWith(pathPrefix)).ifPresent(attached::add);
            }
            attached.sort(Comparator.comparing(ManagedPolicy::arn));
            return Page.of(attached, ManagedPolicy::arn, marker, maxItems);
        });
    }

    /** The identities a policy is attached to, for ListEntitiesForPolicy. */
    public record Entities(List<IamUser> users, List<IamGroup> groups, List<IamRole> roles) {
    }

    /**
     * ListEntitiesForPolicy: the users, groups and roles (under {@code pathPrefix}) that hold the
     * policy as a permissions policy, or as their permissions boundary ({@code boundaries});
     * groups have no boundary.
     */
    public Entities entitiesFor(String accountId, String arn, String pathPrefix, boolean boundaries) {
        return backend.read(accountId, account -> {
            find(account, arn).orElseThrow(() -> notFound(arn));
            return new Entities(
                    account.users.values().stream().filter(u -> u.path().startsWith(pathPrefix)
                            && (boundaries ? arn.equals(u.permissionsBoundary()) : u.permissions().attached().contains(arn))).toList(),
                    boundaries ? List.of() : account.groups.values().stream().filter(g -> g.path().startsWith(pathPrefix)
                            && g.permissions().attached().contains(arn)).toList(),
                    account.roles.values().stream().filter(r -> r.path().startsWith(pathPrefix)
                            && (boundaries ? arn.equals(r.permissionsBoundary()) : r.permissions().attached().contains(arn))).toList());
        });
    }

    /** A permissions boundary must name an existing managed policy. */
    void requireBoundary(IamAccount account, String arn) {
        if (find(account, arn).isEmpty()) {
            throw IamErrors.noSuchEntity("Scope ARN: " + arn + " does not exist or is not attachable.");
        }
    }

    /** The default version's document of a managed policy visible to the account, if it exists. */
    Optional<ManagedPolicy> find(IamAccount account, String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        if (!arn.startsWith("arn:")) {
            throw IamErrors.invalidInput("ARN " + arn + " is not valid.");
        }
        if (arn.startsWith(AwsManagedPolicies.ARN_PREFIX)) {
            return backend.awsPolicies().find(arn);
        }
        String prefix = Arns.globalPrefix("iam", account.accountId, "policy/");
        if (!arn.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return Optional.ofNullable(account.policies.get(IamAccount.key(name))).filter(p -> p.arn().equals(arn));
    }

    private ManagedPolicy customer(IamAccount account, String arn) {
        ManagedPolicy policy = find(account, arn).orElseThrow(() -> notFound(arn));
        if (policy.awsManaged()) {
            throw IamErrors.invalidInput("AWS managed policies cannot be modified or deleted: " + arn);
        }
        return policy;
    }

    private static Map<String, Integer> attachmentCounts(IamAccount account) {
        Map<String, Integer> counts = new HashMap<>();
        account.users.values().forEach(u -> u.permissions().attached().forEach(a -> counts.merge(a, 1, Integer::sum)));
        account.groups.values().forEach(g -> g.permissions().attached().forEach(a -> counts.merge(a, 1, Integer::sum)));
        account.roles.values().forEach(r -> r.permissions().attached().forEach(a -> counts.merge(a, 1, Integer::sum)));
        return counts;
    }

    /** How many users and roles use each policy as their permissions boundary. */
    private static Map<String, Integer> boundaryCounts(IamAccount account) {
        Map<String, Integer> counts = new HashMap<>();
        account.users.values().stream().map(IamUser::permissionsBoundary).filter(java.util.Objects::nonNull)
                .forEach(a -> counts.merge(a, 1, Integer::sum));
        account.roles.values().stream().map(IamRole::permissionsBoundary).filter(java.util.Objects::nonNull)
                .forEach(a -> counts.merge(a, 1, Integer::sum));
        return counts;
    }

    public void tag(String accountId, String arn, List<Tag> tags) {
        backend.write(accountId, account -> {
            ManagedPolicy policy = customer(account, arn);
            account.policies.put(IamAccount.key(policy.name()), policy.withTags(Tagging.merge(policy.tags(), tags)));
            return null;
        });
    }

    public void untag(String accountId, String arn, List<String> keys) {
        backend.write(accountId, account -> {
            ManagedPolicy policy = customer(account, arn);
            account.policies.put(IamAccount.key(policy.name()), policy.withTags(Tagging.remove(policy.tags(), keys)));
            return null;
        });
    }

    private static void checkDocument(String document) {
        PolicyDocuments.validate(document, PolicyKind.IDENTITY);
        if (PolicyDocuments.size(document) > MANAGED_POLICY_QUOTA) {
            throw IamErrors.limitExceeded("Cannot exceed quota for PolicySize: " + MANAGED_POLICY_QUOTA);
        }
    }

    /** Newest first, as AWS lists them. */
    static List<VersionView> versionsNewestFirst(ManagedPolicy policy) {
        List<VersionView> versions = new ArrayList<>();
        for (int i = policy.versions().size() - 1; i >= 0; i--) {
            PolicyVersion v = policy.versions().get(i);
            versions.add(new VersionView(v, v.versionId().equals(policy.defaultVersionId())));
        }
        return versions;
    }

    private static int versionNumber(PolicyVersion version) {
        String digits = version.versionId().substring(1).replaceAll("\\D.*", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    private static RuntimeException notFound(String arn) {
        return IamErrors.noSuchEntity("Policy " + arn + " was not found.");
    }

    private static RuntimeException noSuchVersion(String arn, String versionId) {
        return IamErrors.noSuchEntity("Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
    }
}
