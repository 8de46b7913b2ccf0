package io.awstutor.sandbox.protocol;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * AWS's tag rules, one implementation for every service: at most {@code maxTags} tags on a
 * resource, keys of 1 to 128 characters and values of up to 256, no duplicate key in a request,
 * reserved key prefixes ({@code aws:}; RDS adds {@code rds:}) and, where the service's model
 * says so, the common character set. What differs per service is the error each broken rule
 * gets: the service's {@code errors} function words a {@link Violation} as that service does.
 */
public record TagRules(int maxTags, boolean caseInsensitiveKeys, boolean standardCharacters, boolean valueRequired,
                       List<String> reservedPrefixes, Function<Violation, AwsException> errors) {
    public static final int MAX_TAGS = 50;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    /** The characters AWS's tagging guide allows: letters, digits, spaces and {@code _ . : / = + - @}. */
    public static final String CHARACTERS = "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*";
    private static final Pattern ALLOWED = Pattern.compile(CHARACTERS);

    /** Which rule a tag broke. */
    public enum Kind {
        /** More tags in one request than a resource may carry. */
        TOO_MANY_IN_REQUEST,
        /** The resource would carry more than {@code maxTags} after the change. */
        TOO_MANY,
        MISSING_KEY, MISSING_VALUE, KEY_LENGTH, KEY_CHARACTERS, VALUE_LENGTH, VALUE_CHARACTERS, RESERVED_PREFIX,
        DUPLICATE_KEY
    }

    /** A broken rule: which one, the tag's 1-based position in the request (0 for counts), the tag, the limit. */
    public record Violation(Kind kind, int position, Tag tag, int limit) {
    }

    public TagRules {
        reservedPrefixes = List.copyOf(reservedPrefixes);
    }

    /** 50 tags, exact keys, any characters, a missing value taken as empty, {@code aws:} reserved. */
    public static TagRules of(Function<Violation, AwsException> errors) {
        return new TagRules(MAX_TAGS, false, false, false, List.of("aws:"), errors);
    }

    public TagRules withMaxTags(int max) {
        return new TagRules(max, caseInsensitiveKeys, standardCharacters, valueRequired, reservedPrefixes, errors);
    }

    /** IAM: {@code Env} and {@code env} are one key, and the later spelling replaces the earlier. */
    public TagRules withCaseInsensitiveKeys() {
        return new TagRules(maxTags, true, standardCharacters, valueRequired, reservedPrefixes, errors);
    }

    public TagRules withStandardCharacters() {
        return new TagRules(maxTags, caseInsensitiveKeys, true, valueRequired, reservedPrefixes, errors);
    }

    public TagRules withValueRequired() {
        return new TagRules(maxTags, caseInsensitiveKeys, standardCharacters, true, reservedPrefixes, errors);
    }

    /** The same rules worded as another resource's errors (S3's bucket and object counts differ in wording). */
    public TagRules withErrors(Function<Violation, AwsException> wording) {
        return new TagRules(maxTags, caseInsensitiveKeys, standardCharacters, valueRequired, reservedPrefixes, wording);
    }

    public TagRules withReservedPrefixes(String... prefixes) {
        return new TagRules(maxTags, caseInsensitiveKeys, standardCharacters, valueRequired, List.of(prefixes), errors);
    }

    /**
     * The tags a request asks for, checked, in their order (a missing value becomes empty
     * unless values are required). The whole request is checked before anything is kept.
     */
    public Map<String, String> requested(List<Tag> tags) {
        if (tags.size() > maxTags) {
            throw errors.apply(new Violation(Kind.TOO_MANY_IN_REQUEST, 0, null, maxTags));
        }
        Map<String, String> result = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            check(i + 1, tag);
            if (!seen.add(identity(tag.key()))) {
                throw errors.apply(new Violation(Kind.DUPLICATE_KEY, i + 1, tag, maxTags));
            }
            result.put(tag.key(), tag.value() == null ? "" : tag.value());
        }
        return result;
    }

    /** {@code existing} with {@code added} put in (a key already there keeps its place), within {@code maxTags}. */
    public Map<String, String> merged(Map<String, String> existing, Map<String, String> added) {
        Map<String, String> result = new LinkedHashMap<>();
        existing.forEach((key, value) -> {
            String replacing = caseInsensitiveKeys ? spelledIn(added.keySet(), key) : (added.containsKey(key) ? key : null);
            if (replacing == null) {
                result.put(key, value);
            } else {
                result.put(replacing, added.get(replacing));
            }
        });
        added.forEach(result::putIfAbsent);
        if (result.size() > maxTags) {
            throw errors.apply(new Violation(Kind.TOO_MANY, 0, null, maxTags));
        }
        return result;
    }

    /** {@code existing} without {@code keys} (matched without regard to case where keys are case-insensitive). */
    public Map<String, String> without(Map<String, String> existing, Collection<String> keys) {
        Set<String> gone = new HashSet<>();
        keys.forEach(k -> gone.add(identity(k)));
        Map<String, String> result = new LinkedHashMap<>(existing);
        result.keySet().removeIf(k -> gone.contains(identity(k)));
        return result;
    }

    private void check(int position, Tag tag) {
        String key = tag.key();
        String value = tag.value();
        if (key == null) {
            throw violation(Kind.MISSING_KEY, position, tag, 0);
        }
        if (value == null && valueRequired) {
            throw violation(Kind.MISSING_VALUE, position, tag, 0);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw violation(Kind.KEY_LENGTH, position, tag, MAX_KEY_LENGTH);
        }
        if (standardCharacters && !ALLOWED.matcher(key).matches()) {
            throw violation(Kind.KEY_CHARACTERS, position, tag, 0);
        }
        if (value != null && value.length() > MAX_VALUE_LENGTH) {
            throw violation(Kind.VALUE_LENGTH, position, tag, MAX_VALUE_LENGTH);
        }
        if (standardCharacters && value != null && !ALLOWED.matcher(value).matches()) {
            throw violation(Kind.VALUE_CHARACTERS, position, tag, 0);
        }
        for (String prefix : reservedPrefixes) {
            if (key.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                throw violation(Kind.RESERVED_PREFIX, position, tag, 0);
            }
        }
    }

    private AwsException violation(Kind kind, int position, Tag tag, int limit) {
        return errors.apply(new Violation(kind, position, tag, limit));
    }

    private String identity(String key) {
        return caseInsensitiveKeys ? key.toLowerCase(Locale.ROOT) : key;
    }

    private String spelledIn(Set<String> keys, String key) {
        for (String candidate : keys) {
            if (candidate.equalsIgnoreCase(key)) {
                return candidate;
            }
        }
        return null;
    }
}
