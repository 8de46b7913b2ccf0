package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.iam.policy.NamedPolicy;
import io.awstutor.sandbox.iam.policy.PolicyDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity-based policies that apply to an identity, compiled: a user's inline and
 * attached policies and those of its groups; a role's (for its sessions). Asked on every
 * request a non-root caller makes, so it only looks up maps and cached compiled documents.
 * Each policy carries where it came from, which the simulator reports.
 */
final class IdentityPolicies {
    /** The simulator's PolicySourceType values. */
    enum SourceType {
        USER("user"), GROUP("group"), ROLE("role"), AWS_MANAGED("aws-managed"), USER_MANAGED("user-managed"),
        RESOURCE("resource"), NONE("none");

        final String wireName;

        SourceType(String wireName) {
            this.wireName = wireName;
        }
    }

    /** A policy that applies, and the kind of source the simulator names it by. */
    record Sourced(NamedPolicy policy, SourceType type) {
    }

    private final IamBackend backend;
    private final PolicyDocuments documents;

    IdentityPolicies(IamBackend backend, PolicyDocuments documents) {
        this.backend = backend;
        this.documents = documents;
    }

    List<NamedPolicy> of(Caller caller) {
        return sourced(caller).stream().map(Sourced::policy).toList();
    }

    List<Sourced> sourced(Caller caller) {
        if (caller instanceof Caller.User user) {
            return backend.read(user.accountId(), account -> forUser(account, user.userName()));
        }
        if (caller instanceof Caller.AssumedRole role) {
            return backend.read(role.accountId(), account -> forRole(account, role.roleName()));
        }
        return List.of();
    }

    /** The caller's permissions boundary, compiled, or an empty list. */
    List<NamedPolicy> boundaryOf(Caller caller) {
        if (caller instanceof Caller.User user) {
            return backend.read(user.accountId(), account -> {
                IamUser found = account.users.get(IamAccount.key(user.userName()));
                return found == null ? List.<NamedPolicy>of() : boundary(account, found.permissionsBoundary()).stream().toList();
            });
        }
        if (caller instanceof Caller.AssumedRole role) {
            return backend.read(role.accountId(), account -> {
                IamRole found = account.roles.get(IamAccount.key(role.roleName()));
                return found == null ? List.<NamedPolicy>of() : boundary(account, found.permissionsBoundary()).stream().toList();
            });
        }
        return List.of();
    }

    /** Called under the backend's lock. */
    List<Sourced> forUser(IamAccount account, String userName) {
        IamUser user = account.users.get(IamAccount.key(userName));
        if (user == null) {
            return List.of();
        }
        List<Sourced> result = new ArrayList<>();
        add(account, user.permissions(), SourceType.USER, result);
        for (IamGroup group : account.groups.values()) {
            if (group.hasMember(user.name())) {
                add(account, group.permissions(), SourceType.GROUP, result);
            }
        }
        return result;
    }

    List<Sourced> forGroup(IamAccount account, String groupName) {
        IamGroup group = account.groups.get(IamAccount.key(groupName));
        List<Sourced> result = new ArrayList<>();
        if (group != null) {
            add(account, group.permissions(), SourceType.GROUP, result);
        }
        return result;
    }

    List<Sourced> forRole(IamAccount account, String roleName) {
        IamRole role = account.roles.get(IamAccount.key(roleName));
        List<Sourced> result = new ArrayList<>();
        if (role != null) {
            add(account, role.permissions(), SourceType.ROLE, result);
        }
        return result;
    }

    /** A permissions boundary's document, when the identity has one. */
    Optional<NamedPolicy> boundary(IamAccount account, String boundaryArn) {
        if (boundaryArn == null) {
            return Optional.empty();
        }
        return backend.managedPolicies().find(account, boundaryArn)
                .map(p -> new NamedPolicy(p.name(), documents.identity(p.defaultVersion().document())));
    }

    private void add(IamAccount account, Permissions permissions, SourceType inlineType, List<Sourced> into) {
        permissions.inline().forEach((name, json) -> into.add(new Sourced(new NamedPolicy(name, documents.identity(json)), inlineType)));
        for (String arn : permissions.attached()) {
            Optional<ManagedPolicy> policy;
            try {
                policy = backend.managedPolicies().find(account, arn);
            } catch (RuntimeException invalidArn) {
                policy = Optional.empty();
            }
            policy.ifPresent(p -> {
                PolicyDocument document = documents.identity(p.defaultVersion().document());
                into.add(new Sourced(new NamedPolicy(p.name(), document),
                        p.awsManaged() ? SourceType.AWS_MANAGED : SourceType.USER_MANAGED));
            });
        }
    }
}
