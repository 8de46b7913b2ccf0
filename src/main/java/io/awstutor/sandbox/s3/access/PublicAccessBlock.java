package io.awstutor.sandbox.s3.access;

/**
 * A bucket's Public Access Block. New buckets get all four settings on (AWS's default since
 * April 2023), so a learner must turn them off before a public policy or ACL takes effect.
 */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls,
                                boolean blockPublicPolicy, boolean restrictPublicBuckets) {

    public static final PublicAccessBlock ALL_ON = new PublicAccessBlock(true, true, true, true);
    public static final PublicAccessBlock ALL_OFF = new PublicAccessBlock(false, false, false, false);
}
