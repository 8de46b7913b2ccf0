package io.awstutor.sandbox.iam;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An account's map of one kind of entity that knows which keys were changed since last asked
 * ({@link #touched}). Every mutator records its key; the views are read-only, so no change can
 * go around the record (IamChange's tests compare the record with a walk of the whole map).
 */
sealed interface EntityMap<V> extends Map<String, V> permits EntityMap.Sorted, EntityMap.Ordered {

    TouchedKeys touched();

    /** Keyed by the lower-cased name, sorted: the order IAM lists entities in. */
    final class Sorted<V> extends TreeMap<String, V> implements EntityMap<V> {
        private static final long serialVersionUID = 1L;
        private final transient TouchedKeys touched = new TouchedKeys();

        @Override
        public TouchedKeys touched() {
            return touched;
        }

        @Override
        public V put(String key, V value) {
            touched.add(key);
            return super.put(key, value);
        }

        @Override
        public void putAll(Map<? extends String, ? extends V> map) {
            touched.addAll(map);
            super.putAll(map);
        }

        @Override
        public V remove(Object key) {
            touched.add(key);
            return super.remove(key);
        }

        @Override
        public void clear() {
            touched.addAll(keySet());
            super.clear();
        }

        @Override
        public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
            touched.addAll(keySet());
            super.replaceAll(function);
        }

        @Override
        public V putIfAbsent(String key, V value) {
            touched.add(key);
            return super.putIfAbsent(key, value);
        }

        @Override
        public boolean remove(Object key, Object value) {
            touched.add(key);
            return super.remove(key, value);
        }

        @Override
        public boolean replace(String key, V oldValue, V newValue) {
            touched.add(key);
            return super.replace(key, oldValue, newValue);
        }

        @Override
        public V replace(String key, V value) {
            touched.add(key);
            return super.replace(key, value);
        }

        @Override
        public V computeIfAbsent(String key, Function<? super String, ? extends V> function) {
            touched.add(key);
            return super.computeIfAbsent(key, function);
        }

        @Override
        public V computeIfPresent(String key, BiFunction<? super String, ? super V, ? extends V> function) {
            touched.add(key);
            return super.computeIfPresent(key, function);
        }

        @Override
        public V compute(String key, BiFunction<? super String, ? super V, ? extends V> function) {
            touched.add(key);
            return super.compute(key, function);
        }

        @Override
        public V merge(String key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
            touched.add(key);
            return super.merge(key, value, function);
        }

        @Override
        public Map.Entry<String, V> pollFirstEntry() {
            throw new UnsupportedOperationException("IAM entities are removed by key");
        }

        @Override
        public Map.Entry<String, V> pollLastEntry() {
            throw new UnsupportedOperationException("IAM entities are removed by key");
        }

        @Override
        public Set<String> keySet() {
            return Collections.unmodifiableSet(super.keySet());
        }

        @Override
        public NavigableSet<String> navigableKeySet() {
            return Collections.unmodifiableNavigableSet(super.navigableKeySet());
        }

        @Override
        public NavigableSet<String> descendingKeySet() {
            return Collections.unmodifiableNavigableSet(super.descendingKeySet());
        }

        @Override
        public Collection<V> values() {
            return Collections.unmodifiableCollection(super.values());
        }

        @Override
        public Set<Map.Entry<String, V>> entrySet() {
            return Collections.unmodifiableSet(super.entrySet());
        }

        @Override
        public NavigableMap<String, V> descendingMap() {
            return Collections.unmodifiableNavigableMap(super.descendingMap());
        }

        @Override
        public NavigableMap<String, V> subMap(String from, boolean fromInclusive, String to, boolean toInclusive) {
            return Collections.unmodifiableNavigableMap(super.subMap(from, fromInclusive, to, toInclusive));
        }

        @Override
        public NavigableMap<String, V> headMap(String to, boolean inclusive) {
            return Collections.unmodifiableNavigableMap(super.headMap(to, inclusive));
        }

        @Override
        public NavigableMap<String, V> tailMap(String from, boolean inclusive) {
            return Collections.unmodifiableNavigableMap(super.tailMap(from, inclusive));
        }

        @Override
        public SortedMap<String, V> subMap(String from, String to) {
            return subMap(from, true, to, false);
        }

        @Override
        public SortedMap<String, V> headMap(String to) {
            return headMap(to, false);
        }

        @Override
        public SortedMap<String, V> tailMap(String from) {
            return tailMap(from, true);
        }
    }

    /** In the order the entities were made (access keys: the order IAM lists them in). */
    final class Ordered<V> extends LinkedHashMap<String, V> implements EntityMap<V> {
        private static final long serialVersionUID = 1L;
        private final transient TouchedKeys touched = new TouchedKeys();

        @Override
        public TouchedKeys touched() {
            return touched;
        }

        @Override
        public V put(String key, V value) {
            touched.add(key);
            return super.put(key, value);
        }

        @Override
        public void putAll(Map<? extends String, ? extends V> map) {
            touched.addAll(map);
            super.putAll(map);
        }

        @Override
        public V remove(Object key) {
            touched.add(key);
            return super.remove(key);
        }

        @Override
        public void clear() {
            touched.addAll(keySet());
            super.clear();
        }

        @Override
        public void replaceAll(BiFunction<? super String, ? super V, ? extends V> function) {
            touched.addAll(keySet());
            super.replaceAll(function);
        }

        @Override
        public V putIfAbsent(String key, V value) {
            touched.add(key);
            return super.putIfAbsent(key, value);
        }

        @Override
        public boolean remove(Object key, Object value) {
            touched.add(key);
            return super.remove(key, value);
        }

        @Override
        public boolean replace(String key, V oldValue, V newValue) {
            touched.add(key);
            return super.replace(key, oldValue, newValue);
        }

        @Override
        public V replace(String key, V value) {
            touched.add(key);
            return super.replace(key, value);
        }

        @Override
        public V computeIfAbsent(String key, Function<? super String, ? extends V> function) {
            touched.add(key);
            return super.computeIfAbsent(key, function);
        }

        @Override
        public V computeIfPresent(String key, BiFunction<? super String, ? super V, ? extends V> function) {
            touched.add(key);
            return super.computeIfPresent(key, function);
        }

        @Override
        public V compute(String key, BiFunction<? super String, ? super V, ? extends V> function) {
            touched.add(key);
            return super.compute(key, function);
        }

        @Override
        public V merge(String key, V value, BiFunction<? super V, ? super V, ? extends V> function) {
            touched.add(key);
            return super.merge(key, value, function);
        }

        @Override
        public Set<String> keySet() {
            return Collections.unmodifiableSet(super.keySet());
        }

        @Override
        public Collection<V> values() {
            return Collections.unmodifiableCollection(super.values());
        }

        @Override
        public Set<Map.Entry<String, V>> entrySet() {
            return Collections.unmodifiableSet(super.entrySet());
        }
    }
}
