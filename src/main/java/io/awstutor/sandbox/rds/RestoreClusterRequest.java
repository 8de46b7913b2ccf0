package io.awstutor.sandbox.rds;

import java.util.List;
import java.util.Map;

/** What RestoreDBClusterFromSnapshot asked for; null keeps the snapshot's value or RDS's default. */
public record RestoreClusterRequest(String identifier, String snapshotIdentifier, String engine, String engineVersion,
                                    Integer port, String subnetGroupName, List<String> vpcSecurityGroupIds,
                                    Boolean deletionProtection, Boolean copyTagsToSnapshot, ServerlessV2Scaling scaling,
                                    Map<String, String> tags) {
}
