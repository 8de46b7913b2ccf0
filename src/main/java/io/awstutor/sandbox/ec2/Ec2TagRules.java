package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.TagRules;

/** EC2's tag limits (50 per resource, any characters) in EC2's wording. */
final class Ec2TagRules {
    static final TagRules RULES = TagRules.of(Ec2TagRules::error);

    private Ec2TagRules() {
    }

    private static AwsException error(TagRules.Violation v) {
        return switch (v.kind()) {
            case TOO_MANY_IN_REQUEST, TOO_MANY -> new AwsException("TagLimitExceeded",
                    "The maximum number of Tags for a resource has been reached.", 400);
            case MISSING_KEY, MISSING_VALUE -> Ec2Errors.invalidParameterValue("Tag key must have a value");
            case KEY_LENGTH -> v.tag().key().isEmpty() ? Ec2Errors.invalidParameterValue("Tag key must have a value")
                    : Ec2Errors.invalidParameterValue("Tag key exceeds the maximum length of 128 characters");
            case VALUE_LENGTH -> Ec2Errors.invalidParameterValue("Tag value exceeds the maximum length of 256 characters");
            case RESERVED_PREFIX -> Ec2Errors.invalidParameterValue("Tag keys starting with 'aws:' are reserved for internal use");
            case DUPLICATE_KEY -> Ec2Errors.invalidParameterValue("Duplicate tag key '" + v.tag().key() + "' specified.");
            case KEY_CHARACTERS, VALUE_CHARACTERS -> Ec2Errors.invalidParameterValue("Tag contains characters that are not allowed");
        };
    }
}
