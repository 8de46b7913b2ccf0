package io.awstutor.sandbox.s3.rest;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.protocol.AwsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The policy of a browser-based POST upload: an expiry and the conditions every form field
 * must meet (exact match, {@code starts-with}, {@code content-length-range}), checked with
 * AWS's wording. Every field the form sends must be named by a condition, except the ones
 * that carry the policy and its signature.
 */
record PostPolicy(Instant expiration, List<JsonNode> conditions, long minLength, long maxLength) {
    private static final ObjectMapper JSON = JsonMappers.mapper();
    /** Fields that are never matched against conditions. */
    private static final Set<String> EXEMPT = Set.of("policy", "x-amz-signature", "signature", "awsaccesskeyid", "file");

    static PostPolicy parse(String base64) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw invalid("Invalid JSON.");
        }
        if (root == null || !root.isObject() || !root.path("expiration").isTextual()) {
            throw invalid("Policy missing expiration.");
        }
        Instant expiration;
        try {
            expiration = Instant.parse(root.path("expiration").asText());
        } catch (DateTimeParseException e) {
            throw invalid("Invalid 'expiration' value: '" + root.path("expiration").asText() + "'");
        }
        JsonNode conditions = root.path("conditions");
        if (!conditions.isArray()) {
            throw invalid("Policy missing conditions.");
        }
        List<JsonNode> list = new ArrayList<>();
        long min = 0;
        long max = Long.MAX_VALUE;
        for (JsonNode c : conditions) {
            if (c.isArray() && c.size() == 3 && c.get(0).asText().equalsIgnoreCase("content-length-range")) {
                if (!c.get(1).canConvertToLong() || !c.get(2).canConvertToLong()) {
                    throw invalid("Invalid content-length-range condition: " + c);
                }
                min = c.get(1).asLong();
                max = c.get(2).asLong();
            } else if (!(c.isObject() && c.size() == 1) && !(c.isArray() && c.size() == 3)) {
                throw invalid("Invalid condition: " + c);
            } else {
                list.add(c);
            }
        }
        return new PostPolicy(expiration, List.copyOf(list), min, max);
    }

    /** Checks expiry and conditions against the form's fields (names lower case) and the bucket. */
    void check(Map<String, String> fields, String bucket, Instant now) {
        if (now.isAfter(expiration)) {
            throw denied("Policy expired.");
        }
        Set<String> named = new HashSet<>();
        for (JsonNode c : conditions) {
            String name;
            String op;
            String expected;
            if (c.isObject()) {
                Map.Entry<String, JsonNode> only = c.fields().next();
                name = only.getKey();
                op = "eq";
                expected = only.getValue().asText();
            } else {
                op = c.get(0).asText().toLowerCase(Locale.ROOT);
                name = c.get(1).asText();
                expected = c.get(2).asText();
                if (!name.startsWith("$")) {
                    throw invalid("Invalid condition: " + c);
                }
            }
            name = (name.startsWith("$") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
            named.add(name);
            String actual = name.equals("bucket") ? bucket : fields.get(name);
            boolean holds = switch (op) {
                case "eq" -> expected.equals(actual);
                case "starts-with" -> actual != null && actual.startsWith(expected);
                default -> throw invalid("Invalid condition: " + c);
            };
            if (!holds) {
                throw denied("Policy Condition failed: " + conditionText(c));
            }
        }
        List<String> extra = fields.keySet().stream()
                .filter(f -> !EXEMPT.contains(f) && !f.startsWith("x-ignore-") && !named.contains(f)).toList();
        if (!extra.isEmpty()) {
            throw denied("Extra input fields: " + String.join(", ", extra));
        }
    }

    /** AWS quotes a failed condition in its array form: {@code ["eq", "$key", "a"]}. */
    private static String conditionText(JsonNode c) {
        if (c.isObject()) {
            Map.Entry<String, JsonNode> only = c.fields().next();
            return "[\"eq\", \"$" + only.getKey() + "\", \"" + only.getValue().asText() + "\"]";
        }
        return "[\"" + c.get(0).asText() + "\", \"" + c.get(1).asText() + "\", \"" + c.get(2).asText() + "\"]";
    }

    private static AwsException denied(String why) {
        return AwsException.forbidden("AccessDenied", "Invalid according to Policy: " + why);
    }

    private static AwsException invalid(String why) {
        return AwsException.badRequest("InvalidPolicyDocument", "Invalid Policy: " + why);
    }
}
