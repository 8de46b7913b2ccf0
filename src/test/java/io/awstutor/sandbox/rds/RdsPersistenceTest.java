package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.rds.model.DBInstance;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RdsPersistenceTest {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    @TempDir
    Path dir;

    private RdsBackend backend(MovableClock clock) {
        return new RdsBackend(new SandboxContext(clock, 1.0, Optional.of(dir)), new FakeNetwork().withGroup("sg-0db", FakeNetwork.VPC));
    }

    @Test
    void stateSurvivesARestartAndTimelinesKeepRunning() throws Exception {
        MovableClock clock = new MovableClock();
        RdsBackend before = backend(clock);
        DbInstance db = before.createInstance(ACCOUNT, REGION, RdsBackendTest.request("db", "postgres", "db.t4g.micro", 20, "dbadmin",
                "Secret123!", true, null, List.of("sg-0db")));
        before.addTags(ACCOUNT, REGION, db.arn, Map.of("env", "dev"));
        before.createCluster(ACCOUNT, REGION, AuroraClusterTest.cluster("app", "aurora-mysql", null, 0.5, 2.0));
        before.createSubnetGroup(ACCOUNT, REGION, "two", "two zones", List.of("subnet-0a", "subnet-0b"), Map.of());
        String json = Files.readString(dir.resolve("rds").resolve("rds.json"));
        assertFalse(json.contains("Secret123!"), "the password is never stored");

        clock.advance(Duration.ofMinutes(5));
        RdsBackend after = backend(clock);
        DbInstance restored = after.describeInstances(ACCOUNT, REGION, "db", Map.of(), null, null).items().get(0);
        assertEquals("available", restored.status(clock.instant()));
        assertEquals(db.endpointAddress, restored.endpointAddress);
        assertEquals(db.secondaryAvailabilityZone, restored.secondaryAvailabilityZone);
        assertEquals(Map.of("env", "dev"), after.listTags(ACCOUNT, REGION, db.arn));
        assertEquals(List.of("sg-0db"), after.endpoints(ACCOUNT, REGION).get(0).securityGroupIds());
        DbCluster cluster = after.describeClusters(ACCOUNT, REGION, "app", Map.of(), null, null).items().get(0);
        assertEquals(2.0, cluster.maxCapacity);
        assertEquals(2, after.describeSubnetGroups(ACCOUNT, REGION, null, null, null).items().size());

        after.deleteInstance(ACCOUNT, REGION, "db", false, "db-final");
        clock.advance(Duration.ofMinutes(3));
        RdsBackend third = backend(clock);
        assertTrue(third.describeInstances(ACCOUNT, REGION, null, Map.of(), null, null).items().isEmpty());
        assertTrue(third.endpoints(ACCOUNT, REGION).isEmpty());
        assertEquals("available", third.describeSnapshots(ACCOUNT, REGION, false, "db-final", null, null, null, null)
                .items().get(0).status(clock.instant()));
    }

    @Test
    void aCorruptStateFileIsReportedNotReplaced() throws Exception {
        Files.createDirectories(dir.resolve("rds"));
        Files.writeString(dir.resolve("rds").resolve("rds.json"), "{ not json");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> backend(new MovableClock()));
        assertTrue(e.getMessage().contains("rds.json"), e.getMessage());
        assertEquals("{ not json", Files.readString(dir.resolve("rds").resolve("rds.json")));
    }

    @Test
    void aSandboxWithADataFolderKeepsItsDatabasesOverHttp() {
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            box.rds().createDBInstance(RdsSdkTest.mysql("kept").build());
        }
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            DBInstance db = box.rds().describeDBInstances(r -> r.dbInstanceIdentifier("kept")).dbInstances().get(0);
            assertEquals("available", db.dbInstanceStatus());
        }
    }
}
