package io.awstutor.sandbox.iam.policy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * IAM's condition operators ("IAM JSON policy elements: Condition operators"), without the
 * ForAnyValue:/ForAllValues: qualifiers and the IfExists suffix. A negated operator (StringNotEquals,
 * NotIpAddress, ...) is its positive counterpart's comparison with the result inverted, which is
 * how AWS defines them over several policy values: true when the context value equals none of them.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING_IGNORE_CASE, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING_IGNORE_CASE, true),
    STRING_LIKE("StringLike", Family.STRING_LIKE, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING_LIKE, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC_EQ, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC_EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC_LT, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC_LE, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC_GT, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC_GE, false),
    DATE_EQUALS("DateEquals", Family.DATE_EQ, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE_EQ, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE_LT, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE_LE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE_GT, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE_GE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.STRING, false),
    IP_ADDRESS("IpAddress", Family.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    private static final Map<String, ConditionOperator> BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    static {
        for (ConditionOperator op : values()) BY_NAME.put(op.policyName, op);
    }

    private final String policyName;
    private final Family family;
    private final boolean negated;

    ConditionOperator(String policyName, Family family, boolean negated) {
        this.policyName = policyName;
        this.family = family;
        this.negated = negated;
    }

    String policyName() { return policyName; }
    boolean negated() { return negated; }
    boolean isNull() { return family == Family.NULL; }
    boolean isDate() {
        return family == Family.DATE_EQ || family == Family.DATE_LT || family == Family.DATE_LE
                || family == Family.DATE_GT || family == Family.DATE_GE;
    }
    /** Whether a policy value's {@code *} and {@code ?} are wildcards. */
    boolean usesWildcards() { return family == Family.STRING_LIKE || family == Family.ARN; }

    /** Operator names are case-insensitive in IAM (as are condition keys). */
    static ConditionOperator byName(String name) {
        return BY_NAME.get(name);
    }

    /**
     * Compiles one policy value (as wildcard tokens) into the positive test of a context value.
     * A value that is not of the operator's type (a date that does not parse) matches nothing.
     */
    Predicate<String> compile(int[] tokens) {
        String text = Values.text(tokens);
        switch (family) {
            case STRING:
                return text::equals;
            case STRING_IGNORE_CASE:
                return text::equalsIgnoreCase;
            case STRING_LIKE: {
                Glob glob = Glob.ofTokens(tokens, false);
                return glob::matches;
            }
            case ARN: {
                ArnGlob glob = ArnGlob.ofTokens(tokens);
                return glob::matches;
            }
            case BOOL: {
                String b = text.toLowerCase(Locale.ROOT);
                return v -> v.equalsIgnoreCase(b);
            }
            case NUMERIC_EQ: return numeric(text, c -> c == 0);
            case NUMERIC_LT: return numeric(text, c -> c < 0);
            case NUMERIC_LE: return numeric(text, c -> c <= 0);
            case NUMERIC_GT: return numeric(text, c -> c > 0);
            case NUMERIC_GE: return numeric(text, c -> c >= 0);
            case DATE_EQ: return date(text, c -> c == 0);
            case DATE_LT: return date(text, c -> c < 0);
            case DATE_LE: return date(text, c -> c <= 0);
            case DATE_GT: return date(text, c -> c > 0);
            case DATE_GE: return date(text, c -> c >= 0);
            case IP: {
                Values.Cidr cidr = Values.cidr(text);
                if (cidr == null) return v -> false;
                return v -> cidr.contains(v);
            }
            case NULL:
            default:
                throw new IllegalStateException("Null is not a comparison");
        }
    }

    private interface Comparison { boolean test(int compareContextToPolicy); }

    private static Predicate<String> numeric(String policyValue, Comparison cmp) {
        BigDecimal p = Values.number(policyValue);
        if (p == null) return v -> false;
        return v -> {
            BigDecimal c = Values.number(v);
            return c != null && cmp.test(c.compareTo(p));
        };
    }

    private static Predicate<String> date(String policyValue, Comparison cmp) {
        Long p = Values.epochMillis(policyValue);
        if (p == null) return v -> false;
        long pm = p;
        return v -> {
            Long c = Values.epochMillis(v);
            return c != null && cmp.test(Long.compare(c, pm));
        };
    }

    private enum Family {
        STRING, STRING_IGNORE_CASE, STRING_LIKE, NUMERIC_EQ, NUMERIC_LT, NUMERIC_LE, NUMERIC_GT, NUMERIC_GE,
        DATE_EQ, DATE_LT, DATE_LE, DATE_GT, DATE_GE, BOOL, IP, ARN, NULL
    }
}
