package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.S3Backend;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.access.S3AccessControl;

import java.util.List;
import java.util.Map;

/**
 * What every S3 resource adapter shares: the backend, the access decisions, and the lookup
 * of the addressed bucket with S3's region rule (a signed request must be signed for the
 * bucket's region; S3 names the right one in its answer).
 */
final class S3Context {
    final S3Backend backend;
    final S3AccessControl access;

    S3Context(S3Backend backend) {
        this.backend = backend;
        this.access = new S3AccessControl(backend.canonicalIds());
    }

    /** The bucket, after the region check. */
    Bucket bucket(ServiceCall call, String name) {
        Bucket bucket = backend.bucket(name);
        checkRegion(call, bucket, false);
        return bucket;
    }

    void checkRegion(ServiceCall call, Bucket bucket, boolean head) {
        String region = bucket.config().region();
        if (call.caller() instanceof Caller.Anonymous || call.region() == null || region.equals(call.region())) {
            return;
        }
        if (head) {
            throw new AwsException("PermanentRedirect", "", 301).withHeader("x-amz-bucket-region", region);
        }
        boolean presigned = call.request().hasQuery("X-Amz-Credential");
        AwsException e = presigned
                ? AwsException.badRequest("AuthorizationQueryParametersError", "Error parsing the X-Amz-Credential parameter; "
                        + "the region '" + call.region() + "' is wrong; expecting '" + region + "'")
                : AwsException.badRequest("AuthorizationHeaderMalformed", "The authorization header is malformed; the region '"
                        + call.region() + "' is wrong; expecting '" + region + "'");
        throw e.with("Region", region).withHeader("x-amz-bucket-region", region);
    }

    void check(ServiceCall call, Bucket bucket, String action) {
        access.check(call, bucket.config(), S3AccessControl.Need.of(action, bucket.arn()));
    }

    void check(ServiceCall call, Bucket bucket, String action, String aclPermission, Map<String, List<String>> context) {
        access.check(call, bucket.config(), new S3AccessControl.Need(action, bucket.arn(), aclPermission,
                bucket.config().acl(), context));
    }

    void checkObject(ServiceCall call, Bucket bucket, String key, String action, String aclPermission, Acl objectAcl) {
        access.check(call, bucket.config(), new S3AccessControl.Need(action, bucket.objectArn(key), aclPermission,
                objectAcl, Map.of()));
    }

    /** The owner account of objects this caller writes (BucketOwnerEnforced: the bucket's owner). */
    String objectOwner(ServiceCall call, Bucket bucket, String cannedAcl) {
        String writer = call.caller() instanceof Caller.Anonymous ? bucket.owner() : call.accountId();
        return switch (bucket.config().effectiveOwnership()) {
            case BucketOwnerEnforced -> bucket.owner();
            case BucketOwnerPreferred -> "bucket-owner-full-control".equals(cannedAcl) ? bucket.owner() : writer;
            case ObjectWriter -> writer;
        };
    }

    String canonicalId(String account) {
        return backend.canonicalIds().of(account);
    }
}
