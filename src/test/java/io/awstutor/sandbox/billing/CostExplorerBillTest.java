package io.awstutor.sandbox.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.target.AwsJsonClient;
import io.awstutor.target.JsonApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cost Explorer's bill is the sandbox's own usage times the snapshot's prices, as worked out by hand. */
class CostExplorerBillTest {

    @Test
    void aScriptedScenarioCostsWhatTheHandComputedSumSays() {
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withSesAutoVerify(true))) {
            BillingCalls calls = new BillingCalls(box);
            String ami = box.ec2().describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            Instant start = calls.startOfNextMonth();
            String instance = calls.runInstance(ami, "t3.micro");
            calls.query("rds", "CreateDBInstance", "2014-10-31", Map.of("DBInstanceIdentifier", "shop", "DBInstanceClass", "db.t3.micro",
                    "Engine", "mysql", "MasterUsername", "admin", "MasterUserPassword", "secret-123", "AllocatedStorage", "20"));
            calls.query("ses", "VerifyEmailIdentity", "2010-12-01", Map.of("EmailAddress", "me@example.com"));
            for (int i = 0; i < 3; i++) {
                calls.query("ses", "SendEmail", "2010-12-01", Map.of("Source", "me@example.com",
                        "Destination.ToAddresses.member.1", "me@example.com", "Message.Subject.Data", "hi",
                        "Message.Body.Text.Data", "message " + i));
            }
            AwsJsonClient ce = calls.json(JsonApi.COST_EXPLORER);
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            Map<String, Object> request = Map.of("TimePeriod", Map.of("Start", day.toString(), "End", day.plusDays(1).toString()),
                    "Granularity", "DAILY", "Metrics", List.of("UnblendedCost", "UsageQuantity"),
                    "GroupBy", List.of(Map.of("Type", "DIMENSION", "Key", "SERVICE")));
            ce.call("GetCostAndUsage", request); // the bill as it starts: the meter sees what runs

            box.clock().advance(Duration.ofHours(10));
            calls.query("ec2", "StopInstances", "2016-11-15", Map.of("InstanceId.1", instance));
            calls.query("rds", "DeleteDBInstance", "2014-10-31", Map.of("DBInstanceIdentifier", "shop", "SkipFinalSnapshot", "true"));
            box.clock().advance(Duration.ofHours(3)); // stopped and deleted: these hours cost nothing

            JsonNode bill = ce.call("GetCostAndUsage", request);
            Map<String, Double> byService = new HashMap<>();
            bill.at("/ResultsByTime/0/Groups").forEach(g -> byService.put(g.at("/Keys/0").asText(),
                    Double.parseDouble(g.at("/Metrics/UnblendedCost/Amount").asText())));
            double ec2 = 10 * 0.0104;                              // t3.micro, 10 hours
            double rds = 10 * 0.017 + 20 * 10 / 730.0 * 0.115;   // db.t3.micro MySQL Single-AZ, 10 hours; 20 GB for 10 hours
            double ses = 3 * 0.10 / 1000;                         // 3 messages
            assertEquals(ec2, byService.get("Amazon Elastic Compute Cloud - Compute"), 1e-5, bill.toString());
            assertEquals(rds, byService.get("Amazon Relational Database Service"), 1e-5, () -> ce.call("GetCostAndUsage", Map.of(
                    "TimePeriod", Map.of("Start", day.toString(), "End", day.plusDays(1).toString()), "Granularity", "DAILY",
                    "Metrics", List.of("UnblendedCost", "UsageQuantity"), "GroupBy", List.of(Map.of("Type", "DIMENSION", "Key", "USAGE_TYPE")))).toString());
            assertEquals(ses, byService.get("Amazon Simple Email Service"), 1e-9, bill.toString());
            assertEquals(3, byService.size(), byService.toString());

            JsonNode monthly = ce.call("GetCostAndUsage", Map.of("TimePeriod", Map.of("Start", day.toString(),
                    "End", day.plusMonths(1).toString()), "Granularity", "MONTHLY", "Metrics", List.of("UnblendedCost")));
            assertEquals(ec2 + rds + ses, Double.parseDouble(monthly.at("/ResultsByTime/0/Total/UnblendedCost/Amount").asText()), 5e-5);
            assertEquals("USD", monthly.at("/ResultsByTime/0/Total/UnblendedCost/Unit").asText());

            JsonNode byType = ce.call("GetCostAndUsage", Map.of("TimePeriod", Map.of("Start", day.toString(), "End", day.plusDays(1).toString()),
                    "Granularity", "DAILY", "Metrics", List.of("UsageQuantity"), "GroupBy", List.of(Map.of("Type", "DIMENSION", "Key", "USAGE_TYPE")),
                    "Filter", Map.of("Dimensions", Map.of("Key", "SERVICE", "Values", List.of("Amazon Elastic Compute Cloud - Compute")))));
            JsonNode hours = byType.at("/ResultsByTime/0/Groups/0");
            assertEquals("BoxUsage:t3.micro", hours.at("/Keys/0").asText(), byType.toString());
            assertEquals(10, Double.parseDouble(hours.at("/Metrics/UsageQuantity/Amount").asText()), 1e-3);
            assertEquals("Hrs", hours.at("/Metrics/UsageQuantity/Unit").asText());
        }
    }

    @Test
    void theForecastIsTheRunRateForTheRestOfThePeriod() {
        try (TestSandbox box = TestSandbox.start()) {
            BillingCalls calls = new BillingCalls(box);
            String ami = box.ec2().describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            Instant start = calls.startOfNextMonth();
            calls.runInstance(ami, "m5.large");
            LocalDate day = LocalDate.ofInstant(start, ZoneOffset.UTC);
            JsonNode forecast = calls.json(JsonApi.COST_EXPLORER).call("GetCostForecast", Map.of("TimePeriod",
                    Map.of("Start", day.toString(), "End", day.plusDays(1).toString()), "Metric", "UNBLENDED_COST", "Granularity", "DAILY"));
            // it runs from 01:00 to the end of the day: 23 hours at USD 0.096
            assertEquals(23 * 0.096, Double.parseDouble(forecast.at("/Total/Amount").asText()), 1e-3, forecast.toString());
        }
    }

    @Test
    void aScaledDayOfRunningCostsADay() throws InterruptedException {
        double scale = 0.001; // a real second is a thousand seconds here
        try (TestSandbox box = TestSandbox.start(scale)) {
            String ami = box.ec2().describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            AwsJsonClient ce = new BillingCalls(box).json(JsonApi.COST_EXPLORER);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<String, Object> request = Map.of("TimePeriod", Map.of("Start", today.toString(), "End", today.plusDays(1).toString()),
                    "Granularity", "DAILY", "Metrics", List.of("UsageQuantity"));
            long before = System.nanoTime();
            box.ec2().runInstances(b -> b.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1));
            Thread.sleep(1500);
            ce.call("GetCostAndUsage", request);
            double elapsedHours = (System.nanoTime() - before) / 3.6e12 / scale;
            double hours = Double.parseDouble(ce.call("GetCostAndUsage", request).at("/ResultsByTime/0/Total/UsageQuantity/Amount").asText());
            assertTrue(hours > 0.3 && hours <= elapsedHours + 0.01, "billed " + hours + " h after " + elapsedHours + " scaled hours");
        }
    }
}
