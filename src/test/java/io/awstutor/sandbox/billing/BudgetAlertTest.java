package io.awstutor.sandbox.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.target.AwsJsonClient;
import io.awstutor.target.JsonApi;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A budget's alert e-mail lands in the SES mailbox once per crossing of its threshold. */
class BudgetAlertTest {
    private static final String ACCOUNT = "000000000000";
    private static final Map<String, Object> ACTUAL_80 = Map.of("NotificationType", "ACTUAL", "ComparisonOperator", "GREATER_THAN",
            "Threshold", 80, "ThresholdType", "PERCENTAGE");

    private static List<JsonNode> alerts(BillingCalls calls) {
        List<JsonNode> out = new ArrayList<>();
        calls.mailbox().forEach(m -> {
            if (m.path("Source").asText().equals("no-reply@budgets.amazonaws.com")) {
                out.add(m);
            }
        });
        return out;
    }

    private static Map<String, Object> budget(String amount) {
        return Map.of("BudgetName", "monthly", "BudgetLimit", Map.of("Amount", amount, "Unit", "USD"), "TimeUnit", "MONTHLY",
                "BudgetType", "COST");
    }

    @Test
    void anActualAlertArrivesOncePerCrossing() {
        try (TestSandbox box = TestSandbox.start()) {
            BillingCalls calls = new BillingCalls(box);
            String ami = box.ec2().describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            calls.startOfNextMonth();
            calls.runInstance(ami, "m5.large"); // USD 0.096 an hour
            AwsJsonClient budgets = calls.json(JsonApi.BUDGETS);
            budgets.call("CreateBudget", Map.of("AccountId", ACCOUNT, "Budget", budget("10"),
                    "NotificationsWithSubscribers", List.of(Map.of("Notification", ACTUAL_80,
                            "Subscribers", List.of(Map.of("SubscriptionType", "EMAIL", "Address", "me@example.com"))))));
            Map<String, Object> describe = Map.of("AccountId", ACCOUNT, "BudgetName", "monthly");

            box.clock().advance(Duration.ofHours(50)); // USD 4.80: below 80% of 10
            JsonNode spend = budgets.call("DescribeBudget", describe).at("/Budget/CalculatedSpend/ActualSpend/Amount");
            assertEquals(4.8, spend.asDouble(), 0.001);
            assertEquals(0, alerts(calls).size());

            box.clock().advance(Duration.ofHours(40)); // USD 8.64: crossed
            budgets.call("DescribeBudget", describe);
            List<JsonNode> first = alerts(calls);
            assertEquals(1, first.size(), first.toString());
            assertEquals("AWS Budgets: monthly has exceeded your alert threshold", first.get(0).path("Subject").asText());
            assertTrue(first.get(0).at("/Destination/ToAddresses").toString().contains("me@example.com"));
            assertTrue(first.get(0).at("/Body/text_part").asText().contains("Actual amount: 8.64"), first.get(0).toString());
            assertEquals("ALARM", budgets.call("DescribeNotificationsForBudget", describe).at("/Notifications/0/NotificationState").asText());

            box.clock().advance(Duration.ofHours(10)); // still above: no second mail
            budgets.call("DescribeBudget", describe);
            budgets.call("DescribeBudgets", Map.of("AccountId", ACCOUNT));
            assertEquals(1, alerts(calls).size());

            budgets.call("UpdateBudget", Map.of("AccountId", ACCOUNT, "NewBudget", budget("20"))); // 80% is now 16: below again
            assertEquals("OK", budgets.call("DescribeNotificationsForBudget", describe).at("/Notifications/0/NotificationState").asText());
            box.clock().advance(Duration.ofHours(80)); // USD 17.28: crossed again
            budgets.call("DescribeBudget", describe);
            assertEquals(2, alerts(calls).size());
        }
    }

    @Test
    void aForecastAlertArrivesAsSoonAsTheRunRateWillCrossAndBudgetsRefuseWhatAwsRefuses() {
        try (TestSandbox box = TestSandbox.start()) {
            BillingCalls calls = new BillingCalls(box);
            String ami = box.ec2().describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            calls.startOfNextMonth();
            calls.runInstance(ami, "t3.micro"); // USD 7.59 over a month
            AwsJsonClient budgets = calls.json(JsonApi.BUDGETS);
            budgets.call("CreateBudget", Map.of("AccountId", ACCOUNT, "Budget", budget("5")));
            budgets.call("CreateNotification", Map.of("AccountId", ACCOUNT, "BudgetName", "monthly",
                    "Notification", Map.of("NotificationType", "FORECASTED", "ComparisonOperator", "GREATER_THAN", "Threshold", 100),
                    "Subscribers", List.of(Map.of("SubscriptionType", "EMAIL", "Address", "me@example.com"))));
            List<JsonNode> mails = alerts(calls);
            assertEquals(1, mails.size(), mails.toString());
            assertEquals("AWS Budgets: monthly is forecasted to exceed your alert threshold", mails.get(0).path("Subject").asText());
            JsonNode forecast = budgets.call("DescribeBudget", Map.of("AccountId", ACCOUNT, "BudgetName", "monthly"))
                    .at("/Budget/CalculatedSpend/ForecastedSpend/Amount");
            assertTrue(forecast.asDouble() > 7, forecast.toString());

            AwsServiceException duplicate = assertThrows(AwsServiceException.class,
                    () -> budgets.call("CreateBudget", Map.of("AccountId", ACCOUNT, "Budget", budget("5"))));
            assertEquals("DuplicateRecordException", duplicate.awsErrorDetails().errorCode());
            AwsServiceException missing = assertThrows(AwsServiceException.class,
                    () -> budgets.call("DescribeBudget", Map.of("AccountId", ACCOUNT, "BudgetName", "nope")));
            assertEquals("NotFoundException", missing.awsErrorDetails().errorCode());
            AwsServiceException other = assertThrows(AwsServiceException.class,
                    () -> budgets.call("DescribeBudgets", Map.of("AccountId", "123456789012")));
            assertEquals("AccessDeniedException", other.awsErrorDetails().errorCode());
        }
    }
}
