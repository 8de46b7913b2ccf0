package io.awstutor.check;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.List;
import java.util.Optional;

/**
 * A bucket has a bucket policy, optionally containing given texts (an action, a resource):
 * {@code s3-bucket-policy: {bucket: ${prefix}-photos, contains: [s3:GetObject, public/*]}}.
 */
public record S3BucketPolicyCheck(String bucketName, List<String> contains) implements Check {

    static S3BucketPolicyCheck parse(Object value) {
        Spec spec = Spec.of("s3-bucket-policy", value, "bucket", "contains");
        Object raw = value instanceof java.util.Map<?, ?> m ? m.get("contains") : null;
        List<String> texts = raw == null ? List.of() : raw instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(raw));
        return new S3BucketPolicyCheck(spec.required("bucket"), texts);
    }

    @Override
    public Verdict run(CheckContext context) {
        String bucket = context.substitute(bucketName);
        Optional<String> region = S3Lookup.regionOf(context, bucket);
        if (region.isEmpty()) {
            return S3Lookup.missing(bucket);
        }
        String policy;
        try (S3Client s3 = context.clients().s3(region.get())) {
            policy = s3.getBucketPolicy(b -> b.bucket(bucket)).policy();
        } catch (S3Exception e) {
            if (e.awsErrorDetails() != null && "NoSuchBucketPolicy".equals(e.awsErrorDetails().errorCode())) {
                return Verdict.fail("The bucket " + bucket + " has no bucket policy yet.");
            }
            throw e;
        }
        String compact = policy.replaceAll("\\s+", "");
        for (String text : contains) {
            String wanted = context.substitute(text);
            if (!compact.contains(wanted.replaceAll("\\s+", ""))) {
                return Verdict.fail("The bucket policy of " + bucket + " does not mention " + wanted + " yet.");
            }
        }
        return Verdict.pass("bucket " + bucket + " has its policy");
    }

    @Override
    public String describe() {
        return "bucket policy on " + bucketName;
    }
}
