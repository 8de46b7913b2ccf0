package io.awstutor.sandbox.access;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.iam.policy.NamedPolicy;

import java.util.List;

/**
 * The identity-based policies that apply to a caller: a user's inline and attached policies
 * and those of its groups; for a role session, its role's inline and attached policies.
 * IAM's backend answers; it must be cheap (called on every request a non-root caller makes).
 */
public interface IdentityPolicySource {
    List<NamedPolicy> policiesOf(Caller caller);

    /**
     * The caller's permissions boundary (a user's, or a role session's role's), or nothing:
     * it caps what {@link #policiesOf} may allow.
     */
    default List<NamedPolicy> boundaryOf(Caller caller) {
        return List.of();
    }

    /** Until IAM answers: nobody has any policy (so only root may act). */
    IdentityPolicySource NONE = caller -> List.of();
}
