package io.awstutor.check;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Optional;

/**
 * An object exists under a key; optionally of a storage class, at least a size, with a
 * restore requested (Glacier): {@code s3-object: {bucket: ${prefix}-photos, key: a/b.txt,
 * storage-class: GLACIER, restore: true, min-size: 1048576}}.
 */
public record S3ObjectCheck(String bucketName, String key, Optional<String> storageClass, Optional<Long> minSize,
                            boolean restoreRequested) implements Check {

    static S3ObjectCheck parse(Object value) {
        Spec spec = Spec.of("s3-object", value, "key", "bucket", "storage-class", "min-size", "restore");
        return new S3ObjectCheck(spec.required("bucket"), spec.required("key"), spec.optional("storage-class"),
                spec.integer("min-size").map(Integer::longValue), spec.bool("restore").orElse(false));
    }

    @Override
    public Verdict run(CheckContext context) {
        String bucket = context.substitute(bucketName);
        String objectKey = context.substitute(key);
        Optional<String> region = S3Lookup.regionOf(context, bucket);
        if (region.isEmpty()) {
            return S3Lookup.missing(bucket);
        }
        HeadObjectResponse head;
        try (S3Client s3 = context.clients().s3(region.get())) {
            head = s3.headObject(b -> b.bucket(bucket).key(objectKey));
        } catch (NoSuchKeyException e) {
            return absent(bucket, objectKey);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return absent(bucket, objectKey);
            }
            throw e;
        }
        String where = "s3://" + bucket + "/" + objectKey;
        if (storageClass.isPresent()) {
            // HeadObject leaves the storage class out for STANDARD.
            String actual = head.storageClassAsString() == null ? "STANDARD" : head.storageClassAsString();
            if (!actual.equalsIgnoreCase(storageClass.get())) {
                return Verdict.fail(where + " exists but its storage class is " + actual + ", not " + storageClass.get() + ".");
            }
        }
        if (minSize.isPresent() && head.contentLength() < minSize.get()) {
            return Verdict.fail(where + " has " + head.contentLength() + " bytes; this step wants at least " + minSize.get() + ".");
        }
        if (restoreRequested && head.restore() == null) {
            return Verdict.fail(where + " is archived and no restore has been requested for it yet.");
        }
        return Verdict.pass(where + " exists" + (restoreRequested ? " (restore: " + head.restore() + ")" : ""));
    }

    private static Verdict absent(String bucket, String key) {
        return Verdict.fail("The bucket " + bucket + " has no object with the key " + key + " yet.");
    }

    @Override
    public String describe() {
        return "object s3://" + bucketName + "/" + key + storageClass.map(c -> " in " + c).orElse("");
    }
}
