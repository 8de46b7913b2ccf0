package io.awstutor.sandbox.rds;

/** The Secrets Manager secret that holds a DB instance's or cluster's managed master password. */
public record MasterUserSecret(String secretArn, String kmsKeyId) {
}
