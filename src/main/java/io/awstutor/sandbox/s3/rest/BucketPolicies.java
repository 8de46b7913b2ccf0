package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.s3.access.BucketPolicyValidator;

/**
 * Validation of a bucket policy: S3's own rules (principal required, S3 actions, resources
 * in this bucket), answered as S3's MalformedPolicy.
 */
final class BucketPolicies {
    private BucketPolicies() {
    }

    static void validate(String policy, String bucket) {
        BucketPolicyValidator.validate(policy, bucket);
    }
}
