package io.awstutor.sandbox.s3.access;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.ArrayList;
import java.util.List;

/**
 * An access control list: the owner's canonical id and its grants. Canned ACLs expand to
 * the grants AWS documents for them.
 */
public record Acl(String ownerId, List<Grant> grants) {

    public Acl {
        grants = List.copyOf(grants);
    }

    public static final List<String> CANNED = List.of("private", "public-read", "public-read-write",
            "authenticated-read", "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control", "log-delivery-write");

    public static Acl privateTo(String ownerId) {
        return new Acl(ownerId, List.of(new Grant(Grantee.user(ownerId), "FULL_CONTROL")));
    }

    /**
     * Expands a canned ACL. {@code bucketOwnerId} matters for the bucket-owner-* ones on
     * objects (they name the bucket's owner beside the object's).
     */
    public static Acl canned(String name, String ownerId, String bucketOwnerId) {
        List<Grant> grants = new ArrayList<>();
        grants.add(new Grant(Grantee.user(ownerId), "FULL_CONTROL"));
        switch (name) {
            case "private", "aws-exec-read" -> { }
            case "public-read" -> grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), "READ"));
            case "public-read-write" -> {
                grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), "READ"));
                grants.add(new Grant(Grantee.group(Grantee.ALL_USERS), "WRITE"));
            }
            case "authenticated-read" -> grants.add(new Grant(Grantee.group(Grantee.AUTHENTICATED_USERS), "READ"));
            case "bucket-owner-read" -> {
                if (!bucketOwnerId.equals(ownerId)) {
                    grants.add(new Grant(Grantee.user(bucketOwnerId), "READ"));
                }
            }
            case "bucket-owner-full-control" -> {
                if (!bucketOwnerId.equals(ownerId)) {
                    grants.add(new Grant(Grantee.user(bucketOwnerId), "FULL_CONTROL"));
                }
            }
            case "log-delivery-write" -> {
                grants.add(new Grant(Grantee.group(Grantee.LOG_DELIVERY), "WRITE"));
                grants.add(new Grant(Grantee.group(Grantee.LOG_DELIVERY), "READ_ACP"));
            }
            default -> throw AwsException.badRequest("InvalidArgument", "Argument format not recognized")
                    .with("ArgumentName", "x-amz-acl").with("ArgumentValue", name);
        }
        return new Acl(ownerId, grants);
    }

    /** True when the ACL grants anything to AllUsers or AuthenticatedUsers. */
    public boolean isPublic() {
        return grants.stream().anyMatch(g -> g.grantee().isPublicGroup());
    }

    /** True when only the owner holds FULL_CONTROL (what BucketOwnerEnforced accepts). */
    public boolean isOwnerOnly() {
        return grants.stream().allMatch(g -> "CanonicalUser".equals(g.grantee().type())
                && ownerId.equals(g.grantee().id()) && g.permission().equals("FULL_CONTROL"));
    }

    /** Whether the ACL gives {@code permission} to someone seen as these grantees. */
    public boolean allows(String permission, String canonicalId, boolean authenticated) {
        for (Grant g : grants) {
            if (!g.gives(permission)) {
                continue;
            }
            Grantee who = g.grantee();
            if ("Group".equals(who.type())) {
                if (Grantee.ALL_USERS.equals(who.uri())) {
                    return true;
                }
                if (Grantee.AUTHENTICATED_USERS.equals(who.uri()) && authenticated) {
                    return true;
                }
            } else if ("CanonicalUser".equals(who.type()) && canonicalId != null && canonicalId.equals(who.id())) {
                return true;
            }
        }
        return false;
    }
}
