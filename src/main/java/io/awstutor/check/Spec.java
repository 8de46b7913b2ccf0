package io.awstutor.check;

import java.util.Map;
import java.util.Optional;

/**
 * One check item's settings as written in a lesson: either a bare value
 * ({@code s3-bucket: ${prefix}-photos}) standing for the main key, or a map of keys.
 * Unknown keys are authoring errors, so a typo does not silently weaken a check.
 */
final class Spec {
    private final String kind;
    private final Map<?, ?> map;

    private Spec(String kind, Map<?, ?> map) {
        this.kind = kind;
        this.map = map;
    }

    static Spec of(String kind, Object value, String mainKey, String... otherKeys) {
        Map<?, ?> map = value instanceof Map<?, ?> m ? m : Map.of(mainKey, String.valueOf(value));
        for (Object key : map.keySet()) {
            boolean known = key.equals(mainKey);
            for (String other : otherKeys) {
                known |= other.equals(key);
            }
            if (!known) {
                throw new IllegalArgumentException("check '" + kind + "' has no setting '" + key + "' (it knows "
                        + mainKey + (otherKeys.length == 0 ? "" : ", " + String.join(", ", otherKeys)) + ")");
            }
        }
        return new Spec(kind, map);
    }

    String required(String key) {
        return CheckParser.required(map, key, kind);
    }

    Optional<String> optional(String key) {
        return CheckParser.optional(map, key);
    }

    Optional<Integer> integer(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(String.valueOf(value).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("check '" + kind + "': '" + key + "' must be a number, got '" + value + "'");
        }
    }

    Optional<Boolean> bool(String key) {
        Object value = map.get(key);
        return value == null ? Optional.empty() : Optional.of(Boolean.parseBoolean(String.valueOf(value).trim()));
    }

    /** A nested map setting ({@code from: {instance: web}}), required. */
    Map<?, ?> map(String key) {
        Object value = map.get(key);
        if (!(value instanceof Map<?, ?> nested)) {
            throw new IllegalArgumentException("check '" + kind + "' needs '" + key + "' as a map, e.g. {instance: NAME}");
        }
        return nested;
    }

    boolean has(String key) {
        return map.containsKey(key);
    }
}
