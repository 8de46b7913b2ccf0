package io.awstutor.check;

import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.List;

/**
 * A managed policy is attached to a user, group or role; the policy is named by its name
 * or its ARN: {@code iam-policy-attached: {group: ${prefix}-readers, policy: IAMReadOnlyAccess}}.
 */
public record IamPolicyAttachedCheck(String identityKind, String identityName, String policy) implements Check {

    static IamPolicyAttachedCheck parse(Object value) {
        if (!(value instanceof java.util.Map<?, ?>)) {
            throw new IllegalArgumentException("check 'iam-policy-attached' needs {user|group|role: NAME, policy: NAME or ARN}");
        }
        Spec spec = Spec.of("iam-policy-attached", value, "policy", "user", "group", "role");
        String kind = spec.has("user") ? "user" : spec.has("group") ? "group" : spec.has("role") ? "role" : null;
        if (kind == null) {
            throw new IllegalArgumentException("check 'iam-policy-attached' needs one of user, group or role");
        }
        return new IamPolicyAttachedCheck(kind, spec.required(kind), spec.required("policy"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String name = context.substitute(identityName);
        String wanted = context.substitute(policy);
        List<AttachedPolicy> attached;
        try (IamClient iam = context.clients().iam()) {
            attached = switch (identityKind) {
                case "user" -> iam.listAttachedUserPoliciesPaginator(b -> b.userName(name)).attachedPolicies().stream().toList();
                case "group" -> iam.listAttachedGroupPoliciesPaginator(b -> b.groupName(name)).attachedPolicies().stream().toList();
                default -> iam.listAttachedRolePoliciesPaginator(b -> b.roleName(name)).attachedPolicies().stream().toList();
            };
        } catch (NoSuchEntityException e) {
            return Verdict.fail("There is no IAM " + identityKind + " named " + name + " yet.");
        }
        for (AttachedPolicy p : attached) {
            if (p.policyName().equals(wanted) || p.policyArn().equals(wanted)) {
                return Verdict.pass(p.policyName() + " is attached to " + identityKind + " " + name);
            }
        }
        return Verdict.fail("The policy " + wanted + " is not attached to the " + identityKind + " " + name + " yet"
                + (attached.isEmpty() ? " (it has no managed policies)." : " (it has "
                + String.join(", ", attached.stream().map(AttachedPolicy::policyName).toList()) + ")."));
    }

    @Override
    public String describe() {
        return "policy " + policy + " attached to " + identityKind + " " + identityName;
    }
}
