package io.awstutor.jshell.agent;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.awstutor.target.Secrets;

/**
 * Turns an SDK request or response into plain maps and lists, through the SDK's own field
 * metadata, so the shell can describe calls of any service without knowing its classes.
 * Values whose member name suggests a secret are masked; deep or long structures are cut.
 */
public final class SdkFieldExtractor {
    private static final int MAX_DEPTH = 4;
    private static final int MAX_ITEMS = 50;
    private static final List<String> SECRET_WORDS = List.of("password", "secret", "privatekey", "keymaterial",
            "sessiontoken", "credential");

    private SdkFieldExtractor() {
    }

    public static Map<String, Object> fields(SdkPojo pojo) {
        return fields(pojo, 0);
    }

    private static Map<String, Object> fields(SdkPojo pojo, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (value == null) {
                continue;
            }
            String name = field.memberName();
            if (isSecret(name)) {
                out.put(name, Secrets.mask(String.valueOf(value)));
            } else {
                Object plain = plain(value, depth + 1);
                if (plain != null) {
                    out.put(name, plain);
                }
            }
        }
        return out;
    }

    /**
     * The secrets a request carries in full (its password and secret members, at the top
     * level), so that an error message repeating one can be masked before it is written.
     */
    public static List<String> secretValues(Object request) {
        List<String> secrets = new ArrayList<>();
        if (request instanceof SdkPojo pojo) {
            for (SdkField<?> field : pojo.sdkFields()) {
                if (isSecret(field.memberName()) && field.getValueOrDefault(pojo) instanceof String value && !value.isEmpty()) {
                    secrets.add(value);
                }
            }
        }
        return secrets;
    }

    static boolean isSecret(String memberName) {
        String lower = memberName.toLowerCase(Locale.ROOT);
        if (lower.equals("accesskeyid") || lower.endsWith("tokencode") || lower.equals("nexttoken")
                || lower.equals("continuationtoken") || lower.equals("nextcontinuationtoken") || lower.equals("clienttoken")) {
            return false;
        }
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Object plain(Object value, int depth) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.toString();
        }
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            return fields(pojo, depth);
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>();
            for (Object item : items) {
                if (list.size() == MAX_ITEMS) {
                    break;
                }
                Object plain = plain(item, depth + 1);
                if (plain != null) {
                    list.add(plain);
                }
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object plain = plain(v, depth + 1);
                if (plain != null && out.size() < MAX_ITEMS) {
                    out.put(String.valueOf(k), plain);
                }
            });
            return out;
        }
        return null;
    }
}
