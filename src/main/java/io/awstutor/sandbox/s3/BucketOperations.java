package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.regions.Regions;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.access.ObjectOwnership;
import io.awstutor.sandbox.s3.access.PublicAccessBlock;

import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Buckets: creation with AWS's naming and location rules in one global namespace,
 * deletion, listing, and the bucket's configuration (tags, versioning, access, website).
 */
public final class BucketOperations {
    public static final String US_EAST_1 = "us-east-1";

    private final S3Backend backend;

    BucketOperations(S3Backend backend) {
        this.backend = backend;
    }

    /** What CreateBucket asks for beyond the name. {@code acl} is an expanded ACL or null. */
    public record CreateRequest(String name, String accountId, String requestRegion, String locationConstraint,
                                Acl acl, ObjectOwnership ownership) {
    }

    /** Returns the bucket's region (for the Location header). */
    public Bucket create(CreateRequest request) {
        BucketNames.check(request.name());
        String region = resolveRegion(request.requestRegion(), request.locationConstraint());
        ObjectOwnership ownership = request.ownership() == null ? ObjectOwnership.BucketOwnerEnforced : request.ownership();
        String ownerId = backend.canonicalIds().of(request.accountId());
        Acl acl = request.acl() == null ? Acl.privateTo(ownerId) : request.acl();
        if (ownership.aclsDisabled() && !acl.isOwnerOnly()) {
            throw AwsException.badRequest("InvalidBucketAclWithObjectOwnership",
                    "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting");
        }
        synchronized (backend.bucketMap()) {
            Bucket existing = backend.bucketMap().get(request.name());
            if (existing != null) {
                if (!existing.owner().equals(request.accountId())) {
                    throw AwsException.conflict("BucketAlreadyExists", "The requested bucket name is not available. "
                            + "The bucket namespace is shared by all users of the system. Please select a different name and try again.")
                            .with("BucketName", request.name());
                }
                if (US_EAST_1.equals(request.requestRegion()) && US_EAST_1.equals(existing.config().region())) {
                    // legacy behaviour AWS documents: re-creating your own bucket in us-east-1 succeeds
                    update(existing, c -> c.withAcl(acl));
                    return existing;
                }
                throw AwsException.conflict("BucketAlreadyOwnedByYou",
                        "Your previous request to create the named bucket succeeded and you already own it.")
                        .with("BucketName", request.name());
            }
            BucketConfig config = new BucketConfig(request.name(), request.accountId(), region, backend.now(),
                    null, null, acl, null, PublicAccessBlock.ALL_ON, ownership, null, null, null);
            Bucket bucket = new Bucket(config);
            backend.store().saveBucket(config);
            backend.bucketMap().put(request.name(), bucket);
            return bucket;
        }
    }

    /** The location rules exactly as S3 answers them. */
    static String resolveRegion(String requestRegion, String constraint) {
        String request = requestRegion == null || requestRegion.isEmpty() ? US_EAST_1 : requestRegion;
        if (constraint == null || constraint.isEmpty()) {
            if (!US_EAST_1.equals(request)) {
                throw AwsException.badRequest("IllegalLocationConstraintException",
                        "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.");
            }
            return US_EAST_1;
        }
        String region = "EU".equals(constraint) ? "eu-west-1" : constraint;
        if (US_EAST_1.equals(constraint) || Regions.all().stream().noneMatch(r -> r.name().equals(region))) {
            throw AwsException.badRequest("InvalidLocationConstraint", "The specified location-constraint is not valid")
                    .with("LocationConstraint", constraint);
        }
        if (!US_EAST_1.equals(request) && !region.equals(request)) {
            throw AwsException.badRequest("IllegalLocationConstraintException", "The " + constraint
                    + " location constraint is incompatible for the region specific endpoint this request was sent to.");
        }
        return region;
    }

    public void delete(Bucket bucket) {
        bucket.lock.lock();
        try {
            if (bucket.keys().values().stream().anyMatch(h -> !h.isEmpty())) {
                String message = bucket.config().versioning() != null
                        ? "The bucket you tried to delete is not empty. You must delete all versions in the bucket."
                        : "The bucket you tried to delete is not empty";
                throw AwsException.conflict("BucketNotEmpty", message).with("BucketName", bucket.name());
            }
            for (MultipartUpload upload : bucket.uploads().values()) {
                backend.discard(upload.parts().values().stream().map(MultipartUpload.Part::segment).toList());
                backend.store().deleteUpload(upload.spec().uploadId());
            }
            bucket.uploads().clear();
            backend.store().deleteBucket(bucket.name());
            backend.bucketMap().remove(bucket.name(), bucket);
        } finally {
            bucket.lock.unlock();
        }
    }

    /** The account's buckets, by name. */
    public List<Bucket> list(String accountId) {
        return backend.bucketMap().values().stream()
                .filter(b -> b.owner().equals(accountId))
                .sorted(Comparator.comparing(Bucket::name))
                .toList();
    }

    /** Replaces the bucket's configuration atomically and persists it. */
    public BucketConfig update(Bucket bucket, UnaryOperator<BucketConfig> change) {
        bucket.lock.lock();
        try {
            BucketConfig next = change.apply(bucket.config());
            backend.store().saveBucket(next);
            bucket.setConfig(next);
            return next;
        } finally {
            bucket.lock.unlock();
        }
    }

    public void setVersioning(Bucket bucket, String status) {
        if (!"Enabled".equals(status) && !"Suspended".equals(status)) {
            throw S3Errors.malformedXml();
        }
        update(bucket, c -> c.withVersioning(status));
    }
}
