package io.awstutor.sandbox.rds;

import java.util.List;
import java.util.Map;

/** What RestoreDBInstanceFromDBSnapshot asked for; null keeps the snapshot's value or RDS's default. */
public record RestoreRequest(String identifier, String snapshotIdentifier, String instanceClass, Integer port,
                             Boolean multiAz, String availabilityZone, Boolean publiclyAccessible,
                             List<String> vpcSecurityGroupIds, String subnetGroupName, Boolean deletionProtection,
                             Map<String, String> tags) {
}
