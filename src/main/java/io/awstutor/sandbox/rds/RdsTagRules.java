package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.TagRules;

/**
 * RDS's tag limits: 50 per resource, AWS's tag characters, and both {@code aws:} and
 * {@code rds:} reserved (RDS's Tag documentation). RDS's model names no tagging fault, so
 * every broken rule is its generic InvalidParameterValue.
 */
final class RdsTagRules {
    static final TagRules RULES = TagRules.of(RdsTagRules::error).withStandardCharacters().withReservedPrefixes("aws:", "rds:");

    private RdsTagRules() {
    }

    private static AwsException error(TagRules.Violation v) {
        return RdsErrors.invalidValue(switch (v.kind()) {
            case TOO_MANY_IN_REQUEST, TOO_MANY -> "A resource can have at most " + v.limit() + " tags.";
            case MISSING_KEY, MISSING_VALUE -> "The tag key must not be empty.";
            case KEY_LENGTH -> v.tag().key().isEmpty() ? "The tag key must not be empty."
                    : "The tag key must be at most " + v.limit() + " characters long.";
            case VALUE_LENGTH -> "The tag value must be at most " + v.limit() + " characters long.";
            case KEY_CHARACTERS, VALUE_CHARACTERS -> "Tags may contain only Unicode letters, digits, white space and _ . : / = + - @.";
            case RESERVED_PREFIX -> "Tag keys can't begin with 'aws:' or 'rds:'.";
            case DUPLICATE_KEY -> "The tag key '" + v.tag().key() + "' is given more than once.";
        });
    }
}
