package io.awstutor.sandbox.protocol;

import java.util.Collection;

/**
 * AWS's one-line validation message, built the one way AWS words it:
 * {@code 1 validation error detected: Value 'x' at 'member' failed to satisfy constraint: Member must …}.
 * The member is named as the service model spells it in lower camel case ({@code roleSessionName});
 * collections are reported without their value ({@code Value at 'tags' …}), a missing member as
 * {@code Value null at …}. Services whose error code is not the query protocol's ValidationError
 * wrap {@link #message} in their own exception.
 */
public final class ValidationErrors {
    private static final String PREFIX = "1 validation error detected: ";

    private ValidationErrors() {
    }

    /** The message for {@code value} (null: "Value null") at {@code member}. */
    public static String message(Object value, String member, String constraint) {
        return PREFIX + "Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: " + constraint;
    }

    /** The message for a collection at {@code member}, whose value AWS does not repeat. */
    public static String messageAt(String member, String constraint) {
        return PREFIX + "Value at '" + member + "' failed to satisfy constraint: " + constraint;
    }

    /** The query protocol's ValidationError (HTTP 400). */
    public static AwsException invalid(Object value, String member, String constraint) {
        return AwsException.validation(message(value, member, constraint));
    }

    public static AwsException missing(String member) {
        return invalid(null, member, notNull());
    }

    /** {@code Name} as the model's member in a message: {@code name}. */
    public static String member(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    public static String notNull() {
        return "Member must not be null";
    }

    public static String oneOf(Collection<?> values) {
        return "Member must satisfy enum value set: [" + String.join(", ", values.stream().map(String::valueOf).toList()) + "]";
    }

    public static String pattern(String regex) {
        return "Member must satisfy regular expression pattern: " + regex;
    }

    public static String minLength(long min) {
        return "Member must have length greater than or equal to " + min;
    }

    public static String maxLength(long max) {
        return "Member must have length less than or equal to " + max;
    }

    public static String minValue(long min) {
        return "Member must have value greater than or equal to " + min;
    }

    public static String maxValue(long max) {
        return "Member must have value less than or equal to " + max;
    }
}
