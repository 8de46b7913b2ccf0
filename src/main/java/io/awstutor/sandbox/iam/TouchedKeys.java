package io.awstutor.sandbox.iam;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys an account's entity map was changed at since they were last taken: what lets a
 * write's journal line be found from the entities it touched instead of by comparing every
 * entity of the account (which made CreateUser slower with every user, under IAM's write lock).
 * Each {@link EntityMap} records into one of these in all of its mutators.
 */
final class TouchedKeys {
    private final Set<String> keys = new LinkedHashSet<>();

    void add(Object key) {
        if (key instanceof String name) {
            keys.add(name);
        }
    }

    void addAll(Collection<String> names) {
        keys.addAll(names);
    }

    void addAll(Map<? extends String, ?> map) {
        keys.addAll(map.keySet());
    }

    /** The keys touched since the last call, in the order first touched. */
    List<String> take() {
        List<String> taken = new ArrayList<>(keys);
        keys.clear();
        return taken;
    }

    void clear() {
        keys.clear();
    }
}
