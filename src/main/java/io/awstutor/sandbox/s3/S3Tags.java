package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.TagRules;

/**
 * S3's tag limits (50 on a bucket, 10 on an object) and its wording for each broken rule. A
 * PUT replaces the whole set, so only the request's own count matters.
 */
public final class S3Tags {
    public static final TagRules BUCKET = TagRules.of(v -> error(v, "Bucket tag count cannot be greater than ")).withValueRequired();
    public static final TagRules OBJECT = BUCKET.withMaxTags(10)
            .withErrors(v -> error(v, "Object tags cannot be greater than "));

    private S3Tags() {
    }

    private static AwsException error(TagRules.Violation v, String tooMany) {
        return switch (v.kind()) {
            case TOO_MANY_IN_REQUEST, TOO_MANY -> AwsException.badRequest("BadRequest", tooMany + v.limit());
            case DUPLICATE_KEY -> AwsException.badRequest("InvalidTag", "Cannot provide multiple Tags with the same key");
            case RESERVED_PREFIX -> AwsException.badRequest("InvalidTag", "System tags cannot be added/updated by requester");
            case MISSING_KEY, MISSING_VALUE -> S3Errors.malformedXml();
            case KEY_LENGTH, KEY_CHARACTERS -> AwsException.badRequest("InvalidTag", "The TagKey you have provided is invalid");
            case VALUE_LENGTH, VALUE_CHARACTERS -> AwsException.badRequest("InvalidTag", "The TagValue you have provided is invalid");
        };
    }
}
