package io.awstutor.sandbox.rds;

import java.util.List;
import java.util.Map;

/** What CreateDBCluster asked for; absent members (and an absent scaling configuration) are null. The password is never shown. */
public record CreateClusterRequest(String identifier, String engine, String engineVersion, String engineMode,
                                   String masterUsername, String masterUserPassword, String databaseName, Integer port,
                                   List<String> vpcSecurityGroupIds, String subnetGroupName,
                                   List<String> availabilityZones, Boolean deletionProtection,
                                   Integer backupRetentionPeriod, Boolean storageEncrypted, Boolean copyTagsToSnapshot,
                                   ServerlessV2Scaling scaling,
                                   Map<String, String> tags) {

    @Override
    public String toString() {
        return "CreateClusterRequest[" + identifier + ", " + engine + " " + engineVersion
                + ", password " + (masterUserPassword == null ? "absent" : "****") + "]";
    }
}
