package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.S3Errors;

import java.util.List;

/**
 * Object Lock, as AWS answers it for a bucket that doesn't have it: no sandbox bucket ever
 * has Object Lock, so every lock operation gets the error AWS gives such a bucket, after the
 * permission check a real call would pass. Nothing here ever writes: a retention or legal
 * hold request must never be taken for a PutObject of its XML body.
 */
final class ObjectLockAnswers {
    private static final List<String> LOCK_HEADERS = List.of("x-amz-object-lock-mode",
            "x-amz-object-lock-retain-until-date", "x-amz-object-lock-legal-hold");

    private final S3Context s3;

    ObjectLockAnswers(S3Context s3) {
        this.s3 = s3;
    }

    /** Get/PutObjectRetention and Get/PutObjectLegalHold. */
    AwsException objectLevel(ServiceCall call, Bucket bucket, String key, String action) {
        s3.checkObject(call, bucket, key, action, null, null);
        return AwsException.badRequest("InvalidRequest", "Bucket is missing Object Lock Configuration");
    }

    /** GetObjectLockConfiguration. */
    AwsException getConfiguration(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketObjectLockConfiguration");
        return AwsException.notFound("ObjectLockConfigurationNotFoundError",
                "Object Lock configuration does not exist for this bucket");
    }

    /** PutObjectLockConfiguration: AWS turns Object Lock on for a versioned bucket; the sandbox can't. */
    AwsException putConfiguration(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:PutBucketObjectLockConfiguration");
        if (!bucket.config().versioningEnabled()) {
            return new AwsException("InvalidBucketState",
                    "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration", 409);
        }
        return new AwsException("NotImplemented", "The sandbox does not implement Object Lock", 501);
    }

    /** PutObject, CopyObject and CreateMultipartUpload refuse lock headers on a bucket without Object Lock. */
    static void refuseLockHeaders(SandboxRequest request) {
        for (String header : LOCK_HEADERS) {
            if (request.header(header).isPresent()) {
                throw AwsException.badRequest("InvalidRequest", "Bucket is missing ObjectLockConfiguration");
            }
        }
    }

    /** CreateBucket with Object Lock asked for: a bucket the sandbox can't make. */
    static void refuseLockedBucket(SandboxRequest request) {
        if (request.header("x-amz-bucket-object-lock-enabled").filter(v -> v.equalsIgnoreCase("true")).isPresent()) {
            throw S3Errors.notImplemented("x-amz-bucket-object-lock-enabled");
        }
    }
}
