package io.awstutor.sandbox.billing;

import java.time.LocalDate;
import java.util.Map;

/**
 * One line of the bill: a day's usage of one product by one resource, and what it costs at
 * the snapshot's price. {@code usageType} is as Cost Explorer writes it (prefixed with the
 * region's code outside us-east-1: "USW2-BoxUsage:t3.micro").
 */
public record CostLine(LocalDate day, String account, String region, String serviceCode, String service, String usageType,
                       String resourceId, Map<String, String> tags, double quantity, String unit, double costUsd) {
}
