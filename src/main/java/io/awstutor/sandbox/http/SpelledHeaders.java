package io.awstutor.sandbox.http;

import com.sun.net.httpserver.Headers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Response headers that reach the wire spelled as the sandbox wrote them ({@code X-Cache},
 * {@code Content-Type}, {@code x-amz-request-id}), as AWS sends them, instead of the JDK's
 * {@code X-cache} and {@code Content-type}. Names still match case-insensitively, as HTTP
 * wants, and the first spelling of a name is the one kept.
 *
 * <p>The JDK server writes a response's headers by iterating the exchange's {@link Headers}
 * through {@link #entrySet()}; {@link HeaderSpelling} puts one of these in its place. Every
 * method of the map is overridden, so the superclass's own (normalising) map stays empty.
 */
final class SpelledHeaders extends Headers {
    /** The names the JDK server adds itself, in its spelling, and as AWS spells them. */
    private static final Map<String, String> SERVER_NAMES = Map.of(
            "Content-length", "Content-Length",
            "Transfer-encoding", "Transfer-Encoding");

    private final TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private static String spelled(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '\r' || c == '\n' || c == ':' || c <= ' ')) {
            throw new IllegalArgumentException("illegal header name: " + name);
        }
        return SERVER_NAMES.getOrDefault(name, name);
    }

    /** As the JDK checks: a line break only as folding, never as a way to start a new header. */
    private static List<String> checked(List<String> values) {
        for (String value : values) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n') {
                    boolean folded = c == '\r' && i + 2 < value.length() && value.charAt(i + 1) == '\n'
                            && (value.charAt(i + 2) == ' ' || value.charAt(i + 2) == '\t');
                    if (!folded) {
                        throw new IllegalArgumentException("illegal character in header value");
                    }
                    i++;
                }
            }
        }
        return values;
    }

    @Override
    public int size() {
        return byName.size();
    }

    @Override
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && byName.containsKey(name);
    }

    @Override
    public boolean containsValue(Object value) {
        return byName.containsValue(value);
    }

    @Override
    public List<String> get(Object key) {
        return key instanceof String name ? byName.get(name) : null;
    }

    @Override
    public String getFirst(String key) {
        List<String> values = get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public List<String> put(String key, List<String> value) {
        return byName.put(spelled(key), checked(value));
    }

    @Override
    public void add(String key, String value) {
        checked(List.of(value));
        byName.computeIfAbsent(spelled(key), k -> new ArrayList<>()).add(value);
    }

    @Override
    public void set(String key, String value) {
        List<String> values = new ArrayList<>();
        values.add(value);
        put(key, values);
    }

    @Override
    public List<String> remove(Object key) {
        return key instanceof String name ? byName.remove(name) : null;
    }

    @Override
    public void putAll(Map<? extends String, ? extends List<String>> headers) {
        headers.forEach(this::put);
    }

    @Override
    public void clear() {
        byName.clear();
    }

    @Override
    public Set<String> keySet() {
        return byName.keySet();
    }

    @Override
    public Collection<List<String>> values() {
        return byName.values();
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
        return byName.entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpelledHeaders spelled && byName.equals(spelled.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    @Override
    public String toString() {
        return byName.toString();
    }
}
