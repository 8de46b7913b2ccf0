package io.awstutor.sandbox.rds;

import java.util.List;
import java.util.Map;

/**
 * What CreateDBInstance asked for; absent members are null. The password is only validated,
 * never kept, and never shown by {@link #toString()}.
 */
public record CreateInstanceRequest(String identifier, String engine, String engineVersion, String instanceClass,
                                    Integer allocatedStorage, String storageType, Integer iops,
                                    String masterUsername, String masterUserPassword, String dbName, Integer port,
                                    Boolean multiAz, String availabilityZone, Boolean publiclyAccessible,
                                    List<String> vpcSecurityGroupIds, String subnetGroupName,
                                    Boolean deletionProtection, Integer backupRetentionPeriod,
                                    Boolean storageEncrypted, Boolean copyTagsToSnapshot, Boolean autoMinorVersionUpgrade,
                                    String clusterIdentifier, Integer promotionTier, Map<String, String> tags) {

    @Override
    public String toString() {
        return "CreateInstanceRequest[" + identifier + ", " + engine + " " + engineVersion + ", " + instanceClass
                + ", password " + (masterUserPassword == null ? "absent" : "****") + "]";
    }
}
