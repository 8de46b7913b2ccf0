package io.awstutor.sandbox.iam;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * An account's map of one kind of entity that knows the keys it was changed at since they were
 * last taken ({@link #takeTouched}): what lets a write's journal line be found from the entities
 * it touched instead of by comparing every entity of the account (which made CreateUser slower
 * with every user, under IAM's write lock). Every change goes through {@link #put}, {@link #remove},
 * {@link #clear} or {@link #replaceAll} (Map's other mutators are built on the first two), and the
 * views are read-only, so no change can go around the record; with assertions on (the tests),
 * IamChange also checks each record against a comparison of the whole maps.
 */
final class EntityMap<V> extends AbstractMap<String, V> {
    private final Map<String, V> entities;
    private final Map<String, V> readOnly;
    private final boolean sorted;
    private final Set<String> touched = new LinkedHashSet<>();

    private EntityMap(Map<String, V> entities, boolean sorted) {
        this.entities = entities;
        this.readOnly = Collections.unmodifiableMap(entities);
        this.sorted = sorted;
    }

    /** Keyed by the lower-cased name, sorted: the order IAM lists users, groups, roles ... in. */
    static <V> EntityMap<V> sorted() {
        return new EntityMap<>(new TreeMap<>(), true);
    }

    /** In the order the entities were made: the order IAM lists access keys in. */
    static <V> EntityMap<V> ordered() {
        return new EntityMap<>(new LinkedHashMap<>(), false);
    }

    boolean isSorted() {
        return sorted;
    }

    /** The keys changed since the last call, in the order first changed. */
    List<String> takeTouched() {
        List<String> taken = new ArrayList<>(touched);
        touched.clear();
        return taken;
    }

    void forgetTouched() {
        touched.clear();
    }

    @Override
    public V put(String key, V value) {
        touched.add(key);
        return entities.put(key, value);
    }

    @Override
    public V remove(Object key) {
        if (key instanceof String name) {
            touched.add(name);
        }
        return entities.remove(key);
    }

    @Override
    public void clear() {
        touched.addAll(entities.keySet());
        entities.clear();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
        touched.addAll(entities.keySet());
        entities.replaceAll(function);
    }

    @Override
    public V get(Object key) {
        return entities.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entities.containsKey(key);
    }

    @Override
    public int size() {
        return entities.size();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        entities.forEach(action);
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return readOnly.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return readOnly.keySet();
    }

    @Override
    public java.util.Collection<V> values() {
        return readOnly.values();
    }
}
