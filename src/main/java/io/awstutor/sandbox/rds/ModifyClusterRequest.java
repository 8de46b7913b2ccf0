package io.awstutor.sandbox.rds;

/**
 * What ModifyDBCluster asked to change here; absent members are null. The master password
 * and the HTTP endpoint are DataAccessActions' part of the call.
 */
public record ModifyClusterRequest(String identifier, Boolean deletionProtection, ServerlessV2Scaling scaling) {
}
