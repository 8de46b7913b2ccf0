package io.awstutor.sandbox.rds;

import java.util.List;

/** What ModifyDBInstance asked to change; null means unchanged. The password is never shown. */
public record ModifyInstanceRequest(String identifier, String instanceClass, Integer allocatedStorage,
                                    String masterUserPassword, Boolean multiAz, List<String> vpcSecurityGroupIds,
                                    Boolean publiclyAccessible, Boolean deletionProtection,
                                    Integer backupRetentionPeriod, Boolean copyTagsToSnapshot,
                                    boolean applyImmediately) {

    @Override
    public String toString() {
        return "ModifyInstanceRequest[" + identifier + ", class " + instanceClass + ", storage " + allocatedStorage
                + ", password " + (masterUserPassword == null ? "unchanged" : "****") + "]";
    }
}
