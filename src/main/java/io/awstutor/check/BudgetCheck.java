package io.awstutor.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.target.AwsJsonClient;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.Map;
import java.util.Optional;

/**
 * A budget of the account exists (with that limit, and a notification at that threshold
 * percentage), or has alerted: {@code budget: {name: ${prefix}-monthly, limit: 5, threshold: 80}}
 * or {@code budget: {name: ${prefix}-monthly, alarm: true}} (one of its notifications is in
 * ALARM: its threshold was crossed and its subscribers were told).
 */
public record BudgetCheck(String name, Optional<String> limit, Optional<Integer> threshold, boolean alarm) implements Check {

    static BudgetCheck parse(Object value) {
        Spec spec = Spec.of("budget", value, "name", "limit", "threshold", "alarm");
        return new BudgetCheck(spec.required("name"), spec.optional("limit"), spec.integer("threshold"), spec.bool("alarm").orElse(false));
    }

    @Override
    public Verdict run(CheckContext context) {
        String budgetName = context.substitute(name);
        String account = context.clients().sts().getCallerIdentity().account();
        AwsJsonClient budgets = context.clients().budgets();
        JsonNode budget;
        try {
            budget = budgets.call("DescribeBudget", Map.of("AccountId", account, "BudgetName", budgetName)).path("Budget");
        } catch (AwsServiceException e) {
            if ("NotFoundException".equals(e.awsErrorDetails().errorCode())) {
                return Verdict.fail("There is no budget named " + budgetName + " yet: create it with budgets.call(\"CreateBudget\", …).");
            }
            throw e;
        }
        if (limit.isPresent() && Double.parseDouble(budget.at("/BudgetLimit/Amount").asText("0")) != Double.parseDouble(limit.get())) {
            return Verdict.fail("The budget " + budgetName + " is for " + budget.at("/BudgetLimit/Amount").asText() + " "
                    + budget.at("/BudgetLimit/Unit").asText() + ", not " + limit.get() + ".");
        }
        JsonNode notifications = budgets.call("DescribeNotificationsForBudget", Map.of("AccountId", account, "BudgetName", budgetName))
                .path("Notifications");
        if (threshold.isPresent()) {
            boolean found = false;
            for (JsonNode n : notifications) {
                found |= n.path("Threshold").asDouble() == threshold.get() && !"ABSOLUTE_VALUE".equals(n.path("ThresholdType").asText());
            }
            if (!found) {
                return Verdict.fail("The budget " + budgetName + " has no notification at " + threshold.get()
                        + "% yet: add one (NotificationsWithSubscribers, or CreateNotification) with an EMAIL subscriber.");
            }
        }
        if (alarm) {
            for (JsonNode n : notifications) {
                if ("ALARM".equals(n.path("NotificationState").asText())) {
                    return Verdict.pass("budget " + budgetName + " has alerted (" + n.path("NotificationType").asText() + " over "
                            + n.path("Threshold").asText() + "%)");
                }
            }
            return Verdict.fail("The budget " + budgetName + " has not alerted yet: its spend ("
                    + budget.at("/CalculatedSpend/ActualSpend/Amount").asText() + ", forecast "
                    + budget.at("/CalculatedSpend/ForecastedSpend/Amount").asText() + ") is below every threshold.");
        }
        return Verdict.pass(describe());
    }

    @Override
    public String describe() {
        return "budget " + name + limit.map(l -> " of " + l).orElse("") + threshold.map(t -> " alerting at " + t + "%").orElse("")
                + (alarm ? " in alarm" : "");
    }
}
