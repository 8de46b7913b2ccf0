package io.awstutor.sandbox.budgets;

/**
 * When a budget alerts: its ACTUAL or FORECASTED spend GREATER_THAN, LESS_THAN or EQUAL_TO
 * a threshold, a PERCENTAGE of the budgeted amount or an ABSOLUTE_VALUE. AWS identifies a
 * notification by these four values.
 */
public record Notification(String notificationType, String comparisonOperator, double threshold, String thresholdType) {

    /** The threshold in the budget's unit. */
    public double thresholdAmount(double budgeted) {
        return thresholdType.equals("ABSOLUTE_VALUE") ? threshold : budgeted * threshold / 100;
    }

    public boolean breached(double spend, double budgeted) {
        double limit = thresholdAmount(budgeted);
        return switch (comparisonOperator) {
            case "GREATER_THAN" -> spend > limit;
            case "LESS_THAN" -> spend < limit;
            default -> Math.abs(spend - limit) < 0.005;
        };
    }

    /** "> 80% (USD 4.00)" */
    String describe(double budgeted, String unit) {
        String op = switch (comparisonOperator) {
            case "GREATER_THAN" -> "> ";
            case "LESS_THAN" -> "< ";
            default -> "= ";
        };
        String amount = BudgetAmounts.format(thresholdAmount(budgeted)) + " " + unit;
        return thresholdType.equals("ABSOLUTE_VALUE") ? op + amount
                : op + BudgetAmounts.format(threshold) + "% of the budgeted amount (" + amount + ")";
    }
}
