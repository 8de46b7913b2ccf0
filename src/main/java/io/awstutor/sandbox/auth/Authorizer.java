package io.awstutor.sandbox.auth;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a caller may perform an IAM action on a resource. Root is always allowed;
 * IAM's evaluator answers for users and roles. {@code resourcePolicy} is the resource's own
 * policy document (an S3 bucket policy, a role's trust policy) when it has one.
 */
public interface Authorizer {

    Decision authorize(Caller caller, String action, String resourceArn,
                       Map<String, List<String>> context, Optional<String> resourcePolicy);

    /**
     * What decided a request, as AWS's denial messages name it ("with an explicit deny in a
     * resource-based policy", "because no permissions boundary allows …").
     */
    enum Basis {
        /** The account's root user, never denied in its own account. */
        ROOT,
        /** A statement of one of the caller's identity-based policies (allow or explicit deny). */
        IDENTITY_POLICY,
        /** A statement of the resource's own policy (bucket policy, trust policy). */
        RESOURCE_POLICY,
        /** The caller's permissions boundary denied it or did not allow it. */
        PERMISSIONS_BOUNDARY,
        /** Implicit deny: no identity-based policy allows it. */
        NO_IDENTITY_ALLOW,
        /** Implicit deny: the resource's policy had to allow it (anonymous or cross-account) and did not. */
        NO_RESOURCE_ALLOW
    }

    /**
     * Allow or deny, what decided it, and one line for a person naming the deciding statement
     * ("denied: statement 'DenyAll' of arn:… explicitly denies s3:GetObject on …").
     */
    record Decision(boolean allowed, boolean explicitDeny, Basis basis, String reason) {
        public static Decision root() {
            return new Decision(true, false, Basis.ROOT, "the account's root user is always allowed");
        }
    }
}
