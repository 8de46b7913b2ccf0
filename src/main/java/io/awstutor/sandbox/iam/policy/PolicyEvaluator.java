package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Authorizer;

import io.awstutor.sandbox.auth.Caller;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * IAM's evaluation logic ("Policy evaluation logic", "Cross-account policy evaluation logic"):
 * every request is implicitly denied; an applicable Allow allows it; an applicable Deny in any
 * policy wins over every Allow.
 *
 * <p>With a resource-based policy: in the same account the identity-based policies OR the
 * resource policy may allow; a resource policy that names only the caller's account (its id or
 * root ARN) delegates to the account's identity policies and does not allow by itself. A role
 * trust policy must always allow (identity policies alone cannot let anyone assume a role).
 * Cross-account, both the caller's identity policies and the resource policy must allow.
 * The account root's identity permissions are implicit (it needs no identity policy).
 *
 * <p>Stateless and thread-safe; documents are compiled when parsed, so an evaluation allocates
 * little and never parses JSON or compiles a pattern that has no policy variable.
 */
public final class PolicyEvaluator {
    static final String CROSS_ACCOUNT_NEEDS_IDENTITY =
            "cross-account: the resource policy allows, but no identity-based policy of the caller does";
    static final String CROSS_ACCOUNT_NEEDS_RESOURCE =
            "cross-account: an identity-based policy allows, but the resource's policy does not name the caller";
    static final String TRUST_POLICY_NEEDS_PRINCIPAL =
            "the role's trust policy does not allow this principal";
    static final String ACCOUNT_PRINCIPAL_NEEDS_IDENTITY =
            "the resource policy names only the account, so an identity-based policy must allow too";

    private final Clock clock;

    public PolicyEvaluator() {
        this(Clock.systemUTC());
    }

    /** With the clock that aws:CurrentTime and aws:EpochTime read (the sandbox's scaled clock). */
    public PolicyEvaluator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Evaluation evaluate(EvaluationRequest request) {
        RequestContext ctx = new RequestContext(request, clock);
        List<MatchedStatement> denies = new ArrayList<>(1);
        List<MatchedStatement> identityAllowing = new ArrayList<>(2);
        for (NamedPolicy policy : request.identityPolicies()) {
            for (Statement s : policy.document().statements()) {
                if (s.applies(ctx)) {
                    (s.effect() == Effect.DENY ? denies : identityAllowing).add(matched(policy, s));
                }
            }
        }
        int identityDenies = denies.size();
        List<MatchedStatement> resourceDirect = new ArrayList<>(1);
        List<MatchedStatement> resourceViaAccount = new ArrayList<>(1);
        boolean trustPolicy = false;
        if (request.resourcePolicy().isPresent()) {
            NamedPolicy policy = request.resourcePolicy().get();
            trustPolicy = policy.document().kind() == PolicyKind.TRUST;
            for (Statement s : policy.document().statements()) {
                PrincipalSpec.Match m = s.appliesAsResourceStatement(ctx);
                if (m == PrincipalSpec.Match.NONE) continue;
                if (s.effect() == Effect.DENY) {
                    denies.add(matched(policy, s));
                } else {
                    (m == PrincipalSpec.Match.DIRECT ? resourceDirect : resourceViaAccount).add(matched(policy, s));
                }
            }
        }
        if (!denies.isEmpty()) {
            return new Evaluation(Decision.EXPLICIT_DENY, denies, null,
                    identityDenies > 0 ? Authorizer.Basis.IDENTITY_POLICY : Authorizer.Basis.RESOURCE_POLICY);
        }

        Caller caller = request.caller();
        boolean identityAllows = !identityAllowing.isEmpty() || caller instanceof Caller.Root;
        boolean resourceAllows = !resourceDirect.isEmpty() || !resourceViaAccount.isEmpty();
        boolean crossAccount = isCrossAccount(request, ctx);
        boolean allowed;
        String note = null;
        if (caller instanceof Caller.Anonymous) {
            allowed = !resourceDirect.isEmpty();
        } else if (crossAccount) {
            allowed = identityAllows && resourceAllows;
            if (!allowed && resourceAllows) note = CROSS_ACCOUNT_NEEDS_IDENTITY;
            if (!allowed && identityAllows && request.resourcePolicy().isPresent()) note = CROSS_ACCOUNT_NEEDS_RESOURCE;
        } else if (trustPolicy) {
            allowed = !resourceDirect.isEmpty() || (!resourceViaAccount.isEmpty() && identityAllows);
            if (!allowed) note = resourceViaAccount.isEmpty() ? TRUST_POLICY_NEEDS_PRINCIPAL : ACCOUNT_PRINCIPAL_NEEDS_IDENTITY;
        } else {
            allowed = identityAllows || !resourceDirect.isEmpty();
            if (!allowed && !resourceViaAccount.isEmpty()) note = ACCOUNT_PRINCIPAL_NEEDS_IDENTITY;
        }
        if (!allowed) {
            boolean resourceHadTo = caller instanceof Caller.Anonymous || CROSS_ACCOUNT_NEEDS_RESOURCE.equals(note)
                    || TRUST_POLICY_NEEDS_PRINCIPAL.equals(note);
            return new Evaluation(Decision.IMPLICIT_DENY, List.of(), note,
                    resourceHadTo ? Authorizer.Basis.NO_RESOURCE_ALLOW : Authorizer.Basis.NO_IDENTITY_ALLOW);
        }
        List<MatchedStatement> allows = new ArrayList<>(identityAllowing.size() + resourceDirect.size() + resourceViaAccount.size());
        allows.addAll(identityAllowing);
        allows.addAll(resourceDirect);
        allows.addAll(resourceViaAccount);
        Authorizer.Basis basis = !identityAllowing.isEmpty() ? Authorizer.Basis.IDENTITY_POLICY
                : !resourceDirect.isEmpty() || !resourceViaAccount.isEmpty() ? Authorizer.Basis.RESOURCE_POLICY
                : Authorizer.Basis.ROOT;
        return new Evaluation(Decision.ALLOWED, allows, null, basis);
    }

    /**
     * The condition keys that statements about this action and resource test but the request
     * does not carry (neither given nor derived from the caller or the clock), in the order the
     * policies name them: the simulator's MissingContextValues. {@code extra} are more policies
     * to look into (a permissions boundary).
     */
    public List<String> missingContextKeys(EvaluationRequest request, List<NamedPolicy> extra) {
        RequestContext ctx = new RequestContext(request, clock);
        java.util.Map<String, String> missing = new java.util.LinkedHashMap<>();
        List<NamedPolicy> policies = new ArrayList<>(request.identityPolicies());
        policies.addAll(extra);
        request.resourcePolicy().ifPresent(policies::add);
        for (NamedPolicy policy : policies) {
            for (Statement s : policy.document().statements()) {
                if (!s.concerns(ctx)) continue;
                for (Condition c : s.conditions()) {
                    String lower = c.key().toLowerCase(java.util.Locale.ROOT);
                    if (ctx.values(c.key(), lower) == null) missing.putIfAbsent(lower, c.key());
                }
            }
        }
        return List.copyOf(missing.values());
    }

    /**
     * Whether the resource belongs to another account than the caller's: then the resource's
     * own policy must allow too, and without one nothing does (another account's bucket is
     * AccessDenied even to an administrator). AWS-managed resources ("aws") belong to nobody.
     */
    private static boolean isCrossAccount(EvaluationRequest request, RequestContext ctx) {
        String owner = ctx.apply(EvaluationRequest.RESOURCE_ACCOUNT);
        if (owner == null || owner.isEmpty()) owner = ctx.resourceArn().account();
        if (owner.isEmpty() || "aws".equals(owner) || "*".equals(owner)) return false;
        return !owner.equals(request.caller().accountId());
    }

    private static MatchedStatement matched(NamedPolicy policy, Statement s) {
        return new MatchedStatement(policy.sourceId(), s.sid(), s.index(), s.effect().text());
    }
}
