package io.awstutor.check;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketWebsiteResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Optional;

/**
 * A bucket serves a static website with this index document:
 * {@code s3-website: {bucket: ${prefix}-site, index: index.html}}.
 */
public record S3WebsiteCheck(String bucketName, Optional<String> index) implements Check {

    static S3WebsiteCheck parse(Object value) {
        Spec spec = Spec.of("s3-website", value, "bucket", "index");
        return new S3WebsiteCheck(spec.required("bucket"), spec.optional("index"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String bucket = context.substitute(bucketName);
        Optional<String> region = S3Lookup.regionOf(context, bucket);
        if (region.isEmpty()) {
            return S3Lookup.missing(bucket);
        }
        GetBucketWebsiteResponse website;
        try (S3Client s3 = context.clients().s3(region.get())) {
            website = s3.getBucketWebsite(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.awsErrorDetails() != null && "NoSuchWebsiteConfiguration".equals(e.awsErrorDetails().errorCode())) {
                return Verdict.fail("The bucket " + bucket + " has no website configuration yet.");
            }
            throw e;
        }
        String actual = website.indexDocument() == null ? null : website.indexDocument().suffix();
        if (index.isPresent() && !index.get().equals(actual)) {
            return Verdict.fail("The website of " + bucket + " has the index document " + actual + ", not " + index.get() + ".");
        }
        return Verdict.pass("bucket " + bucket + " serves a website (index " + actual + ")");
    }

    @Override
    public String describe() {
        return "website on " + bucketName;
    }
}
