package io.awstutor.check;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.util.Optional;

/** Where a bucket lives, asked the way every client may ask it (GetBucketLocation from us-east-1). */
final class S3Lookup {
    private S3Lookup() {
    }

    /** The bucket's region; empty when there is no such bucket; a failure when another account owns the name. */
    static Optional<String> regionOf(CheckContext context, String bucket) {
        try (S3Client s3 = context.clients().s3("us-east-1")) {
            String constraint = s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString();
            if (constraint == null || constraint.isEmpty()) {
                return Optional.of("us-east-1");
            }
            return Optional.of("EU".equals(constraint) ? "eu-west-1" : constraint);
        } catch (NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static Verdict missing(String bucket) {
        return Verdict.fail("There is no bucket named " + bucket + " yet.");
    }
}
