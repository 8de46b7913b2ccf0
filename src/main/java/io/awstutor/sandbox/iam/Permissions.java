package io.awstutor.sandbox.iam;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policies an identity (user, group, role) holds: inline documents by name and the ARNs
 * of the managed policies attached to it. Immutable; every change returns a new value.
 */
public record Permissions(Map<String, String> inline, List<String> attached) {

    public Permissions {
        inline = Collections.unmodifiableMap(new LinkedHashMap<>(inline == null ? Map.of() : inline));
        attached = List.copyOf(attached == null ? List.of() : attached);
    }

    public static Permissions none() {
        return new Permissions(Map.of(), List.of());
    }

    public boolean isEmpty() {
        return inline.isEmpty() && attached.isEmpty();
    }

    public Permissions withInline(String name, String document) {
        Map<String, String> copy = new LinkedHashMap<>(inline);
        String existing = findInlineName(name);
        copy.remove(existing);
        copy.put(existing == null ? name : existing, document);
        return new Permissions(copy, attached);
    }

    public Permissions withoutInline(String name) {
        Map<String, String> copy = new LinkedHashMap<>(inline);
        copy.remove(findInlineName(name));
        return new Permissions(copy, attached);
    }

    /** Inline policy names are case-insensitive in IAM; the stored spelling, or null. */
    public String findInlineName(String name) {
        for (String key : inline.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    public Permissions withAttached(String policyArn) {
        if (attached.contains(policyArn)) {
            return this;
        }
        List<String> copy = new ArrayList<>(attached);
        copy.add(policyArn);
        return new Permissions(inline, copy);
    }

    public Permissions withoutAttached(String policyArn) {
        List<String> copy = new ArrayList<>(attached);
        copy.remove(policyArn);
        return new Permissions(inline, copy);
    }
}
