package io.awstutor.sandbox.rds;

/** What ModifyDBCluster asked to change; absent members are null. The password is never shown. */
public record ModifyClusterRequest(String identifier, Boolean deletionProtection, ServerlessV2Scaling scaling,
                                   String masterUserPassword) {

    @Override
    public String toString() {
        return "ModifyClusterRequest[" + identifier + ", password " + (masterUserPassword == null ? "unchanged" : "****") + "]";
    }
}
