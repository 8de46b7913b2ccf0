package io.awstutor.sandbox.s3.access;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.DenialMessage;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.BucketConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How S3 decides a request, combining what IAM decides with S3's own rules:
 * <ul>
 * <li>the bucket owner's root is always allowed;</li>
 * <li>the IAM evaluator combines the caller's identity policies with the bucket policy
 *     (same account: either may allow; cross-account and anonymous: the bucket policy must);
 *     an explicit deny always wins;</li>
 * <li>Restrict Public Buckets makes a public bucket policy count only for the owner's account;</li>
 * <li>otherwise an ACL grant may allow, unless Object Ownership disabled ACLs, and Ignore
 *     Public ACLs drops grants to AllUsers and AuthenticatedUsers.</li>
 * </ul>
 */
public final class S3AccessControl {
    /** The context key naming the resource's owner account, which the evaluator reads. */
    public static final String RESOURCE_ACCOUNT = "awstutor:ResourceAccount";

    private final CanonicalIds canonicalIds;

    public S3AccessControl(CanonicalIds canonicalIds) {
        this.canonicalIds = canonicalIds;
    }

    /** What a request needs: the IAM action and resource, and the ACL permission that could also grant it. */
    public record Need(String action, String resourceArn, String aclPermission, Acl acl,
                       Map<String, List<String>> context) {
        public static Need of(String action, String resourceArn) {
            return new Need(action, resourceArn, null, null, Map.of());
        }
    }

    public void check(ServiceCall call, BucketConfig bucket, Need need) {
        Authorizer.Decision decision = decide(call, bucket, need);
        if (!decision.allowed()) {
            throw denied(call.caller(), need.action(), need.resourceArn(), decision);
        }
    }

    public boolean allowed(ServiceCall call, BucketConfig bucket, Need need) {
        return decide(call, bucket, need).allowed();
    }

    /** IAM's decision combined with S3's own rules; an ACL grant turns an implicit deny into an allow. */
    private Authorizer.Decision decide(ServiceCall call, BucketConfig bucket, Need need) {
        Caller caller = call.caller();
        boolean sameAccount = caller.accountId().equals(bucket.ownerAccount());
        if (caller instanceof Caller.Root && sameAccount) {
            return Authorizer.Decision.root();
        }
        String policy = bucket.policy();
        if (policy != null && !sameAccount && bucket.effectiveBlock().restrictPublicBuckets()
                && PolicyPublicness.isPublic(policy)) {
            policy = null;
        }
        boolean anonymous = caller instanceof Caller.Anonymous;
        Authorizer.Decision decision = new Authorizer.Decision(false, false, Authorizer.Basis.NO_RESOURCE_ALLOW,
                "anonymous, and the bucket has no policy");
        if (!(anonymous && policy == null)) {
            Map<String, List<String>> context = new HashMap<>(call.baseContext() == null ? Map.of() : call.baseContext());
            context.putAll(need.context());
            context.put(RESOURCE_ACCOUNT, List.of(bucket.ownerAccount()));
            decision = call.authorizer().authorize(caller, need.action(), need.resourceArn(), context, Optional.ofNullable(policy));
            if (decision.allowed() || decision.explicitDeny()) {
                return decision;
            }
        }
        return aclAllows(caller, bucket, need)
                ? new Authorizer.Decision(true, false, Authorizer.Basis.RESOURCE_POLICY, "allowed: the ACL grants " + need.aclPermission())
                : decision;
    }

    private boolean aclAllows(Caller caller, BucketConfig bucket, Need need) {
        if (need.acl() == null || need.aclPermission() == null || bucket.effectiveOwnership().aclsDisabled()) {
            return false;
        }
        Acl acl = need.acl();
        if (bucket.effectiveBlock().ignorePublicAcls()) {
            acl = new Acl(acl.ownerId(), acl.grants().stream().filter(g -> !g.grantee().isPublicGroup()).toList());
        }
        boolean anonymous = caller instanceof Caller.Anonymous;
        // a grant to an account's canonical id speaks for the account's root only
        String canonical = caller instanceof Caller.Root ? canonicalIds.of(caller.accountId()) : null;
        return acl.allows(need.aclPermission(), canonical, !anonymous);
    }

    /** S3's AccessDenied: anonymous callers learn nothing more; others get AWS's reason. */
    public static AwsException denied(Caller caller, String action, String resourceArn, Authorizer.Decision decision) {
        if (caller instanceof Caller.Anonymous) {
            return AwsException.forbidden("AccessDenied", "Access Denied");
        }
        return AwsException.forbidden("AccessDenied", DenialMessage.of(caller, action, resourceArn, decision, true));
    }

    /** Object Ownership and Block Public ACLs applied to an ACL a request wants to set. */
    public static void checkAclWrite(BucketConfig bucket, Acl requested, boolean explicitlyRequested, String cannedName) {
        if (!explicitlyRequested) {
            return;
        }
        if (bucket.effectiveOwnership().aclsDisabled()
                && !(requested.isOwnerOnly() || "bucket-owner-full-control".equals(cannedName))) {
            throw AwsException.badRequest("AccessControlListNotSupported", "The bucket does not allow ACLs")
                    .with("BucketName", bucket.name());
        }
        if (bucket.effectiveBlock().blockPublicAcls() && requested.isPublic()) {
            throw AwsException.forbidden("AccessDenied", "Access Denied");
        }
    }

    /** Block Public Policy applied to PutBucketPolicy. */
    public static void checkPolicyWrite(BucketConfig bucket, String policy, Caller caller) {
        if (bucket.effectiveBlock().blockPublicPolicy() && PolicyPublicness.isPublic(policy)) {
            throw AwsException.forbidden("AccessDenied", "User: " + caller.arn()
                    + " is not authorized to perform: s3:PutBucketPolicy on resource: \"" + Arns.s3(bucket.name())
                    + "\" because public policies are blocked by the BlockPublicPolicy block public access setting.");
        }
    }
}
