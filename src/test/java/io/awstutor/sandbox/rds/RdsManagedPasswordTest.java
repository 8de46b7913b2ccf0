package io.awstutor.sandbox.rds;

import com.fasterxml.jackson.databind.JsonNode;
import io.awstutor.json.JsonMappers;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ManageMasterUserPassword: RDS makes the master password, keeps it in a Secrets Manager
 * secret named as AWS names them, shows the secret in Describe*, and deletes it when it
 * stops managing the password or the database goes. Control plane only (no engines).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RdsManagedPasswordTest {
    private TestSandbox box;
    private RdsClient rds;
    private SecretsManagerClient sm;

    @BeforeAll
    void start() {
        box = TestSandbox.start();
        rds = box.rds();
        sm = box.secretsmanager();
    }

    @AfterAll
    void stop() {
        box.close();
    }

    @Test
    void anInstanceWithAManagedPasswordHasItsSecret() throws Exception {
        DBInstance created = rds.createDBInstance(r -> r.dbInstanceIdentifier("managed-db").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin_user").manageMasterUserPassword(true)).dbInstance();
        String arn = created.masterUserSecret().secretArn();
        assertTrue(arn.matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:rds!db-[0-9a-f-]{36}-[A-Za-z0-9]{6}"), arn);
        assertEquals("active", created.masterUserSecret().secretStatus());
        assertTrue(created.masterUserSecret().kmsKeyId().startsWith("arn:aws:kms:us-east-1:000000000000:key/"));

        JsonNode value = JsonMappers.mapper().readTree(sm.getSecretValue(r -> r.secretId(arn)).secretString());
        assertEquals("admin_user", value.get("username").asText());
        assertEquals(28, value.get("password").asText().length());
        DescribeSecretResponse secret = sm.describeSecret(r -> r.secretId(arn));
        assertEquals("rds", secret.owningService());
        assertEquals("Secret associated with primary RDS DB instance: " + created.dbInstanceArn(), secret.description());
        assertEquals(arn, rds.describeDBInstances(r -> r.dbInstanceIdentifier("managed-db")).dbInstances().get(0)
                .masterUserSecret().secretArn());

        RdsException both = assertThrows(RdsException.class, () -> rds.createDBInstance(r -> r.dbInstanceIdentifier("both-db")
                .engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("u")
                .masterUserPassword("long-enough-1").manageMasterUserPassword(true)));
        assertEquals("InvalidParameterCombination", both.awsErrorDetails().errorCode());

        // Turning it off needs a password of the learner's own, and removes the secret.
        assertEquals("InvalidParameterCombination", assertThrows(RdsException.class, () -> rds.modifyDBInstance(r -> r
                .dbInstanceIdentifier("managed-db").manageMasterUserPassword(false))).awsErrorDetails().errorCode());
        DBInstance modified = rds.modifyDBInstance(r -> r.dbInstanceIdentifier("managed-db").manageMasterUserPassword(false)
                .masterUserPassword("my-own-pass-1").applyImmediately(true)).dbInstance();
        assertNull(modified.masterUserSecret());
        assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(r -> r.secretId(arn)));

        // On again: a new secret; deleting the instance deletes it.
        String again = rds.modifyDBInstance(r -> r.dbInstanceIdentifier("managed-db").manageMasterUserPassword(true))
                .dbInstance().masterUserSecret().secretArn();
        assertFalse(again.equals(arn));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("managed-db").skipFinalSnapshot(true));
        assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(r -> r.secretId(again)));
    }

    @Test
    void aClusterWithAManagedPasswordAndItsHttpEndpoint() throws Exception {
        DBCluster created = rds.createDBCluster(r -> r.dbClusterIdentifier("managed-cluster").engine("aurora-postgresql")
                .masterUsername("learner").manageMasterUserPassword(true).enableHttpEndpoint(true)).dbCluster();
        assertTrue(created.httpEndpointEnabled());
        String arn = created.masterUserSecret().secretArn();
        assertTrue(arn.contains(":secret:rds!cluster-"), arn);
        JsonNode value = JsonMappers.mapper().readTree(sm.getSecretValue(r -> r.secretId(arn)).secretString());
        assertEquals("learner", value.get("username").asText());
        assertTrue(sm.describeSecret(r -> r.secretId(arn)).tags().stream()
                .anyMatch(t -> t.key().equals("aws:rds:primaryDBClusterArn") && t.value().equals(created.dbClusterArn())));

        DBCluster off = rds.modifyDBCluster(r -> r.dbClusterIdentifier("managed-cluster").enableHttpEndpoint(false)).dbCluster();
        assertFalse(off.httpEndpointEnabled());
        assertEquals(arn, off.masterUserSecret().secretArn());
        rds.deleteDBCluster(r -> r.dbClusterIdentifier("managed-cluster").skipFinalSnapshot(true));
        assertThrows(ResourceNotFoundException.class, () -> sm.describeSecret(r -> r.secretId(arn)));
    }

    @Test
    void theSecretAndTheHttpEndpointSurviveARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data) {
        String arn;
        try (TestSandbox first = TestSandbox.start(io.awstutor.sandbox.SandboxOptions.inMemory().withDataDir(data))) {
            arn = first.rds().createDBCluster(r -> r.dbClusterIdentifier("kept").engine("aurora-mysql").masterUsername("learner")
                    .manageMasterUserPassword(true).enableHttpEndpoint(true)).dbCluster().masterUserSecret().secretArn();
        }
        try (TestSandbox second = TestSandbox.start(io.awstutor.sandbox.SandboxOptions.inMemory().withDataDir(data))) {
            DBCluster again = second.rds().describeDBClusters(r -> r.dbClusterIdentifier("kept")).dbClusters().get(0);
            assertEquals(arn, again.masterUserSecret().secretArn());
            assertTrue(again.httpEndpointEnabled());
            assertTrue(second.secretsmanager().getSecretValue(r -> r.secretId(arn)).secretString().contains("\"username\":\"learner\""));
        }
    }
}
