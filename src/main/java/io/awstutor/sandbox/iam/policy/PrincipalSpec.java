package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Caller;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A statement's Principal (or NotPrincipal) element ("AWS JSON policy elements: Principal").
 * {@code "*"} and {@code {"AWS": "*"}} name everyone, anonymous callers included. An account id or
 * the account's root ARN names the account: any principal of it, but only as far as that
 * account's own identity policies allow ({@link Match#ACCOUNT}). A user ARN, a role ARN (matching
 * its sessions), an assumed-role session ARN or a service principal names that principal
 * itself ({@link Match#DIRECT}).
 */
final class PrincipalSpec {

    /** How a caller is named by a Principal element. */
    enum Match { NONE, ACCOUNT, DIRECT }

    /** Context key carrying the calling service (for Service principals in trust policies). */
    static final String SERVICE_NAME = "aws:principalservicename";
    /** Context key carrying the identity provider of a federated caller. */
    static final String FEDERATED_PROVIDER = "aws:federatedprovider";

    private final boolean everyone;
    private final Set<String> accounts;
    private final Set<String> arns;
    private final Set<String> services;
    private final Set<String> federated;
    private final Set<String> canonicalUsers;
    /** "account:RoleName" of every role ARN named: a session's ARN carries no role path. */
    private final Set<String> roles;

    PrincipalSpec(boolean everyone, Set<String> accounts, Set<String> arns, Set<String> services,
                  Set<String> federated, Set<String> canonicalUsers) {
        this.everyone = everyone;
        this.accounts = Set.copyOf(accounts);
        this.arns = Set.copyOf(arns);
        this.services = Set.copyOf(services);
        this.federated = Set.copyOf(federated);
        this.canonicalUsers = Set.copyOf(canonicalUsers);
        Set<String> r = new HashSet<>();
        for (String arn : arns) {
            String[] parts = arn.split(":", 6);
            if (parts.length == 6 && parts[2].equals("iam") && parts[5].startsWith("role/")) {
                r.add(parts[4] + ":" + parts[5].substring(parts[5].lastIndexOf('/') + 1));
            }
        }
        this.roles = Set.copyOf(r);
    }

    /** The principal ARNs named ("AWS": user, role, session ARNs), as written. */
    Set<String> arns() { return arns; }

    Match match(RequestContext ctx) {
        if (everyone) return Match.DIRECT;
        Caller caller = ctx.caller();
        if (!services.isEmpty() && anyIn(ctx.values(SERVICE_NAME), services)) return Match.DIRECT;
        if (!federated.isEmpty() && anyIn(ctx.values(FEDERATED_PROVIDER), federated)) return Match.DIRECT;
        if (caller instanceof Caller.Anonymous) return Match.NONE;
        if (arns.contains(caller.arn())) return Match.DIRECT;
        if (caller instanceof Caller.AssumedRole r && roles.contains(r.accountId() + ":" + r.roleName())) return Match.DIRECT;
        if (accounts.contains(caller.accountId())) return Match.ACCOUNT;
        return Match.NONE;
    }

    private static boolean anyIn(List<String> values, Set<String> names) {
        if (values == null) return false;
        for (String v : values) {
            if (names.contains(v)) return true;
        }
        return false;
    }

    boolean namesEveryone() { return everyone; }
    Set<String> services() { return services; }
    Set<String> canonicalUsers() { return canonicalUsers; }
}
