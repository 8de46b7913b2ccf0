package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.sandbox.rds.DatabaseEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.Event;
import software.amazon.awssdk.services.rds.model.RdsException;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.DatabaseResumingException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aurora Serverless v2 on real engines, at time scale 0 (SecondsUntilAutoPause and the resume
 * time shrink to nothing): a cluster whose range starts at 0 ACUs pauses its engine process
 * when no one is connected, with AWS's events on the writer; the next connection waits for the
 * resume and works; a Data API call is answered DatabaseResumingException and wakes it.
 * ModifyDBCluster's new master password reaches the engine, and a cluster
 * snapshot restored into a new cluster brings the rows back. One sandbox for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerlessEngineTest {
    private static final String PAUSED = "Successfully paused the DB instance.";
    private static final String RESUMED = "Successfully resumed the DB instance.";
    private TestSandbox box;
    private RdsClient rds;
    private EngineFleet fleet;
    private String dbGroup;
    private String password = "first-pass-1";

    @BeforeAll
    void start() {
        EngineTestSandbox engines = EngineTestSandbox.start().admitLearner(5432, 5432);
        box = engines.box();
        dbGroup = engines.dbGroup();
        rds = box.rds();
        fleet = box.sandbox().resource(EngineFleet.class).orElseThrow();
        rds.createDBCluster(r -> r.dbClusterIdentifier("idle").engine("aurora-postgresql").engineVersion("16.9")
                .masterUsername("learner").masterUserPassword(password).databaseName("shop").vpcSecurityGroupIds(dbGroup)
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.0).maxCapacity(2.0).secondsUntilAutoPause(600)));
        writer("idle");
    }

    @AfterAll
    void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    @Order(1)
    void anIdleClusterPausesItsEngineAndTheWriterReportsItAsAwsDoes() throws Exception {
        DBCluster cluster = cluster("idle");
        assertEquals(0.0, cluster.serverlessV2ScalingConfiguration().minCapacity());
        assertEquals(600, cluster.serverlessV2ScalingConfiguration().secondsUntilAutoPause());
        awaitEvent("idle-writer", PAUSED, 1);
        assertTrue(fleet.enginePid(ref("idle")).isEmpty(), "a paused cluster runs no engine process");
        assertEquals(List.of("Initiated pause for the DB instance.", PAUSED), messages("idle-writer").subList(0, 2));
        assertEquals("available", rds.describeDBInstances(r -> r.dbInstanceIdentifier("idle-writer")).dbInstances().get(0)
                .dbInstanceStatus(), "a paused instance is still available, as on AWS");
        assertEquals("available", cluster("idle").status());
    }

    @Test
    @Order(2)
    void theFirstConnectionWaitsForTheResumeAndWorks() throws Exception {
        awaitEvent("idle-writer", PAUSED, 1);
        try (Connection c = connect("idle", password); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id int PRIMARY KEY, item text)");
            s.execute("INSERT INTO orders VALUES (1, 'kettle'), (2, 'teapot')");
            List<String> events = messages("idle-writer");
            assertTrue(events.contains("Initiated resume for the DB instance.") && events.contains(RESUMED), events.toString());
            long pausesBefore = events.stream().filter(PAUSED::equals).count();
            Thread.sleep(1000);
            // an open connection keeps the writer awake, whatever SecondsUntilAutoPause says
            assertEquals(pausesBefore, messages("idle-writer").stream().filter(PAUSED::equals).count());
            assertEquals(List.of("kettle", "teapot"), PostgresEngineTest.rows(s, "SELECT item FROM orders ORDER BY id"));
        }
        awaitEvent("idle-writer", PAUSED, 2);
    }

    @Test
    @Order(3)
    void aDataApiCallOnAPausedClusterAnswersDatabaseResumingAndWakesIt() throws Exception {
        awaitEvent("idle-writer", PAUSED, 2);
        rds.modifyDBCluster(r -> r.dbClusterIdentifier("idle").enableHttpEndpoint(true));
        String secret = box.secretsmanager().createSecret(r -> r.name("idle-login")
                .secretString("{\"username\":\"learner\",\"password\":\"" + password + "\"}")).arn();
        String arn = cluster("idle").dbClusterArn();
        awaitEvent("idle-writer", PAUSED, 2);
        long resumesBefore = messages("idle-writer").stream().filter(RESUMED::equals).count();
        assertTrue(fleet.enginePid(ref("idle")).isEmpty(), "paused before the call");
        RdsDataClient data = box.rdsdata();
        DatabaseResumingException resuming = assertThrows(DatabaseResumingException.class, () -> data.executeStatement(
                r -> r.resourceArn(arn).secretArn(secret).database("shop").sql("SELECT count(*) FROM orders")));
        assertEquals(400, resuming.statusCode());
        assertEquals("The Aurora DB instance idle-writer is resuming after being auto-paused. "
                + "Please wait a few seconds and try again.", resuming.awsErrorDetails().errorMessage());
        awaitEvent("idle-writer", RESUMED, resumesBefore + 1);
        // as an application would: try again a little later (at time scale 0 the writer may pause
        // again between two calls, and each try wakes it)
        Long count = null;
        for (int i = 0; i < 100 && count == null; i++) {
            try {
                count = data.executeStatement(r -> r.resourceArn(arn).secretArn(secret).database("shop")
                        .sql("SELECT count(*) FROM orders")).records().get(0).get(0).longValue();
            } catch (DatabaseResumingException again) {
                Thread.sleep(100);
            }
        }
        assertEquals(2L, count);
    }

    @Test
    @Order(4)
    void modifyDbClusterChangesTheMasterPasswordInTheEngine() throws Exception {
        RdsException weak = assertThrows(RdsException.class, () -> rds.modifyDBCluster(r -> r.dbClusterIdentifier("idle")
                .masterUserPassword("short")));
        assertEquals("InvalidParameterValue", weak.awsErrorDetails().errorCode());
        rds.modifyDBCluster(r -> r.dbClusterIdentifier("idle").masterUserPassword("second-pass-2"));
        // the engine takes the new password a moment after the call (as RDS's resetting-master-credentials
        // does; a paused writer takes it when it resumes): the old one is refused from then on
        SQLException old = null;
        for (long deadline = System.nanoTime() + 30_000_000_000L; old == null && System.nanoTime() < deadline; ) {
            try {
                connect("idle", password).close();
                Thread.sleep(100);
            } catch (SQLException refused) {
                old = refused;
            }
        }
        assertTrue(old != null && old.getMessage().contains("password authentication failed"), String.valueOf(old));
        password = "second-pass-2";
        try (Connection c = connect("idle", password); Statement s = c.createStatement()) {
            assertEquals(List.of("2"), PostgresEngineTest.rows(s, "SELECT count(*) FROM orders"));
        }
    }

    @Test
    @Order(5)
    void aClusterSnapshotRestoredIntoANewClusterBringsTheRowsBack() throws Exception {
        rds.createDBClusterSnapshot(r -> r.dbClusterSnapshotIdentifier("idle-snap").dbClusterIdentifier("idle"));
        rds.waiter().waitUntilDBClusterSnapshotAvailable(r -> r.dbClusterSnapshotIdentifier("idle-snap"));
        try (Connection c = connect("idle", password); Statement s = c.createStatement()) {
            s.execute("DROP TABLE orders");
        }
        rds.restoreDBClusterFromSnapshot(r -> r.dbClusterIdentifier("again").snapshotIdentifier("idle-snap")
                .engine("aurora-postgresql").vpcSecurityGroupIds(dbGroup)
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(2.0)));
        writer("again");
        assertEquals("shop", cluster("again").databaseName());
        try (Connection c = connect("again", password); Statement s = c.createStatement()) {
            assertEquals(List.of("kettle", "teapot"), PostgresEngineTest.rows(s, "SELECT item FROM orders ORDER BY id"));
        }
        assertFalse(messages("again-writer").contains(PAUSED), "a range from 0.5 ACUs never pauses");
    }

    @Test
    @Order(6)
    void raisingTheMinimumAboveZeroResumesAPausedWriter() throws Exception {
        awaitEvent("idle-writer", PAUSED, 1);
        rds.modifyDBCluster(r -> r.dbClusterIdentifier("idle").serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5)));
        DBCluster cluster = cluster("idle");
        assertEquals(0.5, cluster.serverlessV2ScalingConfiguration().minCapacity());
        assertEquals(2.0, cluster.serverlessV2ScalingConfiguration().maxCapacity(), "the maximum is kept when only the minimum changes");
        assertEquals(null, cluster.serverlessV2ScalingConfiguration().secondsUntilAutoPause(), "shown only while the minimum is 0");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (fleet.enginePid(ref("idle")).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(fleet.enginePid(ref("idle")).isPresent(), "the engine runs again without a connection");
    }

    @Test
    @Order(7)
    void dataApiCallsKeepTheWriterAwakeAsConnectionsDo() throws Exception {
        // A sandbox of its own at a hundredth of AWS's durations: SecondsUntilAutoPause 300 is 3 s.
        EngineTestSandbox slow = EngineTestSandbox.start(0.01);
        try (TestSandbox own = slow.box()) {
            RdsClient rds = own.rds();
            ScaleToZero cluster = ScaleToZero.create(own, "busy");
            String secret = cluster.secret();
            String arn = cluster.arn();
            RdsDataClient data = own.rdsdata();
            java.util.function.Function<String, Long> count = tx -> data.executeStatement(r -> r.resourceArn(arn)
                    .secretArn(secret).database("shop").sql("SELECT count(*) FROM pg_class").transactionId(tx))
                    .records().get(0).get(0).longValue();
            long deadline = System.nanoTime() + 120_000_000_000L;
            Long first = null;
            while (first == null && System.nanoTime() < deadline) {
                try {
                    first = count.apply(null);
                } catch (RuntimeException notYet) {
                    // the writer is still being created, or paused before this first call
                    Thread.sleep(200);
                }
            }
            assertTrue(first != null && first > 0, "the Data API answers once the writer is available");
            long pausesBefore = pauses(rds, "busy-writer");
            String tx = data.beginTransaction(r -> r.resourceArn(arn).secretArn(secret).database("shop")).transactionId();
            // 6 s of calls every half second, twice the 3 s idle time: plain ones and a transaction's
            for (int i = 0; i < 12; i++) {
                assertTrue(count.apply(i % 2 == 0 ? null : tx) > 0);
                Thread.sleep(500);
            }
            data.commitTransaction(r -> r.resourceArn(arn).secretArn(secret).transactionId(tx));
            assertEquals(pausesBefore, pauses(rds, "busy-writer"), "no pause while the Data API is in use");
            long idleDeadline = System.nanoTime() + 60_000_000_000L;
            while (pauses(rds, "busy-writer") == pausesBefore && System.nanoTime() < idleDeadline) {
                Thread.sleep(200);
            }
            assertEquals(pausesBefore + 1, pauses(rds, "busy-writer"), "idle again, the writer pauses");
        }
    }

    @Test
    @Order(8)
    void anOpenDataApiTransactionKeepsTheWriterAwakeLikeAnOpenConnection() throws Exception {
        // At a hundredth of AWS's durations SecondsUntilAutoPause 300 is 3 s; the transaction
        // below waits twice that between its statements. On AWS the Data API holds the
        // transaction's connection open, and Aurora never pauses a writer with a connection.
        EngineTestSandbox slow = EngineTestSandbox.start(0.01);
        try (TestSandbox own = slow.box()) {
            RdsClient rds = own.rds();
            ScaleToZero cluster = ScaleToZero.create(own, "txn");
            String secret = cluster.secret();
            String arn = cluster.arn();
            RdsDataClient data = own.rdsdata();
            java.util.function.BiConsumer<String, String> sql = (statement, tx) -> data.executeStatement(r -> r
                    .resourceArn(arn).secretArn(secret).database("shop").sql(statement).transactionId(tx));
            boolean created = false;
            for (long deadline = System.nanoTime() + 120_000_000_000L; !created && System.nanoTime() < deadline; ) {
                try {
                    sql.accept("CREATE TABLE orders (id int PRIMARY KEY)", null);
                    created = true;
                } catch (RuntimeException notYet) {
                    // the writer is still being created, or paused before this first call
                    Thread.sleep(200);
                }
            }
            assertTrue(created, "the Data API answers once the writer is available");
            String tx = data.beginTransaction(r -> r.resourceArn(arn).secretArn(secret).database("shop")).transactionId();
            sql.accept("INSERT INTO orders VALUES (1)", tx);
            long pausesBefore = pauses(rds, "txn-writer");
            Thread.sleep(6000);
            assertEquals(pausesBefore, pauses(rds, "txn-writer"), "no pause while a transaction is open");
            sql.accept("INSERT INTO orders VALUES (2)", tx);
            assertEquals("Transaction Committed",
                    data.commitTransaction(r -> r.resourceArn(arn).secretArn(secret).transactionId(tx)).transactionStatus());
            long count = data.executeStatement(r -> r.resourceArn(arn).secretArn(secret).database("shop")
                    .sql("SELECT count(*) FROM orders")).records().get(0).get(0).longValue();
            assertEquals(2L, count, "both rows of the committed transaction are there");
        }
    }

    @Test
    @Order(9)
    void aDataApiCallTriedAgainAFewSecondsAfterDatabaseResumingGetsThrough() throws Exception {
        // At time scale 0 the idle time is nothing: the woken writer used to pause again before
        // the retry the exception asks for came (the AWS CLI alone takes a second to start), so
        // the Data API never answered a scale-to-zero cluster outside a tight loop.
        rds.createDBCluster(r -> r.dbClusterIdentifier("wake").engine("aurora-postgresql").engineVersion("16.9")
                .masterUsername("learner").masterUserPassword("wake-pass-1").databaseName("shop").enableHttpEndpoint(true)
                .vpcSecurityGroupIds(dbGroup)
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.0).maxCapacity(2.0).secondsUntilAutoPause(300)));
        writer("wake");
        String secret = box.secretsmanager().createSecret(r -> r.name("wake-login")
                .secretString("{\"username\":\"learner\",\"password\":\"wake-pass-1\"}")).arn();
        String arn = cluster("wake").dbClusterArn();
        RdsDataClient data = box.rdsdata();
        awaitEvent("wake-writer", PAUSED, 1);
        assertThrows(DatabaseResumingException.class, () -> data.executeStatement(
                r -> r.resourceArn(arn).secretArn(secret).database("shop").sql("SELECT 1")));
        awaitEvent("wake-writer", RESUMED, 1);
        Thread.sleep(3000);
        assertEquals(1L, data.executeStatement(r -> r.resourceArn(arn).secretArn(secret).database("shop").sql("SELECT 1"))
                .records().get(0).get(0).longValue(), "the call tried again a few seconds later finds the writer awake");
    }

    /** A cluster whose range starts at 0 ACUs (SecondsUntilAutoPause 300), its writer, and a secret for the Data API. */
    private record ScaleToZero(String arn, String secret) {
        static ScaleToZero create(TestSandbox own, String id) {
            RdsClient rds = own.rds();
            rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine("aurora-postgresql").engineVersion("16.9")
                    .masterUsername("learner").masterUserPassword(id + "-pass-1").databaseName("shop").enableHttpEndpoint(true)
                    .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.0).maxCapacity(2.0).secondsUntilAutoPause(300)));
            rds.createDBInstance(r -> r.dbInstanceIdentifier(id + "-writer").dbClusterIdentifier(id)
                    .engine("aurora-postgresql").dbInstanceClass("db.serverless"));
            String secret = own.secretsmanager().createSecret(r -> r.name(id + "-login")
                    .secretString("{\"username\":\"learner\",\"password\":\"" + id + "-pass-1\"}")).arn();
            return new ScaleToZero(rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0).dbClusterArn(), secret);
        }
    }

    private static long pauses(RdsClient rds, String instance) {
        return rds.describeEvents(r -> r.sourceIdentifier(instance).sourceType("db-instance")).events().stream()
                .filter(e -> PAUSED.equals(e.message())).count();
    }

    private void writer(String cluster) {
        rds.createDBInstance(r -> r.dbInstanceIdentifier(cluster + "-writer").dbClusterIdentifier(cluster)
                .engine("aurora-postgresql").dbInstanceClass("db.serverless").publiclyAccessible(true));
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(cluster + "-writer"));
    }

    private DBCluster cluster(String id) {
        return rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0);
    }

    private static DatabaseEngines.Ref ref(String cluster) {
        return new DatabaseEngines.Ref("000000000000", "us-east-1", "cluster:" + cluster);
    }

    private Connection connect(String cluster, String pass) throws SQLException {
        DBCluster c = cluster(cluster);
        try {
            return DriverManager.getConnection("jdbc:postgresql://" + c.endpoint() + ":" + c.port() + "/shop?loginTimeout=120",
                    "learner", pass);
        } catch (SQLException e) {
            // what the sandbox said about the cluster and its writer, to tell why
            List<String> events = rds.describeEvents(r -> r.duration(60)).events().stream()
                    .map(ev -> ev.sourceIdentifier() + ": " + ev.message()).toList();
            throw new SQLException(e.getMessage() + " (events: " + events + ")", e.getSQLState(), e);
        }
    }

    /** The writer's events, newest last, as DescribeEvents lists them. */
    private List<String> messages(String instance) {
        List<String> all = rds.describeEvents(r -> r.sourceIdentifier(instance).sourceType("db-instance")).events().stream()
                .map(Event::message).toList();
        return all.stream().filter(m -> m.contains("pause") || m.contains("resume")).toList();
    }

    private void awaitEvent(String instance, String message, long times) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (messages(instance).stream().filter(message::equals).count() < times && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(messages(instance).stream().filter(message::equals).count() >= times,
                "expected '" + message + "' " + times + " time(s), events: " + messages(instance));
    }
}
