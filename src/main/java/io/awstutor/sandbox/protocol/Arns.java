package io.awstutor.sandbox.protocol;

import software.amazon.awssdk.arns.Arn;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

import java.util.Optional;

/**
 * Every ARN the sandbox writes or reads: read through the SDK's own {@link Arn}, written in
 * its form with the partition following the region ({@code aws}, {@code aws-cn}, {@code aws-us-gov} …, from the SDK's
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
        return format(partition(region), service, region, account, resource);
    }

    /** {@code arn:aws:service::account:resource} for a global service's resource (IAM, CloudFront, STS). */
    public static String global(String service, String account, String resource) {
        return format(GLOBAL_PARTITION, service, "", account, resource);
    }

    /** The start that every such ARN shares ({@code arn:aws:iam::123456789012:role/}), to test or strip a prefix. */
    public static String globalPrefix(String service, String account, String resourcePrefix) {
        return global(service, account, resourcePrefix);
    }

    /** {@code arn:aws:s3:::bucket} or {@code arn:aws:s3:::bucket/key}: S3 names neither region nor account. */
    public static String s3(String resource) {
        return global("s3", "", resource);
    }

    /**
     * The one place the text form is written; it is {@link Arn#toString()}'s form. The SDK's
     * builder is not used to write because it refuses an empty resource, and a request with an
     * empty name must still get AWS's answer (which quotes the ARN), not a crash.
     */
    private static String format(String partition, String service, String region, String account, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    /** The ARN {@code text} names, if it is one (an empty resource part, which the SDK throws on, is none). */
    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Arn.tryFromString(text);
        } catch (IllegalArgumentException blankResource) {
            return Optional.empty();
        }
    }
}
