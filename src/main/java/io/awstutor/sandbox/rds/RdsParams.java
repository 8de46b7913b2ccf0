package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.protocol.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RDS's query parameters. RDS lists name their members after the model's
 * locationName ({@code VpcSecurityGroupIds.VpcSecurityGroupId.1}, {@code Tags.Tag.1.Key},
 * {@code Filters.Filter.1.Values.Value.1}); {@code .member.N} is accepted as well.
 */
final class RdsParams {
    /** RDS's filters: exact values (no wildcards); an unknown name is refused rather than silently matching everything. */
    static final FilterMatcher.Dialect FILTERS = new FilterMatcher.Dialect(false,
            name -> RdsErrors.invalidValue("Unrecognized filter name: " + name + "."));

    private RdsParams() {
    }

    static List<String> list(QueryParams params, String name, String memberName) {
        List<String> values = new ArrayList<>(params.list(name + "." + memberName));
        values.addAll(params.list(name));
        return values;
    }

    static List<QueryParams> structs(QueryParams params, String name, String memberName) {
        List<QueryParams> values = new ArrayList<>(params.structs(name + "." + memberName));
        values.addAll(params.structs(name));
        return values;
    }

    static Map<String, String> tags(QueryParams params) {
        List<Tag> tags = new ArrayList<>();
        for (QueryParams tag : structs(params, "Tags", "Tag")) {
            tags.add(new Tag(tag.get("Key"), tag.get("Value")));
        }
        return RdsTagRules.RULES.requested(tags);
    }

    /** Filters.Filter.N.Name / .Values.Value.M, as name to values. */
    static Map<String, List<String>> filters(QueryParams params) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (QueryParams filter : structs(params, "Filters", "Filter")) {
            String name = filter.get("Name");
            if (name == null) {
                throw RdsErrors.invalidValue("The parameter Filter.Name must be provided and must not be blank.");
            }
            filters.computeIfAbsent(name, k -> new ArrayList<>()).addAll(list(filter, "Values", "Value"));
        }
        return filters;
    }

    /** The filters as the shared matcher takes them: values given under one name are one filter. */
    static List<Filter> filterList(Map<String, List<String>> filters) {
        List<Filter> list = new ArrayList<>();
        filters.forEach((name, values) -> list.add(new Filter(name, values)));
        return list;
    }

    static Integer integer(QueryParams params, String name) {
        return params.integer(name).orElse(null);
    }

    static Boolean bool(QueryParams params, String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RdsErrors.invalidValue("Invalid boolean value " + value + " for parameter " + name + ".");
        };
    }

    static boolean flag(QueryParams params, String name) {
        return Boolean.TRUE.equals(bool(params, name));
    }

    static Double decimal(QueryParams params, String name) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw RdsErrors.invalidValue("Invalid value " + value + " for parameter " + name + ".");
        }
    }

    /** An empty string counts as absent, as RDS treats optional identifiers. */
    static String optional(QueryParams params, String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
