package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.ValidationErrors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * GetAccountAuthorizationDetails: every user, group and role of the account with the
 * policies it holds, and the managed policies with all their versions (the account's own,
 * and AWS's that something in the account uses), as one listing paged across all four kinds.
 */
final class AuthorizationDetails {
    static final List<String> FILTERS = List.of("User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy");

    private final IamBackend backend;

    AuthorizationDetails(IamBackend backend) {
        this.backend = backend;
    }

    /** A managed policy attached to an identity, by name and ARN. */
    record Attached(String name, String arn) {
    }

    /** One item of the listing; the key orders users, then groups, roles and policies. */
    sealed interface Entry permits UserEntry, GroupEntry, RoleEntry, PolicyEntry {
        String key();
    }

    record UserEntry(IamUser user, List<String> groups, List<Attached> attached) implements Entry {
        public String key() { return "1" + IamAccount.key(user.name()); }
    }

    record GroupEntry(IamGroup group, List<Attached> attached) implements Entry {
        public String key() { return "2" + IamAccount.key(group.name()); }
    }

    record RoleEntry(IamRole role, List<InstanceProfiles.ProfileView> profiles, List<Attached> attached) implements Entry {
        public String key() { return "3" + IamAccount.key(role.name()); }
    }

    record PolicyEntry(ManagedPolicies.PolicyView view) implements Entry {
        public String key() { return "4" + IamAccount.key(view.policy().name()) + "\u0000" + view.policy().arn(); }
    }

    /** {@code filter}: the entity types to include (AWS's EntityType values), all when empty. */
    Page<Entry> list(String accountId, List<String> filter, Optional<String> marker, Optional<Integer> maxItems) {
        for (String f : filter) {
            if (!FILTERS.contains(f)) {
                // a list member: AWS wraps the element's constraint in the list's
                throw ValidationErrors.invalid(filter, "filter", "Member must satisfy constraint: [" + ValidationErrors.oneOf(FILTERS) + "]");
            }
        }
        boolean all = filter.isEmpty();
        return backend.read(accountId, account -> {
            List<Entry> entries = new ArrayList<>();
            if (all || filter.contains("User")) {
                for (IamUser user : account.users.values()) {
                    List<String> groups = account.groups.values().stream().filter(g -> g.hasMember(user.name())).map(IamGroup::name).toList();
                    entries.add(new UserEntry(user, groups, attached(account, user.permissions())));
                }
            }
            if (all || filter.contains("Group")) {
                account.groups.values().forEach(g -> entries.add(new GroupEntry(g, attached(account, g.permissions()))));
            }
            if (all || filter.contains("Role")) {
                for (IamRole role : account.roles.values()) {
                    List<InstanceProfiles.ProfileView> profiles = account.instanceProfiles.values().stream()
                            .filter(p -> p.hasRole(role.name())).map(p -> InstanceProfiles.view(account, p)).toList();
                    entries.add(new RoleEntry(role, profiles, attached(account, role.permissions())));
                }
            }
            boolean local = all || filter.contains("LocalManagedPolicy");
            boolean aws = all || filter.contains("AWSManagedPolicy");
            if (local) {
                backend.managedPolicies().views(account, "Local", false, "/").forEach(v -> entries.add(new PolicyEntry(v)));
            }
            if (aws) {
                // only those in use: AWS's list of its own policies runs to over a thousand
                backend.managedPolicies().views(account, "AWS", true, "/").forEach(v -> entries.add(new PolicyEntry(v)));
            }
            entries.sort(java.util.Comparator.comparing(Entry::key));
            return Page.of(entries, Entry::key, marker, maxItems);
        });
    }

    private List<Attached> attached(IamAccount account, Permissions permissions) {
        List<Attached> result = new ArrayList<>();
        for (String arn : permissions.attached()) {
            backend.managedPolicies().find(account, arn).ifPresent(p -> result.add(new Attached(p.name(), p.arn())));
        }
        return result;
    }
}
