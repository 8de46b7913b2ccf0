package io.awstutor.sandbox.ec2;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tags of every resource in one region, keyed by resource id: EC2's CreateTags works on
 * any id, and DescribeTags lists them across resource types. Callers hold the region's lock.
 */
public final class Ec2Tags {
    private final Map<String, Map<String, String>> byResource = new LinkedHashMap<>();

    public Map<String, String> of(String resourceId) {
        Map<String, String> tags = byResource.get(resourceId);
        return tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    public void put(String resourceId, Map<String, String> tags) {
        if (tags.isEmpty()) {
            return;
        }
        byResource.put(resourceId, Ec2TagRules.RULES.merged(byResource.getOrDefault(resourceId, Map.of()), tags));
    }

    /** DeleteTags: a key with a null value removes the tag whatever its value; with a value, only on a match. */
    public void delete(String resourceId, Map<String, String> keys) {
        Map<String, String> current = byResource.get(resourceId);
        if (current == null) {
            return;
        }
        if (keys.isEmpty()) {
            current.clear();
        }
        keys.forEach((key, value) -> {
            if (value == null || value.equals(current.get(key))) {
                current.remove(key);
            }
        });
        if (current.isEmpty()) {
            byResource.remove(resourceId);
        }
    }

    public void forget(String resourceId) {
        byResource.remove(resourceId);
    }

    public Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byResource.forEach((id, tags) -> copy.put(id, new LinkedHashMap<>(tags)));
        return copy;
    }

    /** The resource type DescribeTags reports, from the id's prefix. */
    public static String resourceType(String resourceId) {
        String prefix = resourceId.contains("-") ? resourceId.substring(0, resourceId.indexOf('-')) : resourceId;
        return switch (prefix) {
            case "i" -> "instance";
            case "sg" -> "security-group";
            case "sgr" -> "security-group-rule";
            case "vpc" -> "vpc";
            case "subnet" -> "subnet";
            case "key" -> "key-pair";
            case "ami" -> "image";
            case "vol" -> "volume";
            default -> prefix;
        };
    }
}
