package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.iam.policy.PolicyDocument;
import io.awstutor.sandbox.iam.policy.PolicyKind;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.access.BucketPolicyValidator;

/**
 * Validation of a bucket policy: JSON first (S3's own message), then IAM's grammar for a
 * resource policy (its messages under S3's code MalformedPolicy), then S3's own rules
 * (S3 actions, resources inside this bucket).
 */
final class BucketPolicies {
    private BucketPolicies() {
    }

    static void validate(String policy, String bucket) {
        BucketPolicyValidator.checkJson(policy);
        try {
            PolicyDocument.parse(policy, PolicyKind.RESOURCE);
        } catch (AwsException e) {
            if (PolicyDocument.MALFORMED.equals(e.code())) {
                throw BucketPolicyValidator.malformed(e.getMessage());
            }
            throw e;
        }
        BucketPolicyValidator.validate(policy, bucket);
    }
}
