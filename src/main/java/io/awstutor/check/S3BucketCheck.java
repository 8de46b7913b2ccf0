package io.awstutor.check;

import java.util.Optional;

/**
 * A bucket exists, optionally in a region: {@code s3-bucket: ${prefix}-photos} or
 * {@code s3-bucket: {name: ${prefix}-photos, region: eu-west-1}}.
 */
public record S3BucketCheck(String bucketName, Optional<String> region) implements Check {

    static S3BucketCheck parse(Object value) {
        Spec spec = Spec.of("s3-bucket", value, "name", "region");
        return new S3BucketCheck(spec.required("name"), spec.optional("region"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String name = context.substitute(bucketName);
        Optional<String> actual = S3Lookup.regionOf(context, name);
        if (actual.isEmpty()) {
            return S3Lookup.missing(name);
        }
        if (region.isPresent()) {
            String wanted = context.substitute(region.get());
            if (!wanted.equals(actual.get())) {
                return Verdict.fail("The bucket " + name + " exists but is in " + actual.get() + ", not " + wanted
                        + ". A bucket cannot move: delete it and create it again in " + wanted + ".");
            }
        }
        return Verdict.pass("bucket " + name + " exists in " + actual.get());
    }

    @Override
    public String describe() {
        return "bucket " + bucketName + region.map(r -> " in " + r).orElse("");
    }
}
