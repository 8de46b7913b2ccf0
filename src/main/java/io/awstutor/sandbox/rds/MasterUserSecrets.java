package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.Map;

/**
 * Where RDS keeps a master password it manages (ManageMasterUserPassword): Secrets Manager,
 * attached by the sandbox. RDS creates the secret ({@code rds!db-…}, {@code rds!cluster-…})
 * with the user name and password as JSON, and deletes it when it stops managing the password
 * or deletes the database.
 */
public interface MasterUserSecrets {
    /** No Secrets Manager (a backend built alone, in a test): managing a password is refused. */
    MasterUserSecrets NONE = new MasterUserSecrets() {
        @Override
        public Created create(String account, String region, String name, String description, String username, String password,
                              String kmsKeyId, Map<String, String> tags) {
            throw new AwsException("InvalidParameterValue", "ManageMasterUserPassword needs Secrets Manager, "
                    + "which this RDS is not connected to.", 400);
        }

        @Override
        public void delete(String account, String region, String arn) {
        }
    };

    /** The secret made: its ARN and the KMS key that encrypts it. */
    record Created(String arn, String kmsKeyId) {
    }

    Created create(String account, String region, String name, String description, String username, String password,
                   String kmsKeyId, Map<String, String> tags);

    /** Deletes the secret at once, without a recovery window. */
    void delete(String account, String region, String arn);
}
