package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.protocol.TagRules;
import io.awstutor.sandbox.protocol.ValidationErrors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * IAM's tag rules on the shared {@link TagRules}: keys unique regardless of case, at most 50 per
 * resource, a value required, values replaced in place. A request's own faults are IAM's
 * ValidationError (naming {@code tags.N.member.key}), a duplicate InvalidInput, and a resource
 * that would pass 50 tags LimitExceeded.
 */
final class Tagging {
    static final TagRules RULES = TagRules.of(Tagging::error).withCaseInsensitiveKeys().withStandardCharacters()
            .withValueRequired();

    private Tagging() {
    }

    /** Checks the tags a Create* request carries. */
    static List<Tag> check(List<Tag> tags) {
        RULES.requested(tags);
        return tags;
    }

    static List<Tag> merge(List<Tag> existing, List<Tag> added) {
        return Tag.list(RULES.merged(Tag.map(existing), RULES.requested(added)));
    }

    static List<Tag> remove(List<Tag> existing, List<String> keys) {
        return Tag.list(RULES.without(Tag.map(existing), keys));
    }

    /** A page of tags for List*Tags, in key order so that markers are stable. */
    static Page<Tag> page(List<Tag> tags, Optional<String> marker, Optional<Integer> maxItems) {
        List<Tag> sorted = new ArrayList<>(tags);
        sorted.sort(Comparator.comparing(Tag::key));
        return Page.of(sorted, Tag::key, marker, maxItems);
    }

    private static AwsException error(TagRules.Violation v) {
        String at = "tags." + v.position() + ".member.";
        return switch (v.kind()) {
            case TOO_MANY_IN_REQUEST -> AwsException.validation(ValidationErrors.messageAt("tags", ValidationErrors.maxLength(v.limit())));
            case TOO_MANY -> IamErrors.limitExceeded("The number of tags has reached the maximum limit.");
            case DUPLICATE_KEY -> IamErrors.invalidInput("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            case RESERVED_PREFIX -> IamErrors.invalidInput("Tag keys beginning with 'aws:' are reserved for AWS use.");
            case MISSING_KEY -> ValidationErrors.missing(at + "key");
            case MISSING_VALUE -> ValidationErrors.missing(at + "value");
            case KEY_LENGTH -> ValidationErrors.invalid(v.tag().key(), at + "key", v.tag().key().isEmpty()
                    ? ValidationErrors.minLength(1) : ValidationErrors.maxLength(v.limit()));
            case KEY_CHARACTERS -> ValidationErrors.invalid(v.tag().key(), at + "key", ValidationErrors.pattern(IamValidation.TAG_KEY_PATTERN));
            case VALUE_LENGTH -> ValidationErrors.invalid(v.tag().value(), at + "value", ValidationErrors.maxLength(v.limit()));
            case VALUE_CHARACTERS -> ValidationErrors.invalid(v.tag().value(), at + "value", ValidationErrors.pattern(IamValidation.TAG_VALUE_PATTERN));
        };
    }
}
