package io.awstutor.sandbox.iam.policy;

import io.awstutor.sandbox.auth.Caller;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to decide: may {@code caller} perform {@code action} ("s3:GetObject") on {@code resourceArn}
 * ("*" for actions without a resource), given the caller's identity-based policies and the
 * resource's own policy. {@code context} holds the request's condition keys (aws:SourceIp,
 * aws:SecureTransport, s3:prefix, ...); keys derived from the caller and the clock are added by
 * the evaluator unless present here.
 *
 * <p>The resource's owner account (same-account vs cross-account) is the context key
 * {@value #RESOURCE_ACCOUNT} when set, else the ARN's account component, else (S3 ARNs carry no
 * account) the caller's own account.
 */
public record EvaluationRequest(String action, String resourceArn, List<NamedPolicy> identityPolicies,
                                Optional<NamedPolicy> resourcePolicy, Caller caller,
                                Map<String, List<String>> context) {

    /** Context key naming the account that owns the resource, for cross-account evaluation. */
    public static final String RESOURCE_ACCOUNT = "awstutor:ResourceAccount";

    public EvaluationRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(caller, "caller");
        identityPolicies = identityPolicies == null ? List.of() : identityPolicies;
        resourcePolicy = resourcePolicy == null ? Optional.empty() : resourcePolicy;
        context = context == null ? Map.of() : context;
    }

    /** Identity-based policies only, no resource policy, no extra context. */
    public static EvaluationRequest of(String action, String resourceArn, Caller caller, List<NamedPolicy> identityPolicies) {
        return new EvaluationRequest(action, resourceArn, identityPolicies, Optional.empty(), caller, Map.of());
    }
}
