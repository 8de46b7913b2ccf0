package io.awstutor.sandbox.secretsmanager;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.TagRules;
import io.awstutor.sandbox.protocol.ValidationErrors;

/**
 * Secrets Manager's tag limits on the shared {@link TagRules}: the model's lengths (key 1-128,
 * value up to 256) as its JSON protocol's ValidationException; the count, duplicates and the
 * reserved {@code aws:} prefix as InvalidParameterException, the error its TagResource names.
 */
final class SecretsTagRules {
    static final TagRules RULES = TagRules.of(SecretsTagRules::error);

    private SecretsTagRules() {
    }

    private static AwsException error(TagRules.Violation v) {
        String at = "tags." + v.position() + ".member.";
        return switch (v.kind()) {
            case TOO_MANY_IN_REQUEST, TOO_MANY -> SecretsErrors.invalidParameter("A secret can have at most " + v.limit() + " tags.");
            case DUPLICATE_KEY -> SecretsErrors.invalidParameter("The tag key " + v.tag().key() + " is given more than once.");
            case RESERVED_PREFIX -> SecretsErrors.invalidParameter("Tag keys beginning with 'aws:' are reserved for AWS use.");
            case MISSING_KEY, MISSING_VALUE -> validation(ValidationErrors.message(null, at + "key", ValidationErrors.notNull()));
            case KEY_LENGTH -> validation(ValidationErrors.message(v.tag().key(), at + "key", v.tag().key().isEmpty()
                    ? ValidationErrors.minLength(1) : ValidationErrors.maxLength(v.limit())));
            case VALUE_LENGTH -> validation(ValidationErrors.message(v.tag().value(), at + "value", ValidationErrors.maxLength(v.limit())));
            case KEY_CHARACTERS, VALUE_CHARACTERS -> SecretsErrors.invalidParameter("The tag contains characters that are not allowed.");
        };
    }

    private static AwsException validation(String message) {
        return AwsException.badRequest("ValidationException", message);
    }
}
