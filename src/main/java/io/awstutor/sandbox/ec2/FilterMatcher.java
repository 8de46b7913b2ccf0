package io.awstutor.sandbox.ec2;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The filter names one resource type understands and how to read each from a resource.
 * {@code tag:Key}, {@code tag-key} and {@code tag-value} work for every type that has tags.
 * An unknown name is refused as AWS refuses it.
 */
public final class FilterMatcher<T> {
    private final Map<String, Function<T, Collection<String>>> attributes;
    private final Function<T, Map<String, String>> tags;

    public FilterMatcher(Map<String, Function<T, Collection<String>>> attributes, Function<T, Map<String, String>> tags) {
        this.attributes = attributes;
        this.tags = tags;
    }

    public Predicate<T> predicate(List<Ec2Filter> filters) {
        if (filters.isEmpty()) {
            return t -> true;
        }
        List<Predicate<T>> checks = new java.util.ArrayList<>();
        for (Ec2Filter filter : filters) {
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

    private Predicate<T> check(Ec2Filter filter) {
        String name = filter.name();
        if (name == null || name.isEmpty()) {
            throw Ec2Errors.invalidParameterValue("The filter 'null' is invalid");
        }
        if (tags != null && name.startsWith("tag:")) {
            String key = name.substring(4);
            return t -> {
                String value = tags.apply(t).get(key);
                return value != null && filter.matchesAny(List.of(value));
            };
        }
        if (tags != null && name.equals("tag-key")) {
            return t -> filter.matchesAny(tags.apply(t).keySet());
        }
        if (tags != null && name.equals("tag-value")) {
            return t -> filter.matchesAny(tags.apply(t).values());
        }
        Function<T, Collection<String>> attribute = attributes.get(name);
        if (attribute == null) {
            throw Ec2Errors.invalidParameterValue("The filter '" + name + "' is invalid");
        }
        return t -> filter.matchesAny(attribute.apply(t));
    }

    /**
     * Keeps, in place, the items a Describe call names (each must exist, else {@code notFound}
     * of the first missing id) that pass the filters: the selection every Describe of derived
     * resources (route tables, interfaces, volumes, gateways) makes.
     */
    public void keepNamedAndMatching(List<T> items, Function<T, String> id, List<String> ids, List<Ec2Filter> filters,
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
