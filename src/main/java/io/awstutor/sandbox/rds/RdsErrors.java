package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.AwsException;

/** RDS's error codes, HTTP statuses and message texts, as the service model and AWS give them. */
final class RdsErrors {
    private RdsErrors() {
    }

    static AwsException invalidValue(String message) {
        return new AwsException("InvalidParameterValue", message, 400);
    }

    static AwsException invalidCombination(String message) {
        return new AwsException("InvalidParameterCombination", message, 400);
    }

    static AwsException instanceNotFound(String id) {
        return new AwsException("DBInstanceNotFound", "DBInstance " + id + " not found.", 404);
    }

    static AwsException instanceExists() {
        return new AwsException("DBInstanceAlreadyExists", "DB instance already exists", 400);
    }

    static AwsException instanceState(String message) {
        return new AwsException("InvalidDBInstanceState", message, 400);
    }

    static AwsException clusterNotFound(String id) {
        return new AwsException("DBClusterNotFoundFault", "DBCluster " + id + " not found.", 404);
    }

    static AwsException clusterExists() {
        return new AwsException("DBClusterAlreadyExistsFault", "DB Cluster already exists", 400);
    }

    static AwsException clusterState(String message) {
        return new AwsException("InvalidDBClusterStateFault", message, 400);
    }

    static AwsException snapshotNotFound(String id) {
        return new AwsException("DBSnapshotNotFound", "DBSnapshot " + id + " not found.", 404);
    }

    static AwsException snapshotExists(String id) {
        return new AwsException("DBSnapshotAlreadyExists",
                "Cannot create the snapshot because a snapshot with the identifier " + id + " already exists.", 400);
    }

    static AwsException clusterSnapshotNotFound(String id) {
        return new AwsException("DBClusterSnapshotNotFoundFault", "DBClusterSnapshot " + id + " not found.", 404);
    }

    static AwsException clusterSnapshotExists(String id) {
        return new AwsException("DBClusterSnapshotAlreadyExistsFault",
                "Cannot create the cluster snapshot because one with the identifier " + id + " already exists.", 400);
    }

    static AwsException subnetGroupNotFound(String name) {
        return new AwsException("DBSubnetGroupNotFoundFault", "DBSubnetGroup " + name + " not found.", 404);
    }

    static AwsException subnetGroupExists(String name) {
        return new AwsException("DBSubnetGroupAlreadyExists", "The DB subnet group '" + name + "' already exists.", 400);
    }

    static AwsException finalSnapshotRequired() {
        return invalidCombination("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
    }

    static AwsException notBlank(String parameter) {
        return invalidValue("The parameter " + parameter + " must be provided and must not be blank.");
    }

    static AwsException invalidIdentifier(String parameter) {
        return invalidValue("The parameter " + parameter + " is not a valid identifier. Identifiers must begin with a letter; "
                + "must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.");
    }
}
