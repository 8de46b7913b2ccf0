package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.regex.Pattern;

/**
 * Input checks from IAM's service model (patterns and lengths), failing with the query
 * protocol's {@code ValidationError} text: "1 validation error detected: Value 'x' at
 * 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: ...".
 */
public final class IamValidation {
    static final String NAME_PATTERN = "[\\w+=,.@-]+";
    static final String PATH_PATTERN = "(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)";
    static final String PATH_PREFIX_PATTERN = "\\u002F[\\u0021-\\u007F]*";
    static final String POLICY_PATH_PATTERN = "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/";
    static final String TAG_KEY_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+";
    static final String TAG_VALUE_PATTERN = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";

    private static final Pattern NAME = Pattern.compile(NAME_PATTERN);
    private static final Pattern PATH = Pattern.compile(PATH_PATTERN);
    private static final Pattern PATH_PREFIX = Pattern.compile(PATH_PREFIX_PATTERN);
    private static final Pattern POLICY_PATH = Pattern.compile(POLICY_PATH_PATTERN);

    private IamValidation() {
    }

    /** A user, group, role, policy or instance-profile name. */
    public static String name(String member, String value, int maxLength) {
        return matching(member, value, 1, maxLength, NAME, NAME_PATTERN);
    }

    public static String path(String member, String value) {
        return value == null ? "/" : matching(member, value, 1, 512, PATH, PATH_PATTERN);
    }

    public static String pathPrefix(String value) {
        return value == null ? "/" : matching("pathPrefix", value, 1, 512, PATH_PREFIX, PATH_PREFIX_PATTERN);
    }

    public static String policyPath(String member, String value) {
        return value == null ? "/" : matching(member, value, 1, 512, POLICY_PATH, POLICY_PATH_PATTERN);
    }

    public static int range(String member, int value, int min, int max) {
        if (value < min) {
            throw AwsException.validation(prefix(member, String.valueOf(value)) + "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw AwsException.validation(prefix(member, String.valueOf(value)) + "Member must have value less than or equal to " + max);
        }
        return value;
    }

    public static String length(String member, String value, int min, int max) {
        if (value.length() < min) {
            throw AwsException.validation(prefix(member, value) + "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw AwsException.validation(prefix(member, value) + "Member must have length less than or equal to " + max);
        }
        return value;
    }

    private static String matching(String member, String value, int min, int max, Pattern pattern, String shown) {
        length(member, value, min, max);
        if (!pattern.matcher(value).matches()) {
            throw AwsException.validation(prefix(member, value) + "Member must satisfy regular expression pattern: " + shown);
        }
        return value;
    }

    private static String prefix(String member, String value) {
        return ValidationErrors.message(value, member, "");
    }
}
