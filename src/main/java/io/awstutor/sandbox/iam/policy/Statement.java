package io.awstutor.sandbox.iam.policy;

import java.util.List;

/**
 * One compiled statement. Action patterns are case-insensitive globs over "service:Action";
 * resources are ARN globs (compiled up front unless they hold policy variables); the statement
 * applies when its action, resource, principal (resource policies) and every condition match.
 */
final class Statement {
    private final int index;
    private final String sid;
    private final Effect effect;
    private final List<Glob> actions;
    private final boolean notAction;
    private final List<ResourcePattern> resources;
    private final boolean notResource;
    private final PrincipalSpec principal;
    private final boolean notPrincipal;
    private final List<Condition> conditions;

    Statement(int index, String sid, Effect effect, List<Glob> actions, boolean notAction,
              List<ResourcePattern> resources, boolean notResource, PrincipalSpec principal,
              boolean notPrincipal, List<Condition> conditions) {
        this.index = index;
        this.sid = sid;
        this.effect = effect;
        this.actions = List.copyOf(actions);
        this.notAction = notAction;
        this.resources = resources == null ? null : List.copyOf(resources);
        this.notResource = notResource;
        this.principal = principal;
        this.notPrincipal = notPrincipal;
        this.conditions = List.copyOf(conditions);
    }

    int index() { return index; }
    List<Condition> conditions() { return conditions; }
    String sid() { return sid; }
    Effect effect() { return effect; }
    boolean hasPrincipal() { return principal != null; }
    boolean hasResource() { return resources != null; }
    PrincipalSpec principal() { return principal; }
    boolean notPrincipal() { return notPrincipal; }

    /** Action, resource and conditions, ignoring Principal (identity-based policies). */
    boolean applies(RequestContext ctx) {
        return matchesAction(ctx.action()) && matchesResource(ctx) && conditionsHold(ctx);
    }

    /**
     * How a resource-based statement names the caller, NONE when it does not apply. NotPrincipal
     * applies to everyone it does not name, directly.
     */
    PrincipalSpec.Match appliesAsResourceStatement(RequestContext ctx) {
        if (!matchesAction(ctx.action()) || !matchesResource(ctx)) return PrincipalSpec.Match.NONE;
        PrincipalSpec.Match m;
        if (principal == null) {
            m = PrincipalSpec.Match.NONE;
        } else if (notPrincipal) {
            m = principal.match(ctx) == PrincipalSpec.Match.NONE ? PrincipalSpec.Match.DIRECT : PrincipalSpec.Match.NONE;
        } else {
            m = principal.match(ctx);
        }
        if (m == PrincipalSpec.Match.NONE || !conditionsHold(ctx)) return PrincipalSpec.Match.NONE;
        return m;
    }

    /** Action and resource only: the statement is about this request, whatever its conditions say. */
    boolean concerns(RequestContext ctx) {
        return matchesAction(ctx.action()) && matchesResource(ctx);
    }

    boolean matchesAction(String action) {
        boolean any = false;
        for (Glob g : actions) {
            if (g.matches(action)) {
                any = true;
                break;
            }
        }
        return any != notAction;
    }

    private boolean matchesResource(RequestContext ctx) {
        if (resources == null) return true; // trust policies: the role itself
        boolean any = false;
        for (ResourcePattern r : resources) {
            if (r.matches(ctx)) {
                any = true;
                break;
            }
        }
        return any != notResource;
    }

    private boolean conditionsHold(RequestContext ctx) {
        for (Condition c : conditions) {
            if (!c.test(ctx)) return false;
        }
        return true;
    }

    /** A Resource entry; one holding policy variables is resolved per request. */
    record ResourcePattern(Template template, ArnGlob compiled) {
        static ResourcePattern of(Template t) {
            return new ResourcePattern(t, t.isConstant() ? ArnGlob.ofTokens(t.constantTokens()) : null);
        }

        boolean matches(RequestContext ctx) {
            if (compiled != null) return compiled.matches(ctx.resourceArn());
            int[] tokens = template.resolve(ctx);
            return tokens != null && ArnGlob.ofTokens(tokens).matches(ctx.resourceArn());
        }
    }
}
