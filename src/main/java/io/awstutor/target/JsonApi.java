package io.awstutor.target;

/**
 * The AWS APIs the learner's session reaches through {@link AwsJsonClient} (JSON protocol):
 * their signing names, target prefixes, protocol versions and AWS endpoints.
 */
public enum JsonApi {
    PRICING("Pricing", "pricing", "AWSPriceListService", "1.1", "https://api.pricing.us-east-1.amazonaws.com"),
    COST_EXPLORER("Cost Explorer", "ce", "AWSInsightsIndexService", "1.1", "https://ce.us-east-1.amazonaws.com"),
    BUDGETS("Budgets", "budgets", "AWSBudgetServiceGateway", "1.1", "https://budgets.amazonaws.com"),
    FREE_TIER("Free Tier", "freetier", "AWSFreeTierService", "1.0", "https://freetier.us-east-1.amazonaws.com");

    private final String title;
    private final String signingName;
    private final String targetPrefix;
    private final String jsonVersion;
    private final String awsEndpoint;

    JsonApi(String title, String signingName, String targetPrefix, String jsonVersion, String awsEndpoint) {
        this.title = title;
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.jsonVersion = jsonVersion;
        this.awsEndpoint = awsEndpoint;
    }

    public String title() { return title; }
    public String signingName() { return signingName; }
    public String targetPrefix() { return targetPrefix; }
    public String contentType() { return "application/x-amz-json-" + jsonVersion; }
    public String awsEndpoint() { return awsEndpoint; }
}
