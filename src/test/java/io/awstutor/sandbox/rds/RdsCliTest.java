package io.awstutor.sandbox.rds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS CLI (botocore's parser, the learner's other client) against the sandbox's RDS. */
class RdsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ExternalTools.Result aws(TestSandbox box, String... args) {
        return ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", args);
    }

    @Test
    void createDescribeAndTheFinalSnapshotRuleFromTheCli() throws Exception {
        ExternalTools.aws();
        try (TestSandbox box = TestSandbox.start()) {
            ExternalTools.Result created = aws(box, "rds", "create-db-instance", "--db-instance-identifier", "cli-db",
                    "--engine", "postgres", "--db-instance-class", "db.t4g.micro", "--allocated-storage", "20",
                    "--master-username", "dbadmin", "--master-user-password", "Secret123!", "--multi-az",
                    "--tags", "Key=env,Value=dev");
            assertEquals(0, created.exitCode(), created.toString());
            assertTrue(!created.stdout().contains("Secret123!"), "the password is not echoed");

            ExternalTools.Result described = aws(box, "rds", "describe-db-instances");
            assertEquals(0, described.exitCode(), described.toString());
            JsonNode db = JSON.readTree(described.stdout()).get("DBInstances").get(0);
            assertEquals("cli-db", db.get("DBInstanceIdentifier").asText());
            assertEquals("available", db.get("DBInstanceStatus").asText());
            assertEquals(5432, db.get("Endpoint").get("Port").asInt());
            assertTrue(db.get("MultiAZ").asBoolean());
            assertNotEquals(db.get("AvailabilityZone").asText(), db.get("SecondaryAvailabilityZone").asText());
            assertEquals("dev", db.get("TagList").get(0).get("Value").asText());
            assertTrue(db.get("InstanceCreateTime").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), db.get("InstanceCreateTime").asText());

            ExternalTools.Result refused = aws(box, "rds", "delete-db-instance", "--db-instance-identifier", "cli-db");
            assertNotEquals(0, refused.exitCode());
            assertTrue(refused.stderr().contains("An error occurred (InvalidParameterCombination) when calling the DeleteDBInstance "
                    + "operation: FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified."), refused.stderr());

            ExternalTools.Result versions = aws(box, "rds", "describe-db-engine-versions", "--engine", "mysql", "--default-only",
                    "--query", "DBEngineVersions[0].EngineVersion", "--output", "text");
            assertEquals("8.4.6", versions.stdout().trim(), versions.toString());

            ExternalTools.Result deleted = aws(box, "rds", "delete-db-instance", "--db-instance-identifier", "cli-db",
                    "--skip-final-snapshot");
            assertEquals("deleting", JSON.readTree(deleted.stdout()).get("DBInstance").get("DBInstanceStatus").asText());
            ExternalTools.Result missing = aws(box, "rds", "describe-db-instances", "--db-instance-identifier", "cli-db");
            assertTrue(missing.stderr().contains("(DBInstanceNotFound)") && missing.stderr().contains("DBInstance cli-db not found."),
                    missing.stderr());
        }
    }

    @Test
    void serverlessScalingAndClusterSnapshotsFromTheCli() throws Exception {
        ExternalTools.aws();
        try (TestSandbox box = TestSandbox.start()) {
            ExternalTools.Result created = aws(box, "rds", "create-db-cluster", "--db-cluster-identifier", "cli-aurora",
                    "--engine", "aurora-postgresql", "--engine-version", "16.9", "--master-username", "dbadmin",
                    "--master-user-password", "Secret123!", "--serverless-v2-scaling-configuration",
                    "MinCapacity=0,MaxCapacity=4,SecondsUntilAutoPause=3600");
            assertEquals(0, created.exitCode(), created.toString());
            JsonNode scaling = JSON.readTree(created.stdout()).get("DBCluster").get("ServerlessV2ScalingConfiguration");
            assertEquals(0.0, scaling.get("MinCapacity").asDouble());
            assertEquals(3600, scaling.get("SecondsUntilAutoPause").asInt());

            ExternalTools.Result tooShort = aws(box, "rds", "modify-db-cluster", "--db-cluster-identifier", "cli-aurora",
                    "--serverless-v2-scaling-configuration", "SecondsUntilAutoPause=60");
            assertTrue(tooShort.stderr().contains("An error occurred (InvalidParameterValue) when calling the ModifyDBCluster "
                    + "operation: SecondsUntilAutoPause must be between 300 and 86400."), tooShort.toString());

            ExternalTools.Result snapshot = aws(box, "rds", "create-db-cluster-snapshot", "--db-cluster-snapshot-identifier",
                    "cli-aurora-snap", "--db-cluster-identifier", "cli-aurora");
            assertEquals(0, snapshot.exitCode(), snapshot.toString());
            assertEquals("cli-aurora", JSON.readTree(snapshot.stdout()).get("DBClusterSnapshot").get("DBClusterIdentifier").asText());
            ExternalTools.Result again = aws(box, "rds", "create-db-cluster-snapshot", "--db-cluster-snapshot-identifier",
                    "cli-aurora-snap", "--db-cluster-identifier", "cli-aurora");
            assertTrue(again.stderr().contains("(DBClusterSnapshotAlreadyExistsFault)"), again.toString());

            ExternalTools.Result restored = aws(box, "rds", "restore-db-cluster-from-snapshot", "--db-cluster-identifier",
                    "cli-aurora-2", "--snapshot-identifier", "cli-aurora-snap", "--engine", "aurora-postgresql");
            assertEquals(0, restored.exitCode(), restored.toString());
            JsonNode cluster = JSON.readTree(restored.stdout()).get("DBCluster");
            assertEquals("dbadmin", cluster.get("MasterUsername").asText());
            assertEquals("16.9", cluster.get("EngineVersion").asText());
            ExternalTools.Result missing = aws(box, "rds", "restore-db-cluster-from-snapshot", "--db-cluster-identifier",
                    "cli-aurora-3", "--snapshot-identifier", "nope", "--engine", "aurora-postgresql");
            assertTrue(missing.stderr().contains("(DBClusterSnapshotNotFoundFault)"), missing.toString());
        }
    }
}
