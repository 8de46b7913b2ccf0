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

    /** Allow or deny, with the reason the shell can show ("explicit deny in policy X", ...). */
    record Decision(boolean allowed, boolean explicitDeny, String reason) {
        public static Decision allow(String reason) { return new Decision(true, false, reason); }
        public static Decision implicitDeny(String reason) { return new Decision(false, false, reason); }
        public static Decision explicitDeny(String reason) { return new Decision(false, true, reason); }
    }

    /** The walking skeleton's authorizer: everybody may do everything. */
    Authorizer ALLOW_ALL = (caller, action, resource, context, policy) -> Decision.allow("no policies enforced");
}
