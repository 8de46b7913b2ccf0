package io.awstutor.sandbox.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A key/value tag as every service's API carries it; the value may be null where a request leaves it out. */
public record Tag(String key, String value) {

    /** The tags of a map, in its order. */
    public static List<Tag> list(Map<String, String> tags) {
        List<Tag> list = new ArrayList<>(tags.size());
        tags.forEach((k, v) -> list.add(new Tag(k, v)));
        return list;
    }

    /** The tags as a map in their order; a later duplicate key wins (check with {@link TagRules} first). */
    public static Map<String, String> map(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }
}
