package io.awstutor.sandbox.iam.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * One operator applied to one condition key, e.g. {@code "ForAnyValue:StringLikeIfExists":
 * {"aws:TagKeys": ["env*"]}}. Several values of one key are ORed; the statement ANDs its
 * conditions. Semantics follow "IAM JSON policy elements: Condition operators" and
 * "Single-valued vs. multivalued context keys":
 * <ul>
 * <li>key absent: false, except IfExists (true), negated operators (true: "If the key that you
 * specify ... is not present ... StringNotLike ... the condition is true"), ForAllValues (true,
 * vacuously) and Null;</li>
 * <li>ForAnyValue: some request value passes; ForAllValues: every request value passes;
 * without a qualifier a positive operator passes when any request value matches any policy
 * value, a negated one when none does.</li>
 * </ul>
 */
final class Condition {
    enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    private final String operatorText;
    private final ConditionOperator operator;
    private final Qualifier qualifier;
    private final boolean ifExists;
    private final String key;
    private final String lowerKey;
    private final List<Template> values;
    /** Compiled tests when no value holds a policy variable; null otherwise. */
    private final List<Predicate<String>> compiled;

    Condition(String operatorText, ConditionOperator operator, Qualifier qualifier, boolean ifExists,
              String key, List<Template> values) {
        this.operatorText = operatorText;
        this.operator = operator;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
        this.key = key;
        this.lowerKey = key.toLowerCase(Locale.ROOT);
        this.values = List.copyOf(values);
        if (operator.isNull() || values.stream().allMatch(Template::isConstant)) {
            this.compiled = operator.isNull() ? List.of() : compile(values, null);
        } else {
            this.compiled = null;
        }
    }

    private List<Predicate<String>> compile(List<Template> templates, RequestContext ctx) {
        List<Predicate<String>> out = new ArrayList<>(templates.size());
        for (Template t : templates) {
            int[] tokens = ctx == null ? t.constantTokens() : t.resolve(ctx);
            if (tokens == null) continue; // an undefined variable: that value matches nothing
            out.add(operator.compile(tokens));
        }
        return out;
    }

    String operatorText() { return operatorText; }
    String key() { return key; }

    boolean test(RequestContext ctx) {
        List<String> present = ctx.values(key, lowerKey);
        if (operator.isNull()) {
            return testNull(present);
        }
        if (present == null) {
            if (ifExists) return true;
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> operator.negated();
            };
        }
        List<Predicate<String>> tests = compiled != null ? compiled : compile(values, ctx);
        return switch (qualifier) {
            case NONE -> anyMatches(present, tests) != operator.negated();
            case FOR_ANY_VALUE -> {
                for (String v : present) {
                    if (matchesOne(v, tests) != operator.negated()) yield true;
                }
                yield false;
            }
            case FOR_ALL_VALUES -> {
                for (String v : present) {
                    if (matchesOne(v, tests) == operator.negated()) yield false;
                }
                yield true;
            }
        };
    }

    /** {@code "Null": {"k": "true"}} holds when k is absent; "false" when it is present. */
    private boolean testNull(List<String> present) {
        boolean absent = present == null;
        for (Template t : values) {
            String v = t.source().trim();
            if (v.equalsIgnoreCase("true") && absent) return true;
            if (v.equalsIgnoreCase("false") && !absent) return true;
        }
        return false;
    }

    private static boolean anyMatches(List<String> present, List<Predicate<String>> tests) {
        for (String v : present) {
            if (matchesOne(v, tests)) return true;
        }
        return false;
    }

    private static boolean matchesOne(String value, List<Predicate<String>> tests) {
        if (value == null) return false;
        for (Predicate<String> t : tests) {
            if (t.test(value)) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return operatorText + " " + key + " " + values;
    }
}
