/**
 * IAM's policy language and evaluation logic, pure Java and without HTTP.
 *
 * <p>Parse a document once, when it is stored: {@link io.awstutor.sandbox.iam.policy.PolicyDocument#parse(String,
 * io.awstutor.sandbox.iam.policy.PolicyKind)} validates it with IAM's MalformedPolicyDocument messages and compiles
 * its wildcards, principals and conditions. Evaluate per request with
 * {@link io.awstutor.sandbox.iam.policy.PolicyEvaluator#evaluate(io.awstutor.sandbox.iam.policy.EvaluationRequest)}:
 * no JSON, no regex, nothing shared that changes.
 *
 * <p>Decisions made here, for users of the package:
 * <ul>
 * <li>The resource's owner account (same-account vs cross-account) is the context key
 * {@code awstutor:ResourceAccount} when the caller sets it (S3 should: bucket ARNs carry no account), else the
 * account component of the resource ARN, else the caller's own account.</li>
 * <li>A resource policy whose statements name only the caller's account (account id or root ARN) does not allow by
 * itself in the same account: it delegates to identity policies. A role trust policy (parsed as
 * {@link io.awstutor.sandbox.iam.policy.PolicyKind#TRUST}) must always allow.</li>
 * <li>Service and federated principals match the context keys {@code aws:PrincipalServiceName} and
 * {@code aws:FederatedProvider}; the sandbox's callers are otherwise users, role sessions, roots or anonymous.</li>
 * <li>The account root is never implicitly denied (it needs no identity policy), but a resource policy's explicit
 * deny applies to it; the Authorizer short-circuits root before evaluating.</li>
 * <li>Condition keys derived from the caller (aws:username, aws:userid, aws:PrincipalArn, aws:PrincipalAccount,
 * aws:PrincipalType) and the clock (aws:CurrentTime, aws:EpochTime) are filled in when the request's context lacks
 * them; request-supplied values win.</li>
 * </ul>
 */
package io.awstutor.sandbox.iam.policy;
