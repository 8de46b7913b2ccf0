package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.TagRules;

/** CloudFront's tag limits (50 per distribution; the model's TagKey/TagValue lengths and pattern) as InvalidTagging. */
final class CloudFrontTagRules {
    static final TagRules RULES = TagRules.of(CloudFrontTagRules::error).withStandardCharacters();

    private CloudFrontTagRules() {
    }

    private static AwsException error(TagRules.Violation v) {
        return AwsException.badRequest("InvalidTagging", switch (v.kind()) {
            case TOO_MANY_IN_REQUEST, TOO_MANY -> "A resource can have at most " + v.limit() + " tags.";
            case MISSING_KEY, MISSING_VALUE, KEY_LENGTH -> "A tag key must be 1 to 128 characters.";
            case VALUE_LENGTH -> "A tag value must be at most 256 characters.";
            case KEY_CHARACTERS, VALUE_CHARACTERS -> "Tags may contain only letters, digits, spaces and _ . : / = + - @.";
            case RESERVED_PREFIX -> "Tag keys starting with 'aws:' are reserved for AWS use.";
            case DUPLICATE_KEY -> "The tag key '" + v.tag().key() + "' is given more than once.";
        });
    }
}
