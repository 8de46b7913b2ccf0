package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;
import software.amazon.awssdk.services.rds.model.VpcSecurityGroupMembership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same requests to moto_server and to the sandbox, comparing what a learner sees where
 * moto follows AWS. Where moto does not (it deletes without a final snapshot, accepts the
 * retired Serverless v1, answers "available" at once, defaults to MySQL 5.6), AWS wins and
 * the test states the sandbox's AWS behaviour next to moto's.
 */
class RdsMotoDifferentialTest {

    private static RdsClient motoClient(ExternalTools.MotoServer moto) {
        return RdsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /** The fields of DBInstance where moto answers as AWS does. */
    private static Map<String, Object> comparable(DBInstance db) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("identifier", db.dbInstanceIdentifier());
        m.put("class", db.dbInstanceClass());
        m.put("engine", db.engine());
        m.put("user", db.masterUsername());
        m.put("port", db.endpoint().port());
        m.put("endpointShape", db.endpoint().address().replaceFirst("^([a-z0-9-]+)\\.[a-z0-9]+\\.", "$1.X."));
        m.put("storage", db.allocatedStorage());
        m.put("storageType", db.storageType());
        m.put("retention", db.backupRetentionPeriod());
        m.put("dbSecurityGroups", db.dbSecurityGroups().size());
        m.put("vpcGroupStatus", db.vpcSecurityGroups().stream().map(VpcSecurityGroupMembership::status).toList());
        m.put("multiAz", db.multiAZ());
        m.put("autoMinor", db.autoMinorVersionUpgrade());
        m.put("license", db.licenseModel());
        m.put("encrypted", db.storageEncrypted());
        m.put("copyTags", db.copyTagsToSnapshot());
        m.put("iamAuth", db.iamDatabaseAuthenticationEnabled());
        m.put("deletionProtection", db.deletionProtection());
        m.put("arnShape", db.dbInstanceArn().replaceFirst(":\\d{12}:", ":ACCOUNT:"));
        m.put("resourceIdShape", db.dbiResourceId().matches("db-[A-Z0-9]{26}"));
        m.put("tags", db.tagList().stream().map(t -> t.key() + "=" + t.value()).toList());
        m.put("parameterGroupPrefix", db.dbParameterGroups().get(0).dbParameterGroupName().startsWith("default.mysql"));
        return m;
    }

    private static Map<String, Object> comparable(DBCluster c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", c.engine());
        m.put("mode", c.engineMode());
        m.put("port", c.port());
        m.put("min", c.serverlessV2ScalingConfiguration().minCapacity());
        m.put("max", c.serverlessV2ScalingConfiguration().maxCapacity());
        m.put("endpointShape", c.endpoint().replaceFirst("cluster-[a-z0-9]+\\.", "cluster-X."));
        m.put("readerShape", c.readerEndpoint().replaceFirst("cluster-ro-[a-z0-9]+\\.", "cluster-ro-X."));
        m.put("user", c.masterUsername());
        m.put("arnShape", c.dbClusterArn().replaceFirst(":\\d{12}:", ":ACCOUNT:"));
        return m;
    }

    private static <T> String errorOf(Function<RdsClient, T> call, RdsClient client) {
        RdsException e = assertThrows(RdsException.class, () -> call.apply(client));
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    @Test
    void describeOutputsMatchMotoWhereMotoFollowsAws() {
        try (ExternalTools.MotoServer moto = ExternalTools.startMoto(); TestSandbox box = TestSandbox.start()) {
            RdsClient motoRds = motoClient(moto);
            RdsClient sandbox = box.rds();
            for (RdsClient rds : List.of(motoRds, sandbox)) {
                rds.createDBInstance(r -> r.dbInstanceIdentifier("diff-db").engine("mysql").engineVersion("8.0.42")
                        .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret123!")
                        .tags(Tag.builder().key("env").value("dev").build()));
            }
            DBInstance fromMoto = motoRds.describeDBInstances(r -> r.dbInstanceIdentifier("diff-db")).dbInstances().get(0);
            DBInstance fromSandbox = sandbox.describeDBInstances(r -> r.dbInstanceIdentifier("diff-db")).dbInstances().get(0);
            assertEquals(comparable(fromMoto), comparable(fromSandbox));

            Function<RdsClient, Object> missing = c -> c.describeDBInstances(r -> r.dbInstanceIdentifier("nope"));
            assertEquals(errorOf(missing, motoRds), errorOf(missing, sandbox));
            Function<RdsClient, Object> duplicate = c -> c.createDBInstance(r -> r.dbInstanceIdentifier("diff-db").engine("mysql")
                    .dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret123!"));
            assertEquals(errorOf(duplicate, motoRds).split(":")[0], errorOf(duplicate, sandbox).split(":")[0]);
            Function<RdsClient, Object> missingCluster = c -> c.describeDBClusters(r -> r.dbClusterIdentifier("nope"));
            assertEquals(errorOf(missingCluster, motoRds), errorOf(missingCluster, sandbox));

            // AWS wins: RDS refuses a deletion that neither skips nor names the final snapshot; moto deletes.
            motoRds.deleteDBInstance(r -> r.dbInstanceIdentifier("diff-db"));
            assertEquals("InvalidParameterCombination: FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.",
                    errorOf(c -> c.deleteDBInstance(r -> r.dbInstanceIdentifier("diff-db")), sandbox));

            for (RdsClient rds : List.of(motoRds, sandbox)) {
                rds.createDBCluster(r -> r.dbClusterIdentifier("diff-cluster").engine("aurora-postgresql").engineVersion("16.9")
                        .masterUsername("dbadmin").masterUserPassword("Secret123!")
                        .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(4.0)));
            }
            assertEquals(comparable(motoRds.describeDBClusters(r -> r.dbClusterIdentifier("diff-cluster")).dbClusters().get(0)),
                    comparable(sandbox.describeDBClusters(r -> r.dbClusterIdentifier("diff-cluster")).dbClusters().get(0)));
            for (RdsClient rds : List.of(motoRds, sandbox)) {
                rds.createDBInstance(r -> r.dbInstanceIdentifier("diff-cluster-1").dbClusterIdentifier("diff-cluster")
                        .engine("aurora-postgresql").dbInstanceClass("db.serverless"));
            }
            Function<RdsClient, Object> busyCluster = c -> c.deleteDBCluster(r -> r.dbClusterIdentifier("diff-cluster").skipFinalSnapshot(true));
            assertEquals(errorOf(busyCluster, motoRds), errorOf(busyCluster, sandbox));

            // AWS wins: Serverless v1 reached its end of life; moto still creates it.
            motoRds.createDBCluster(r -> r.dbClusterIdentifier("v1").engine("aurora-mysql").engineMode("serverless")
                    .masterUsername("dbadmin").masterUserPassword("Secret123!"));
            String v1 = errorOf(c -> c.createDBCluster(r -> r.dbClusterIdentifier("v1").engine("aurora-mysql").engineMode("serverless")
                    .masterUsername("dbadmin").masterUserPassword("Secret123!")), sandbox);
            assertTrue(v1.startsWith("InvalidParameterValue: The engine mode serverless you requested is currently unavailable."), v1);
            motoRds.close();
        }
    }
}
