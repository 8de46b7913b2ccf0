package io.awstutor.sandbox.protocol;

import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

import java.util.Optional;

/**
 * Every ARN the sandbox writes or reads, through the SDK's own {@link Arn}: the partition
 * follows the region ({@code aws}, {@code aws-cn}, {@code aws-us-gov} …, from the SDK's
 * partition metadata), so a resource in cn-north-1 is {@code arn:aws-cn:…}. Global services
 * (IAM, STS principals, S3 buckets, CloudFront) name no region and live in {@code aws}.
 */
public final class Arns {
    public static final String GLOBAL_PARTITION = "aws";

    private Arns() {
    }

    /** The partition {@code region} belongs to; {@code aws} for an unknown or empty region. */
    public static String partition(String region) {
        if (region == null || region.isEmpty()) {
            return GLOBAL_PARTITION;
        }
        try {
            return PartitionMetadata.of(Region.of(region)).id();
        } catch (RuntimeException e) {
            return GLOBAL_PARTITION;
        }
    }

    /** {@code arn:PARTITION:service:region:account:resource} for a regional resource. */
    public static String regional(String service, String region, String account, String resource) {
        return Arn.builder().partition(partition(region)).service(service).region(region).accountId(account)
                .resource(resource).build().toString();
    }

    /** {@code arn:aws:service::account:resource} for a global service's resource (IAM, CloudFront, STS). */
    public static String global(String service, String account, String resource) {
        return Arn.builder().partition(GLOBAL_PARTITION).service(service).region("").accountId(account)
                .resource(resource).build().toString();
    }

    /**
     * The start that every such ARN shares ({@code arn:aws:iam::123456789012:role/}), to test
     * or strip a prefix; the SDK's Arn will not hold an empty resource, so a placeholder is cut.
     */
    public static String globalPrefix(String service, String account, String resourcePrefix) {
        String any = global(service, account, "*");
        return any.substring(0, any.length() - 1) + resourcePrefix;
    }

    /** {@code arn:aws:s3:::bucket} or {@code arn:aws:s3:::bucket/key}: S3 names neither region nor account. */
    public static String s3(String resource) {
        return global("s3", "", resource);
    }

    /** The ARN {@code text} names, if it is one. */
    public static Optional<Arn> parse(String text) {
        return text == null ? Optional.empty() : Arn.tryFromString(text);
    }
}
