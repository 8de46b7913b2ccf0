package io.awstutor.sandbox.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The decoded parameters of an AWS query-protocol request (IAM, STS, RDS, SES, EC2):
 * {@code Action=CreateUser&UserName=alice&Tags.member.1.Key=k}. Lists are flattened as
 * {@code Name.member.N} (IAM, STS, RDS, SES) or {@code Name.N} (EC2); this class reads both.
 */
public final class QueryParams {
    private final Map<String, String> values;

    public QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /** Parses an application/x-www-form-urlencoded body or query string. */
    public static QueryParams parse(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null && !form.isEmpty()) {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.put(name, value);
            }
        }
        return new QueryParams(values);
    }

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsException.badRequest("MalformedQueryString", "The query string is malformed: " + s);
        }
    }

    public Map<String, String> asMap() {
        return values;
    }

    public String action() {
        return values.getOrDefault("Action", "");
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String get(String name) {
        return values.get(name);
    }

    public String getOrDefault(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /**
     * A required member; missing, it fails as the query protocol does:
     * {@code ValidationError} / "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null".
     */
    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw ValidationErrors.missing(ValidationErrors.member(name));
        }
        return value;
    }

    public Optional<Integer> integer(String name) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw AwsException.validation("Invalid value for parameter " + name + ": " + value);
        }
    }

    public Optional<Boolean> bool(String name) {
        return optional(name).map(v -> Boolean.parseBoolean(v.trim()));
    }

    /**
     * The values of a flattened list: {@code Name.member.1, Name.member.2, ...} or
     * {@code Name.1, Name.2, ...}, in index order.
     */
    public List<String> list(String name) {
        TreeMap<Integer, String> items = new TreeMap<>();
        collect(name + ".member.", items);
        collect(name + ".", items);
        return new ArrayList<>(items.values());
    }

    private void collect(String prefix, TreeMap<Integer, String> items) {
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(prefix)) {
                String rest = key.substring(prefix.length());
                if (!rest.isEmpty() && rest.chars().allMatch(Character::isDigit)) {
                    items.put(Integer.parseInt(rest), e.getValue());
                }
            }
        }
    }

    /**
     * The members of a flattened list of structures: for {@code Tags.member.1.Key=a&Tags.member.1.Value=b}
     * {@code structs("Tags")} gives {@code [{Key=a, Value=b}]} as nested QueryParams, in index order.
     */
    public List<QueryParams> structs(String name) {
        TreeMap<Integer, Map<String, String>> items = new TreeMap<>();
        for (String prefix : List.of(name + ".member.", name + ".")) {
            for (Map.Entry<String, String> e : values.entrySet()) {
                String key = e.getKey();
                if (!key.startsWith(prefix)) {
                    continue;
                }
                String rest = key.substring(prefix.length());
                int dot = rest.indexOf('.');
                if (dot <= 0 || !rest.substring(0, dot).chars().allMatch(Character::isDigit)) {
                    continue;
                }
                int index = Integer.parseInt(rest.substring(0, dot));
                items.computeIfAbsent(index, k -> new LinkedHashMap<>()).put(rest.substring(dot + 1), e.getValue());
            }
        }
        List<QueryParams> result = new ArrayList<>();
        items.values().forEach(m -> result.add(new QueryParams(m)));
        return result;
    }

    /** The members under {@code prefix.}: {@code nested("ServerlessV2ScalingConfiguration")}. */
    public QueryParams nested(String prefix) {
        Map<String, String> inner = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix + ".")) {
                inner.put(k.substring(prefix.length() + 1), v);
            }
        });
        return new QueryParams(inner);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
