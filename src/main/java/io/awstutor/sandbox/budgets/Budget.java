package io.awstutor.sandbox.budgets;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A budget as its owner defined it: a COST or USAGE limit per DAILY, MONTHLY, QUARTERLY or
 * ANNUALLY period, over the spend its filters select ({@code costFilters} as AWS's legacy
 * map such as {@code Service → [Amazon Elastic Compute Cloud - Compute]}, or the JSON of a
 * {@code FilterExpression}).
 */
public record Budget(String name, String limitAmount, String limitUnit, String timeUnit, String budgetType,
                     Map<String, List<String>> costFilters, Optional<String> filterExpressionJson,
                     Instant periodStart, Instant periodEnd, Instant lastUpdated) {

    public double limit() {
        return Double.parseDouble(limitAmount);
    }
}
