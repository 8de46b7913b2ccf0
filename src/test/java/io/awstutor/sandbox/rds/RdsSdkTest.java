package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.CreateDbInstanceRequest;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBEngineVersion;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DBSnapshot;
import software.amazon.awssdk.services.rds.model.DbInstanceNotFoundException;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RDS through the real SDK for Java over HTTP; transitions are immediate (time scale 0). */
class RdsSdkTest {
    private static TestSandbox box;
    private static RdsClient rds;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        rds = box.rds();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    static CreateDbInstanceRequest.Builder mysql(String id) {
        return CreateDbInstanceRequest.builder().dbInstanceIdentifier(id).engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret123!");
    }

    private static RdsException fails(String code, int status, Executable call) {
        RdsException e = assertThrows(RdsException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode());
        return e;
    }

    @Test
    void engineVersionsListTheDefaults() {
        List<DBEngineVersion> defaults = rds.describeDBEngineVersions(r -> r.engine("postgres").defaultOnly(true)).dbEngineVersions();
        assertEquals(1, defaults.size());
        assertEquals("17.6", defaults.get(0).engineVersion());
        assertEquals("postgres17", defaults.get(0).dbParameterGroupFamily());
        List<String> mysql = rds.describeDBEngineVersions(r -> r.engine("mysql")).dbEngineVersions().stream()
                .map(DBEngineVersion::engineVersion).toList();
        assertTrue(mysql.contains("8.0.42") && mysql.contains("8.4.6"), mysql.toString());
        List<DBEngineVersion> aurora = rds.describeDBEngineVersions(r -> r.engine("aurora-postgresql").engineVersion("16")).dbEngineVersions();
        assertTrue(aurora.stream().allMatch(v -> v.engineVersion().startsWith("16.")), aurora.toString());
        assertEquals(256.0, aurora.get(0).serverlessV2FeaturesSupport().maxCapacity());
        RdsException unknown = fails("InvalidParameterValue", 400, () -> rds.describeDBEngineVersions(r -> r.engine("oracle-xe")));
        assertEquals("Invalid DB engine: oracle-xe", unknown.awsErrorDetails().errorMessage());
        // an engine AWS runs but the sandbox does not must not be called invalid without saying why
        RdsException awsOnly = fails("InvalidParameterValue", 400, () -> rds.createDBInstance(mysql("mssql").engine("sqlserver-ex").build()));
        assertEquals("Invalid DB engine: sqlserver-ex. AWS offers sqlserver-ex, but the awstutor sandbox emulates only "
                + "mysql, mariadb, postgres, aurora-mysql, aurora-postgresql.", awsOnly.awsErrorDetails().errorMessage());
    }

    @Test
    void createDescribeDelete() {
        DBInstance created = rds.createDBInstance(mysql("sdk-db").vpcSecurityGroupIds(List.<String>of())
                .tags(Tag.builder().key("env").value("dev").build()).build()).dbInstance();
        assertEquals("sdk-db", created.dbInstanceIdentifier());
        assertEquals("mysql", created.engine());
        assertEquals("8.4.6", created.engineVersion());
        assertEquals(List.of("env"), created.tagList().stream().map(Tag::key).toList());

        DBInstance db = rds.describeDBInstances(r -> r.dbInstanceIdentifier("SDK-DB")).dbInstances().get(0);
        assertEquals("available", db.dbInstanceStatus());
        assertEquals(3306, db.endpoint().port());
        assertTrue(db.endpoint().address().matches("sdk-db\\.[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com"), db.endpoint().address());
        assertEquals("default", db.dbSubnetGroup().dbSubnetGroupName());
        assertEquals(1, db.vpcSecurityGroups().size());
        assertEquals("active", db.vpcSecurityGroups().get(0).status());
        assertEquals("arn:aws:rds:us-east-1:000000000000:db:sdk-db", db.dbInstanceArn());
        assertFalse(db.multiAZ());
        assertNull(db.secondaryAvailabilityZone());

        RdsException rule = fails("InvalidParameterCombination", 400, () -> rds.deleteDBInstance(r -> r.dbInstanceIdentifier("sdk-db")));
        assertEquals("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.", rule.awsErrorDetails().errorMessage());
        DBInstance deleting = rds.deleteDBInstance(r -> r.dbInstanceIdentifier("sdk-db").finalDBSnapshotIdentifier("sdk-db-final")).dbInstance();
        assertEquals("deleting", deleting.dbInstanceStatus());
        DBSnapshot snapshot = rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier("sdk-db-final")).dbSnapshots().get(0);
        assertEquals("sdk-db", snapshot.dbInstanceIdentifier());
        assertEquals("manual", snapshot.snapshotType());

        DbInstanceNotFoundException gone = assertThrows(DbInstanceNotFoundException.class,
                () -> rds.describeDBInstances(r -> r.dbInstanceIdentifier("sdk-db")));
        assertEquals("DBInstance sdk-db not found.", gone.awsErrorDetails().errorMessage());
        assertEquals(404, gone.statusCode());
        rds.deleteDBSnapshot(r -> r.dbSnapshotIdentifier("sdk-db-final"));
        fails("DBSnapshotNotFound", 404, () -> rds.describeDBSnapshots(r -> r.dbSnapshotIdentifier("sdk-db-final")));
    }

    @Test
    void errorsComeBackAsAwsSendsThem() {
        rds.createDBInstance(mysql("dup-db").build());
        fails("DBInstanceAlreadyExists", 400, () -> rds.createDBInstance(mysql("dup-db").build()));
        RdsException combination = fails("InvalidParameterCombination", 400,
                () -> rds.createDBInstance(mysql("old-class").dbInstanceClass("db.t2.micro").build()));
        assertTrue(combination.awsErrorDetails().errorMessage().startsWith(
                "RDS does not support creating a DB instance with the following combination: DBInstanceClass=db.t2.micro"));
        fails("InvalidParameterValue", 400, () -> rds.createDBInstance(mysql("bad--name").build()));
        RdsException password = fails("InvalidParameterValue", 400,
                () -> rds.createDBInstance(mysql("pw-db").masterUserPassword("has space1").build()));
        assertFalse(password.getMessage().contains("has space1"));
        fails("InvalidParameterValue", 400, () -> rds.createDBInstance(mysql("sg-db").vpcSecurityGroupIds("sg-0missing").build()));
        fails("DBInstanceNotFound", 404, () -> rds.rebootDBInstance(r -> r.dbInstanceIdentifier("nope")));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("dup-db").skipFinalSnapshot(true));
    }

    @Test
    void multiAzAndModify() {
        DBInstance db = rds.createDBInstance(mysql("maz-db").multiAZ(true).build()).dbInstance();
        assertTrue(db.multiAZ());
        assertNotNull(db.secondaryAvailabilityZone());
        assertNotEquals(db.availabilityZone(), db.secondaryAvailabilityZone());
        DBInstance modified = rds.modifyDBInstance(r -> r.dbInstanceIdentifier("maz-db").dbInstanceClass("db.t3.small")
                .applyImmediately(true)).dbInstance();
        assertEquals("db.t3.small", modified.pendingModifiedValues().dbInstanceClass());
        DBInstance after = rds.describeDBInstances(r -> r.dbInstanceIdentifier("maz-db")).dbInstances().get(0);
        assertEquals("db.t3.small", after.dbInstanceClass());
        assertEquals("available", after.dbInstanceStatus());
        assertNull(after.pendingModifiedValues().dbInstanceClass());
        // each call answers the status it begins, as AWS does; at time scale 0 the next read sees where it ends
        assertEquals("rebooting", rds.rebootDBInstance(r -> r.dbInstanceIdentifier("maz-db")).dbInstance().dbInstanceStatus());
        assertEquals("stopping", rds.stopDBInstance(r -> r.dbInstanceIdentifier("maz-db")).dbInstance().dbInstanceStatus());
        fails("InvalidDBInstanceState", 400, () -> rds.stopDBInstance(r -> r.dbInstanceIdentifier("maz-db")));
        assertEquals("starting", rds.startDBInstance(r -> r.dbInstanceIdentifier(
                "arn:aws:rds:us-east-1:000000000000:db:maz-db")).dbInstance().dbInstanceStatus());
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("maz-db").skipFinalSnapshot(true));
    }

    @Test
    void auroraServerlessV2ClusterWithADbServerlessInstance() {
        RdsException v1 = fails("InvalidParameterValue", 400, () -> rds.createDBCluster(r -> r.dbClusterIdentifier("v1")
                .engine("aurora-mysql").engineMode("serverless").masterUsername("dbadmin").masterUserPassword("Secret123!")));
        assertEquals("The engine mode serverless you requested is currently unavailable.", v1.awsErrorDetails().errorMessage());

        DBCluster cluster = rds.createDBCluster(r -> r.dbClusterIdentifier("shop").engine("aurora-postgresql")
                .masterUsername("dbadmin").masterUserPassword("Secret123!")
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(4.0))).dbCluster();
        assertEquals("provisioned", cluster.engineMode());
        assertEquals(0.5, cluster.serverlessV2ScalingConfiguration().minCapacity());
        assertEquals(4.0, cluster.serverlessV2ScalingConfiguration().maxCapacity());
        assertTrue(cluster.endpoint().startsWith("shop.cluster-"));
        assertTrue(cluster.readerEndpoint().startsWith("shop.cluster-ro-"));

        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-1").dbClusterIdentifier("shop").engine("aurora-postgresql")
                .dbInstanceClass("db.serverless"));
        DBCluster described = rds.describeDBClusters(r -> r.dbClusterIdentifier("shop")).dbClusters().get(0);
        assertEquals("available", described.status());
        assertEquals(1, described.dbClusterMembers().size());
        assertTrue(described.dbClusterMembers().get(0).isClusterWriter());

        assertEquals(8.0, rds.modifyDBCluster(r -> r.dbClusterIdentifier("shop")
                .serverlessV2ScalingConfiguration(c -> c.minCapacity(1.0).maxCapacity(8.0))).dbCluster()
                .serverlessV2ScalingConfiguration().maxCapacity());
        RdsException busy = fails("InvalidDBClusterStateFault", 400,
                () -> rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop").skipFinalSnapshot(true)));
        assertEquals("Cluster cannot be deleted, it still contains DB instances in non-deleting state.", busy.awsErrorDetails().errorMessage());
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop-1"));
        fails("InvalidParameterCombination", 400, () -> rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop")));
        rds.deleteDBCluster(r -> r.dbClusterIdentifier("shop").finalDBSnapshotIdentifier("shop-final"));
        fails("DBClusterNotFoundFault", 404, () -> rds.describeDBClusters(r -> r.dbClusterIdentifier("shop")));
        assertEquals("shop", rds.describeDBClusterSnapshots(r -> r.dbClusterSnapshotIdentifier("shop-final"))
                .dbClusterSnapshots().get(0).dbClusterIdentifier());
    }

    @Test
    void tagsSubnetGroupsAndPagination() {
        for (int i = 0; i < 25; i++) {
            rds.createDBInstance(mysql(String.format("page-%02d", i)).build());
        }
        DescribeDbInstancesResponse first = rds.describeDBInstances(r -> r.maxRecords(20)
                .filters(f -> f.name("engine").values("mysql")));
        assertEquals(20, first.dbInstances().size());
        assertNotNull(first.marker());
        DescribeDbInstancesResponse second = rds.describeDBInstances(r -> r.maxRecords(20).marker(first.marker())
                .filters(f -> f.name("engine").values("mysql")));
        assertNull(second.marker());
        long pages = rds.describeDBInstancesPaginator(r -> r.maxRecords(20)).dbInstances().stream()
                .filter(d -> d.dbInstanceIdentifier().startsWith("page-")).count();
        assertEquals(25, pages);

        String arn = "arn:aws:rds:us-east-1:000000000000:db:page-00";
        rds.addTagsToResource(r -> r.resourceName(arn).tags(Tag.builder().key("team").value("web").build(),
                Tag.builder().key("tier").value("db").build()));
        rds.removeTagsFromResource(r -> r.resourceName(arn).tagKeys("tier"));
        assertEquals("team=web", rds.listTagsForResource(r -> r.resourceName(arn)).tagList().stream()
                .map(t -> t.key() + "=" + t.value()).collect(Collectors.joining(",")));

        var groups = rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("default")).dbSubnetGroups();
        assertEquals(6, groups.get(0).subnets().size(), "one default subnet per us-east-1 zone");
        fails("DBSubnetGroupNotFoundFault", 404, () -> rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("nope")));
        for (int i = 0; i < 25; i++) {
            String id = String.format("page-%02d", i);
            rds.deleteDBInstance(r -> r.dbInstanceIdentifier(id).skipFinalSnapshot(true));
        }
    }

    @Test
    void restoreAnInstanceFromItsFinalSnapshot() {
        rds.createDBInstance(mysql("orig-db").engineVersion("8.0.42").dbInstanceClass("db.t4g.small").dbName("shop").build());
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("orig-db").finalDBSnapshotIdentifier("orig-final"));
        DBInstance restored = rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("restored-db")
                .dbSnapshotIdentifier("orig-final")).dbInstance();
        assertEquals("8.0.42", restored.engineVersion());
        assertEquals("db.t4g.small", restored.dbInstanceClass());
        assertEquals("admin", restored.masterUsername());
        assertEquals("shop", restored.dbName());
        fails("DBSnapshotNotFound", 404, () -> rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("x-db")
                .dbSnapshotIdentifier("no-such-snapshot")));
        fails("DBInstanceAlreadyExists", 400, () -> rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("restored-db")
                .dbSnapshotIdentifier("orig-final")));
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("restored-db").skipFinalSnapshot(true));
    }

    @Test
    void orderableOptionsListTheClassesAnEngineRunsOn() {
        var options = rds.describeOrderableDBInstanceOptionsPaginator(r -> r.engine("mysql").engineVersion("8.4.6"))
                .orderableDBInstanceOptions().stream().map(o -> o.dbInstanceClass()).toList();
        assertTrue(options.contains("db.t3.micro") && options.contains("db.t4g.micro"), options.toString());
        assertFalse(options.contains("db.t2.micro"));
        var aurora = rds.describeOrderableDBInstanceOptions(r -> r.engine("aurora-postgresql").dbInstanceClass("db.serverless"))
                .orderableDBInstanceOptions();
        assertFalse(aurora.isEmpty());
        assertTrue(aurora.get(0).availabilityZones().size() >= 3);
    }
}
