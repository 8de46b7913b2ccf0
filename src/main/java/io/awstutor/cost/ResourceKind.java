package io.awstutor.cost;

/**
 * The kinds of resource the ledger tracks, in the order cleanup deletes them: what depends
 * on something comes before it (instances before their security groups, a user's keys and
 * policies with the user, policies after the users, groups and roles they were attached to).
 */
public enum ResourceKind {
    CLOUDFRONT_DISTRIBUTION("CloudFront distribution", true),
    EC2_INSTANCE("EC2 instance", false),
    NAT_GATEWAY("NAT gateway", false),
    ELASTIC_IP("Elastic IP", false),
    RDS_INSTANCE("RDS database", false),
    RDS_CLUSTER("RDS cluster", false),
    SECRET("Secrets Manager secret", false),
    SECURITY_GROUP("security group", false),
    KEY_PAIR("key pair", false),
    S3_BUCKET("S3 bucket", true),
    IAM_USER("IAM user", true),
    IAM_ROLE("IAM role", true),
    IAM_GROUP("IAM group", true),
    IAM_POLICY("IAM policy", true);

    private final String label;
    private final boolean global;

    ResourceKind(String label, boolean global) {
        this.label = label;
        this.global = global;
    }

    public String label() {
        return label;
    }

    /** Not tied to a region (IAM, CloudFront, the S3 bucket namespace). */
    public boolean global() {
        return global;
    }
}
