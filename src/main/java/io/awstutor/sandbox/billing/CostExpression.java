package io.awstutor.sandbox.billing;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.JsonInput;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Cost Explorer's filter {@code Expression} (shared by Budgets' {@code FilterExpression}):
 * {@code And}, {@code Or}, {@code Not}, {@code Dimensions} and {@code Tags}, each
 * dimension matched with its {@code MatchOptions} (EQUALS by default).
 */
public final class CostExpression {
    private CostExpression() {
    }

    /** A filter that lets everything through. */
    public static Predicate<CostLine> all() {
        return line -> true;
    }

    public static Predicate<CostLine> parse(JsonInput expression) {
        if (expression.has("And")) {
            return expression.list("And").stream().map(CostExpression::parse).reduce(all(), Predicate::and);
        }
        if (expression.has("Or")) {
            return expression.list("Or").stream().map(CostExpression::parse).reduce(line -> false, Predicate::or);
        }
        if (expression.has("Not")) {
            return parse(expression.member("Not")).negate();
        }
        if (expression.has("Dimensions")) {
            JsonInput d = expression.member("Dimensions");
            String key = d.requiredString("Key");
            return matcher(d, line -> dimension(line, key));
        }
        if (expression.has("Tags")) {
            JsonInput t = expression.member("Tags");
            String key = t.requiredString("Key");
            return matcher(t, line -> line.tags().getOrDefault(key, ""));
        }
        throw expression.invalid("The filter expression must have one of And, Or, Not, Dimensions or Tags.");
    }

    private static Predicate<CostLine> matcher(JsonInput values, java.util.function.Function<CostLine, String> field) {
        List<String> wanted = values.strings("Values");
        List<String> options = values.strings("MatchOptions");
        boolean ignoreCase = options.contains("CASE_INSENSITIVE");
        return line -> {
            String actual = field.apply(line);
            for (String option : options.isEmpty() ? List.of("EQUALS") : options) {
                boolean hit = switch (option) {
                    case "ABSENT" -> actual.isEmpty();
                    case "STARTS_WITH" -> wanted.stream().anyMatch(w -> fold(actual, ignoreCase).startsWith(fold(w, ignoreCase)));
                    case "ENDS_WITH" -> wanted.stream().anyMatch(w -> fold(actual, ignoreCase).endsWith(fold(w, ignoreCase)));
                    case "CONTAINS" -> wanted.stream().anyMatch(w -> fold(actual, ignoreCase).contains(fold(w, ignoreCase)));
                    case "CASE_SENSITIVE", "CASE_INSENSITIVE", "EQUALS" -> wanted.stream().anyMatch(w -> fold(actual, ignoreCase).equals(fold(w, ignoreCase)));
                    default -> throw AwsException.badRequest("ValidationException", "Unsupported MatchOptions " + option);
                };
                if (hit) {
                    return true;
                }
            }
            return false;
        };
    }

    private static String fold(String s, boolean ignoreCase) {
        return ignoreCase ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** A cost line's value of a Cost Explorer dimension; an unknown dimension is refused. */
    public static String dimension(CostLine line, String key) {
        return switch (key) {
            case "SERVICE" -> line.service();
            case "SERVICE_CODE" -> line.serviceCode();
            case "USAGE_TYPE" -> line.usageType();
            case "REGION" -> line.region();
            case "LINKED_ACCOUNT" -> line.account();
            case "RECORD_TYPE" -> "Usage";
            case "RESOURCE_ID" -> line.resourceId();
            case "INSTANCE_TYPE" -> line.usageType().contains("Usage:") ? line.usageType().substring(line.usageType().indexOf("Usage:") + 6) : "";
            case "PURCHASE_TYPE" -> "On Demand Instances";
            default -> throw AwsException.badRequest("ValidationException", "The awstutor sandbox's Cost Explorer groups and filters by "
                    + "SERVICE, SERVICE_CODE, USAGE_TYPE, REGION, LINKED_ACCOUNT, RECORD_TYPE, RESOURCE_ID, INSTANCE_TYPE and "
                    + "PURCHASE_TYPE, not " + key + ".");
        };
    }
}
