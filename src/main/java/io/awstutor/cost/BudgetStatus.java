package io.awstutor.cost;

import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.target.AwsJsonClient;
import io.awstutor.target.ClientFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code /cost} says of the account's budgets: each one's spend against its limit and,
 * for a notification in ALARM, that its alert was sent. Budgets' API is free on AWS too.
 */
public final class BudgetStatus {
    private BudgetStatus() {
    }

    /** One line per budget; none when the account has none or its budgets cannot be read. */
    public static List<String> lines(ClientFactory clients, String account) {
        List<String> lines = new ArrayList<>();
        try {
            AwsJsonClient budgets = clients.budgets();
            for (JsonNode b : budgets.call("DescribeBudgets", Map.of("AccountId", account)).path("Budgets")) {
                String name = b.path("BudgetName").asText();
                String unit = b.at("/BudgetLimit/Unit").asText();
                StringBuilder line = new StringBuilder("Budget " + name + ": " + b.at("/CalculatedSpend/ActualSpend/Amount").asText()
                        + " of " + b.at("/BudgetLimit/Amount").asText() + " " + unit + " " + b.path("TimeUnit").asText().toLowerCase(java.util.Locale.ROOT)
                        + ", forecast " + b.at("/CalculatedSpend/ForecastedSpend/Amount").asText());
                for (JsonNode n : budgets.call("DescribeNotificationsForBudget", Map.of("AccountId", account, "BudgetName", name))
                        .path("Notifications")) {
                    if ("ALARM".equals(n.path("NotificationState").asText())) {
                        line.append("; ⚠ alert sent: ").append(n.path("NotificationType").asText().toLowerCase(java.util.Locale.ROOT))
                                .append(" over ").append(n.path("Threshold").asText())
                                .append("ABSOLUTE_VALUE".equals(n.path("ThresholdType").asText()) ? " " + unit : "%");
                    }
                }
                lines.add(line.toString());
            }
        } catch (RuntimeException unreadable) {
            // no permission to read budgets, or a target without Budgets: /cost says nothing of them
        }
        return lines;
    }
}
