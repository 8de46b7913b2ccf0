package io.awstutor.sandbox.protocol;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Describe* filters of EC2 and RDS, one matcher: the filter names one resource type
 * understands and how to read each from a resource. Every filter must match (each matches when
 * any of its values does). {@code tag:Key}, {@code tag-key} and {@code tag-value} work for every
 * type that has tags. What differs per service is its {@link Dialect}: whether values take
 * wildcards, and how an unknown filter name is refused.
 */
public final class FilterMatcher<T> {
    /** A service's reading of filters: wildcards or not, and its error for a name it does not know (null: no name). */
    public record Dialect(boolean wildcards, Function<String, AwsException> unknownName) {
    }

    private final Dialect dialect;
    private final Map<String, Function<T, Collection<String>>> attributes;
    private final Function<T, Map<String, String>> tags;

    public FilterMatcher(Dialect dialect, Map<String, Function<T, Collection<String>>> attributes,
                         Function<T, Map<String, String>> tags) {
        this.dialect = dialect;
        this.attributes = attributes;
        this.tags = tags;
    }

    public Predicate<T> predicate(List<Filter> filters) {
        if (filters.isEmpty()) {
            return t -> true;
        }
        List<Predicate<T>> checks = new java.util.ArrayList<>();
        for (Filter filter : filters) {
            checks.add(check(filter));
        }
        return t -> {
            for (Predicate<T> check : checks) {
                if (!check.test(t)) {
                    return false;
                }
            }
            return true;
        };
    }

    private Predicate<T> check(Filter filter) {
        String name = filter.name();
        if (name == null || name.isEmpty()) {
            throw dialect.unknownName().apply(null);
        }
        if (tags != null && name.startsWith("tag:")) {
            String key = name.substring(4);
            return t -> {
                String value = tags.apply(t).get(key);
                return value != null && filter.matchesAny(List.of(value), dialect.wildcards());
            };
        }
        if (tags != null && name.equals("tag-key")) {
            return t -> filter.matchesAny(tags.apply(t).keySet(), dialect.wildcards());
        }
        if (tags != null && name.equals("tag-value")) {
            return t -> filter.matchesAny(tags.apply(t).values(), dialect.wildcards());
        }
        Function<T, Collection<String>> attribute = attributes.get(name);
        if (attribute == null) {
            throw dialect.unknownName().apply(name);
        }
        return t -> filter.matchesAny(attribute.apply(t), dialect.wildcards());
    }

    /**
     * Keeps, in place, the items a Describe call names (each must exist, else {@code notFound}
     * of the first missing id) that pass the filters: the selection every Describe of derived
     * resources (route tables, interfaces, volumes, gateways) makes.
     */
    public void keepNamedAndMatching(List<T> items, Function<T, String> id, List<String> ids, List<Filter> filters,
                                     Function<String, RuntimeException> notFound) {
        Predicate<T> predicate = predicate(filters);
        for (String wanted : ids) {
            if (items.stream().noneMatch(t -> id.apply(t).equals(wanted))) {
                throw notFound.apply(wanted);
            }
        }
        items.removeIf(t -> !ids.isEmpty() && !ids.contains(id.apply(t)) || !predicate.test(t));
    }

    /** Helper for single-valued attributes. */
    public static <T> Function<T, Collection<String>> one(Function<T, Object> read) {
        return t -> {
            Object value = read.apply(t);
            return value == null ? List.of() : List.of(String.valueOf(value));
        };
    }
}
