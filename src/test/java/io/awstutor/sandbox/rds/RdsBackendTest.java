package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.ec2.NetworkEndpoint;
import io.awstutor.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RdsBackendTest {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    private final MovableClock clock = new MovableClock();
    private final FakeNetwork network = new FakeNetwork().withGroup("sg-0db", FakeNetwork.VPC).withGroup("sg-0other", "vpc-0other");
    private final RdsBackend rds = new RdsBackend(new SandboxContext(clock, 1.0, Optional.empty()), network);

    static CreateInstanceRequest mysql(String id) {
        return request(id, "mysql", "db.t3.micro", 20, "admin", "Secret123!", null, null, List.of());
    }

    static CreateInstanceRequest request(String id, String engine, String instanceClass, Integer storage, String user,
                                         String password, Boolean multiAz, String zone, List<String> groups) {
        return new CreateInstanceRequest(id, engine, null, instanceClass, storage, null, null, user, password, null, null,
                multiAz, zone, null, groups, null, null, null, null, null, null, null, null, Map.of());
    }

    private static AwsException fails(String code, Executable call) {
        AwsException e = assertThrows(AwsException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private String status(String id) {
        return rds.describeInstances(ACCOUNT, REGION, id, Map.of(), null, null).items().get(0).status(clock.instant());
    }

    @Test
    void instanceWalksFromCreatingThroughBackingUpToAvailable() {
        DbInstance db = rds.createInstance(ACCOUNT, REGION, mysql("Web-DB"));
        assertEquals("web-db", db.identifier);
        assertEquals("creating", status("web-db"));
        clock.advance(Duration.ofMinutes(4));
        assertEquals("backing-up", status("WEB-DB"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals("available", status("web-db"));
        assertEquals(3306, db.port);
        assertTrue(db.endpointAddress.matches("web-db\\.[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com"), db.endpointAddress);
        assertEquals(List.of(FakeNetwork.DEFAULT_SG), db.vpcSecurityGroupIds);
        assertEquals("8.4.6", db.engineVersion);
    }

    @Test
    void theSameIdentifierTwiceIsRefused() {
        rds.createInstance(ACCOUNT, REGION, mysql("db1"));
        AwsException e = fails("DBInstanceAlreadyExists", () -> rds.createInstance(ACCOUNT, REGION, mysql("DB1")));
        assertEquals("DB instance already exists", e.getMessage());
        assertEquals(400, e.status());
    }

    @Test
    void identifiersFollowAwsRules() {
        for (String bad : List.of("1db", "db--x", "db-", "db_x", "a".repeat(64), "")) {
            fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION, mysql(bad)));
        }
        rds.createInstance(ACCOUNT, REGION, mysql("a" + "b".repeat(62)));
    }

    @Test
    void impossibleEngineAndClassPairIsAnInvalidCombination() {
        AwsException e = fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t2.micro", 20, "admin", "Secret123!", null, null, List.of())));
        assertEquals("RDS does not support creating a DB instance with the following combination: DBInstanceClass=db.t2.micro, "
                + "Engine=mysql, EngineVersion=8.4.6, LicenseModel=general-public-license. For supported combinations of "
                + "instance class and database engine version, see the documentation.", e.getMessage());
        fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "postgres", "db.serverless", 20, "dbadmin", "Secret123!", null, null, List.of())));
    }

    @Test
    void storageLimitsDependOnStorageType() {
        AwsException e = fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 10, "admin", "Secret123!", null, null, List.of())));
        assertEquals("Invalid storage size for engine name mysql and storage type gp2: 10", e.getMessage());
        fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "postgres", "db.t3.micro", 70000, "dbadmin", "Secret123!", null, null, List.of())));
    }

    @Test
    void masterUserAndPasswordRules() {
        AwsException reserved = fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "postgres", "db.t3.micro", 20, "admin", "Secret123!", null, null, List.of())));
        assertEquals("MasterUsername admin cannot be used as it is a reserved word used by the engine", reserved.getMessage());
        AwsException at = fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "admin", "pass@word1", null, null, List.of())));
        assertEquals("The parameter MasterUserPassword is not a valid password. Only printable ASCII characters besides '/', '@', '\"', ' ' may be used.",
                at.getMessage());
        assertFalse(at.getMessage().contains("pass@word1"), "the password is never echoed");
        fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "admin", "short", null, null, List.of())));
        fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "admin", "x".repeat(42), null, null, List.of())));
        fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "1admin", "Secret123!", null, null, List.of())));
        rds.createInstance(ACCOUNT, REGION, request("db", "postgres", "db.t3.micro", 20, "postgres", "x".repeat(100), null, null, List.of()));
    }

    @Test
    void multiAzHasAStandbyInAnotherZone() {
        DbInstance db = rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "admin", "Secret123!", true, null, List.of()));
        assertTrue(db.multiAz);
        assertNotEquals(db.availabilityZone, db.secondaryAvailabilityZone);
        assertTrue(db.secondaryAvailabilityZone.startsWith("us-east-1"));
        AwsException e = fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION,
                request("db2", "mysql", "db.t3.micro", 20, "admin", "Secret123!", true, "us-east-1a", List.of())));
        assertEquals("Requesting a specific availability zone is not valid for Multi-AZ instances.", e.getMessage());
    }

    @Test
    void securityGroupsMustExistInTheDatabasesVpc() {
        fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "admin", "Secret123!", null, null, List.of("sg-0missing"))));
        AwsException e = fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "admin", "Secret123!", null, null, List.of("sg-0other"))));
        assertTrue(e.getMessage().startsWith("The DB instance and EC2 security group are in different VPCs."), e.getMessage());
        DbInstance db = rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "admin", "Secret123!", null, "us-east-1b", List.of("sg-0db")));
        assertEquals("us-east-1b", db.availabilityZone);
        assertTrue(db.privateIp.startsWith("172.31.16."), db.privateIp);
    }

    @Test
    void deletionNeedsAFinalSnapshotOrSkipFinalSnapshot() {
        rds.createInstance(ACCOUNT, REGION, mysql("db"));
        clock.advance(Duration.ofMinutes(5));
        AwsException e = fails("InvalidParameterCombination", () -> rds.deleteInstance(ACCOUNT, REGION, "db", false, null));
        assertEquals("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.", e.getMessage());
        assertEquals("available", status("db"), "a refused deletion changes nothing");

        DbInstance deleting = rds.deleteInstance(ACCOUNT, REGION, "db", false, "db-final");
        assertEquals("deleting", deleting.status(clock.instant()));
        DbSnapshot snapshot = rds.describeSnapshots(ACCOUNT, REGION, false, "db-final", null, null, null, null).items().get(0);
        assertEquals("db", snapshot.sourceIdentifier);
        assertEquals("creating", snapshot.status(clock.instant()));
        fails("InvalidDBInstanceState", () -> rds.deleteInstance(ACCOUNT, REGION, "db", true, null));

        clock.advance(Duration.ofMinutes(2));
        AwsException gone = fails("DBInstanceNotFound", () -> rds.describeInstances(ACCOUNT, REGION, "db", Map.of(), null, null));
        assertEquals("DBInstance db not found.", gone.getMessage());
        assertEquals(404, gone.status());
        assertEquals("available", rds.describeSnapshots(ACCOUNT, REGION, false, "db-final", null, null, null, null)
                .items().get(0).status(clock.instant()), "the final snapshot outlives the instance");
    }

    @Test
    void aCreatingInstanceCannotTakeAFinalSnapshotButCanBeSkipped() {
        rds.createInstance(ACCOUNT, REGION, mysql("db"));
        AwsException e = fails("InvalidDBInstanceState", () -> rds.deleteInstance(ACCOUNT, REGION, "db", false, "snap"));
        assertEquals("Instance db is currently creating - a final snapshot cannot be taken.", e.getMessage());
        rds.deleteInstance(ACCOUNT, REGION, "db", true, null);
    }

    @Test
    void deletionProtectionRefusesDeletion() {
        CreateInstanceRequest r = mysql("db");
        rds.createInstance(ACCOUNT, REGION, new CreateInstanceRequest(r.identifier(), r.engine(), null, r.instanceClass(), 20, null,
                null, "admin", "Secret123!", null, null, null, null, null, List.of(), null, true, null, null, null, null, null, null, Map.of()));
        clock.advance(Duration.ofMinutes(5));
        AwsException e = fails("InvalidParameterCombination", () -> rds.deleteInstance(ACCOUNT, REGION, "db", true, null));
        assertEquals("Cannot delete protected DB Instance, please disable deletion protection and try again.", e.getMessage());
        rds.modifyInstance(ACCOUNT, REGION, new ModifyInstanceRequest("db", null, null, null, null, null, null, false, null, null, true));
        rds.deleteInstance(ACCOUNT, REGION, "db", true, null);
    }

    @Test
    void modifyWithApplyImmediatelyGoesThroughModifying() {
        rds.createInstance(ACCOUNT, REGION, mysql("db"));
        fails("InvalidDBInstanceState", () -> rds.modifyInstance(ACCOUNT, REGION,
                new ModifyInstanceRequest("db", "db.t3.small", null, null, null, null, null, null, null, null, true)));
        clock.advance(Duration.ofMinutes(5));
        DbInstance modifying = rds.modifyInstance(ACCOUNT, REGION,
                new ModifyInstanceRequest("db", "db.t3.small", 50, null, null, null, null, null, null, null, true));
        assertEquals("modifying", modifying.status(clock.instant()));
        assertEquals("db.t3.micro", modifying.instanceClass);
        assertEquals("db.t3.small", modifying.pendingInstanceClass);
        clock.advance(Duration.ofMinutes(2));
        DbInstance done = rds.describeInstances(ACCOUNT, REGION, "db", Map.of(), null, null).items().get(0);
        assertEquals("available", done.status(clock.instant()));
        assertEquals("db.t3.small", done.instanceClass);
        assertEquals(50, done.allocatedStorage);
        assertFalse(done.hasPending(clock.instant()));

        DbInstance later = rds.modifyInstance(ACCOUNT, REGION,
                new ModifyInstanceRequest("db", "db.t3.medium", null, null, null, null, null, null, null, null, false));
        assertEquals("available", later.status(clock.instant()), "without ApplyImmediately the change waits for the maintenance window");
        assertEquals("db.t3.medium", later.pendingInstanceClass);
    }

    @Test
    void rebootGoesThroughRebooting() {
        rds.createInstance(ACCOUNT, REGION, mysql("db"));
        clock.advance(Duration.ofMinutes(5));
        assertEquals("rebooting", rds.rebootInstance(ACCOUNT, REGION, "db", false).status(clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        assertEquals("available", status("db"));
    }

    @Test
    void dbInstancesAreNetworkEndpointsForEc2UntilGone() {
        rds.createInstance(ACCOUNT, REGION,
                request("db", "mysql", "db.t3.micro", 20, "admin", "Secret123!", null, null, List.of("sg-0db")));
        List<NetworkEndpoint> endpoints = rds.endpoints(ACCOUNT, REGION);
        assertEquals(1, endpoints.size());
        assertEquals(List.of("sg-0db"), endpoints.get(0).securityGroupIds());
        assertEquals(FakeNetwork.VPC, endpoints.get(0).vpcId());
        assertTrue(rds.endpoints(ACCOUNT, "eu-west-1").isEmpty());
        rds.deleteInstance(ACCOUNT, REGION, "db", true, null);
        assertEquals(1, rds.endpoints(ACCOUNT, REGION).size(), "a deleting instance still holds its groups");
        clock.advance(Duration.ofMinutes(2));
        assertTrue(rds.endpoints(ACCOUNT, REGION).isEmpty());
    }

    @Test
    void describePagesWithMarker() {
        for (int i = 0; i < 45; i++) {
            rds.createInstance(ACCOUNT, REGION, mysql(String.format("db%02d", i)));
        }
        Page<DbInstance> first = rds.describeInstances(ACCOUNT, REGION, null, Map.of(), null, 20);
        assertEquals(20, first.items().size());
        Page<DbInstance> second = rds.describeInstances(ACCOUNT, REGION, null, Map.of(), first.nextMarker(), 20);
        Page<DbInstance> third = rds.describeInstances(ACCOUNT, REGION, null, Map.of(), second.nextMarker(), 20);
        assertEquals("db20", second.items().get(0).identifier);
        assertEquals(5, third.items().size());
        assertNull(third.nextMarker());
        fails("InvalidParameterValue", () -> rds.describeInstances(ACCOUNT, REGION, null, Map.of(), null, 5));
        assertEquals(1, rds.describeInstances(ACCOUNT, REGION, null, Map.of("db-instance-id", List.of("db07")), null, null).items().size());
    }

    @Test
    void regionsAndAccountsAreSeparate() {
        rds.createInstance(ACCOUNT, REGION, mysql("db"));
        assertTrue(rds.describeInstances(ACCOUNT, "eu-west-1", null, Map.of(), null, null).items().isEmpty());
        assertTrue(rds.describeInstances("111111111111", REGION, null, Map.of(), null, null).items().isEmpty());
    }

    @Test
    void tagsOnCreateAndByArn() {
        CreateInstanceRequest r = mysql("db");
        DbInstance db = rds.createInstance(ACCOUNT, REGION, new CreateInstanceRequest("db", "mysql", null, "db.t3.micro", 20, null, null,
                "admin", "Secret123!", null, null, null, null, null, List.of(), null, null, null, null, null, null, null, null,
                Map.of("env", "dev")));
        assertEquals(Map.of("env", "dev"), rds.listTags(ACCOUNT, REGION, db.arn));
        rds.addTags(ACCOUNT, REGION, db.arn, Map.of("team", "web"));
        rds.removeTags(ACCOUNT, REGION, db.arn, List.of("env"));
        assertEquals(Map.of("team", "web"), rds.listTags(ACCOUNT, REGION, db.arn));
        fails("DBInstanceNotFound", () -> rds.listTags(ACCOUNT, REGION, "arn:aws:rds:us-east-1:000000000000:db:nope"));
        fails("InvalidParameterValue", () -> rds.listTags(ACCOUNT, REGION, "not-an-arn"));
        assertTrue(r.toString().contains("****") && !r.toString().contains("Secret123!"));
    }

    @Test
    void defaultSubnetGroupCoversTheDefaultVpc() {
        DbSubnetGroup group = rds.describeSubnetGroups(ACCOUNT, REGION, "default", null, null).items().get(0);
        assertEquals(FakeNetwork.VPC, group.vpcId());
        assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"), group.zones());
        fails("DBSubnetGroupNotFoundFault", () -> rds.describeSubnetGroups(ACCOUNT, REGION, "nope", null, null));
        fails("DBSubnetGroupDoesNotCoverEnoughAZs", () -> rds.createSubnetGroup(ACCOUNT, REGION, "one", "one zone", List.of("subnet-0a"), Map.of()));
        rds.createSubnetGroup(ACCOUNT, REGION, "two", "two zones", List.of("subnet-0a", "subnet-0b"), Map.of());
        assertEquals(2, rds.describeSubnetGroups(ACCOUNT, REGION, null, null, null).items().size());
    }

    @Test
    void stopAndStartAnInstance() {
        rds.createInstance(ACCOUNT, REGION, mysql("db"));
        AwsException early = fails("InvalidDBInstanceState", () -> rds.stopInstance(ACCOUNT, REGION, "db", null));
        assertEquals("Instance db is not in available state.", early.getMessage());
        clock.advance(Duration.ofMinutes(5));
        assertEquals("stopping", rds.stopInstance(ACCOUNT, REGION, "db", "before-stop").status(clock.instant()));
        clock.advance(Duration.ofMinutes(2));
        assertEquals("stopped", status("db"));
        fails("InvalidDBInstanceState", () -> rds.modifyInstance(ACCOUNT, REGION,
                new ModifyInstanceRequest("db", "db.t3.small", null, null, null, null, null, null, null, null, true)));
        assertEquals("starting", rds.startInstance(ACCOUNT, REGION, "db").status(clock.instant()));
        AwsException twice = fails("InvalidDBInstanceState", () -> rds.startInstance(ACCOUNT, REGION, "db"));
        assertEquals("Instance db is not stopped, it cannot be started.", twice.getMessage());
        clock.advance(Duration.ofMinutes(3));
        assertEquals("available", status("db"));
        assertEquals(1, rds.describeSnapshots(ACCOUNT, REGION, false, null, "db", null, null, null).items().size());
    }

    @Test
    void describeAcceptsAnArnForTheIdentifier() {
        DbInstance db = rds.createInstance(ACCOUNT, REGION, mysql("db"));
        assertEquals("db", rds.describeInstances(ACCOUNT, REGION, db.arn, Map.of(), null, null).items().get(0).identifier);
    }

    @Test
    void publiclyAccessibleDefaultsAsAwsDocumentsIt() {
        assertTrue(rds.createInstance(ACCOUNT, REGION, mysql("no-group")).publiclyAccessible, "no subnet group: public");
        rds.createSubnetGroup(ACCOUNT, REGION, "private", "two zones", List.of("subnet-0a", "subnet-0b"), Map.of());
        CreateInstanceRequest r = mysql("named-group");
        DbInstance inNamedGroup = rds.createInstance(ACCOUNT, REGION, new CreateInstanceRequest("named-group", "mysql", null,
                "db.t3.micro", 20, null, null, "admin", "Secret123!", null, null, null, null, null, List.of(), "private",
                null, null, null, null, null, null, null, Map.of()));
        assertFalse(inNamedGroup.publiclyAccessible, "a named subnet group other than default: private");
        assertTrue(r.toString().contains("named-group"));
    }

    @Test
    void dbNamePortAndFilterNamesAreChecked() {
        AwsException name = fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION, new CreateInstanceRequest("db",
                "mysql", null, "db.t3.micro", 20, null, null, "admin", "Secret123!", "my-app", null, null, null, null, List.of(),
                null, null, null, null, null, null, null, null, Map.of())));
        assertEquals("DBName must begin with a letter and contain only alphanumeric characters.", name.getMessage());
        fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION, new CreateInstanceRequest("db",
                "mysql", null, "db.t3.micro", 20, null, null, "admin", "Secret123!", "app_db", 80, null, null, null, List.of(),
                null, null, null, null, null, null, null, null, Map.of())));
        fails("InvalidParameterValue", () -> rds.describeInstances(ACCOUNT, REGION, null, Map.of("name", List.of("x")), null, null));
    }

    @Test
    void aNewMasterPasswordIsPendingWhileCredentialsAreReset() {
        rds.createInstance(ACCOUNT, REGION, mysql("db"));
        clock.advance(Duration.ofMinutes(5));
        fails("InvalidParameterValue", () -> rds.modifyInstance(ACCOUNT, REGION,
                new ModifyInstanceRequest("db", null, null, "no/slash1", null, null, null, null, null, null, false)));
        DbInstance resetting = rds.modifyInstance(ACCOUNT, REGION,
                new ModifyInstanceRequest("db", null, null, "NewSecret456!", null, null, null, null, null, null, false));
        assertEquals("resetting-master-credentials", resetting.status(clock.instant()));
        assertTrue(resetting.resettingPassword(clock.instant()));
        clock.advance(Duration.ofSeconds(30));
        DbInstance done = rds.describeInstances(ACCOUNT, REGION, "db", Map.of(), null, null).items().get(0);
        assertEquals("available", done.status(clock.instant()));
        assertFalse(done.hasPending(clock.instant()));
    }

    @Test
    void provisionedIopsRules() {
        AwsException io1 = fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION, new CreateInstanceRequest("db",
                "mysql", null, "db.t3.micro", 100, "io1", null, "admin", "Secret123!", null, null, null, null, null, List.of(),
                null, null, null, null, null, null, null, null, Map.of())));
        assertEquals("The storage type io1 requires iops to be specified.", io1.getMessage());
        fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION, new CreateInstanceRequest("db",
                "mysql", null, "db.t3.micro", 20, "gp3", 3000, "admin", "Secret123!", null, null, null, null, null, List.of(),
                null, null, null, null, null, null, null, null, Map.of())));
        DbInstance db = rds.createInstance(ACCOUNT, REGION, new CreateInstanceRequest("db", "mysql", null, "db.m5.large", 100, null,
                1000, "admin", "Secret123!", null, null, null, null, null, List.of(), null, null, null, null, null, null, null, null, Map.of()));
        assertEquals("io1", db.storageType, "IOPS without a storage type means io1");
    }

    @Test
    void aRefusedModificationChangesNothing() {
        rds.createInstance(ACCOUNT, REGION, mysql("db"));
        clock.advance(Duration.ofMinutes(5));
        fails("InvalidParameterValue", () -> rds.modifyInstance(ACCOUNT, REGION,
                new ModifyInstanceRequest("db", null, null, null, null, List.of("sg-0missing"), true, true, null, null, true)));
        DbInstance db = rds.describeInstances(ACCOUNT, REGION, "db", Map.of(), null, null).items().get(0);
        assertFalse(db.deletionProtection);
        assertEquals(List.of(FakeNetwork.DEFAULT_SG), db.vpcSecurityGroupIds);
        assertEquals("available", db.status(clock.instant()));
    }
}
