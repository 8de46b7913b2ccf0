package io.awstutor.sandbox.budgets;

/** Who hears of an alert: an EMAIL address or an SNS topic. */
public record Subscriber(String subscriptionType, String address) {
}
