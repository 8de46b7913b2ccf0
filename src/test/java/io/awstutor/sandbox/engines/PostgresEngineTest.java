package io.awstutor.sandbox.engines;

import io.awstutor.progress.TutorHome;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Endpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real PostgreSQL behind an RDS instance, through the SDK and JDBC as a learner uses them:
 * the endpoint drops connections until a security group rule admits the learner's address,
 * then answers SQL; a snapshot restored into a new instance brings the rows back; a new master
 * password works; deleting the instance leaves no engine running. One sandbox for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresEngineTest {
    private static final String LEARNER = EngineFleet.LEARNER_PUBLIC_IP + "/32";
    private TestSandbox box;
    private RdsClient rds;
    private Ec2Client ec2;
    private String dbGroup;

    @BeforeAll
    void start() {
        box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0)
                .withEngines(EngineSettings.cachedIn(TutorHome.resolve()).withProgress(System.err::println)));
        rds = box.rds();
        ec2 = box.ec2();
        String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
        dbGroup = ec2.createSecurityGroup(r -> r.groupName("db").description("database").vpcId(vpc)).groupId();
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("learner").masterUserPassword("first-pass-1").dbName("shop")
                .vpcSecurityGroupIds(dbGroup).publiclyAccessible(true));
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("shop"));
    }

    @AfterAll
    void stop() {
        if (box != null) {
            box.close();
        }
    }

    @Test
    @Order(1)
    void theEndpointIsALoopbackPortThatDropsTheLearnerUntilARuleAdmitsThem() throws Exception {
        Endpoint endpoint = instance("shop").endpoint();
        assertEquals("127.0.0.1", endpoint.address());
        long started = System.nanoTime();
        SQLException dropped = assertThrows(SQLException.class, () -> connect(endpoint, "learner", "first-pass-1", "shop", 2).close());
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertEquals("Connection attempt timed out.", dropped.getMessage());
        assertTrue(waited >= 1500, "a dropped connection answers nothing until the client's timeout, got an answer after " + waited + " ms: "
                + dropped.getMessage());

        ec2.authorizeSecurityGroupIngress(r -> r.groupId(dbGroup).ipPermissions(p -> p.ipProtocol("tcp").fromPort(5432).toPort(5432)
                .ipRanges(range -> range.cidrIp(LEARNER))));
        try (Connection c = connect(endpoint, "learner", "first-pass-1", "shop"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id int PRIMARY KEY, item text)");
            s.execute("INSERT INTO orders VALUES (1, 'kettle'), (2, 'teapot')");
            assertEquals(List.of("1 kettle", "2 teapot"), rows(s, "SELECT id, item FROM orders ORDER BY id"));
            assertEquals(List.of("17"), rows(s, "SELECT split_part(current_setting('server_version'), '.', 1)"));
            assertEquals(String.join("\n", "2 rows", "+----+--------+", "| id | item   |", "+----+--------+",
                    "| 1  | kettle |", "| 2  | teapot |", "+----+--------+"),
                    io.awstutor.jshell.agent.SqlTable.query(c, "SELECT id, item FROM orders ORDER BY id").toString());
        }
    }

    @Test
    @Order(2)
    void aSnapshotRestoredIntoANewInstanceBringsTheRowsBack() throws Exception {
        rds.createDBSnapshot(r -> r.dbSnapshotIdentifier("before-drop").dbInstanceIdentifier("shop"));
        rds.waiter().waitUntilDBSnapshotAvailable(r -> r.dbSnapshotIdentifier("before-drop"));
        try (Connection c = retryConnect(instance("shop").endpoint(), "first-pass-1"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE orders");
        }
        rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("shop-restored").dbSnapshotIdentifier("before-drop")
                .vpcSecurityGroupIds(dbGroup).publiclyAccessible(true));
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("shop-restored"));
        try (Connection c = connect(instance("shop-restored").endpoint(), "learner", "first-pass-1", "shop");
             Statement s = c.createStatement()) {
            assertEquals(List.of("1 kettle", "2 teapot"), rows(s, "SELECT id, item FROM orders ORDER BY id"));
        }
    }

    @Test
    @Order(3)
    void aNewMasterPasswordReplacesTheOld() throws Exception {
        rds.modifyDBInstance(r -> r.dbInstanceIdentifier("shop").masterUserPassword("second-pass-2").applyImmediately(true));
        Endpoint endpoint = instance("shop").endpoint();
        SQLException last = null;
        for (int i = 0; i < 50; i++) {
            try (Connection c = connect(endpoint, "learner", "second-pass-2", "shop")) {
                last = null;
                break;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        assertEquals(null, last);
        SQLException old = assertThrows(SQLException.class, () -> connect(endpoint, "learner", "first-pass-1", "shop").close());
        assertTrue(old.getMessage().contains("password authentication failed"), old.getMessage());
    }

    @Test
    @Order(4)
    void revokingTheRuleDropsNewConnectionsAndDeletingLeavesNoEngine() throws Exception {
        ec2.revokeSecurityGroupIngress(r -> r.groupId(dbGroup).ipPermissions(p -> p.ipProtocol("tcp").fromPort(5432).toPort(5432)
                .ipRanges(range -> range.cidrIp(LEARNER))));
        SQLException dropped = assertThrows(SQLException.class,
                () -> connect(instance("shop").endpoint(), "learner", "second-pass-2", "shop", 2).close());
        assertEquals("Connection attempt timed out.", dropped.getMessage());

        EngineFleet fleet = box.sandbox().resource(EngineFleet.class).orElseThrow();
        long pid = fleet.enginePid(new io.awstutor.sandbox.rds.DatabaseEngines.Ref("000000000000", "us-east-1", "shop")).orElseThrow();
        assertTrue(ProcessHandle.of(pid).isPresent());
        rds.deleteDBInstance(r -> r.dbInstanceIdentifier("shop").skipFinalSnapshot(true));
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(100);
        }
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the deleted instance's engine still runs");
    }

    @Test
    @Order(5)
    void noEngineOutlivesTheSandbox() throws Exception {
        EngineFleet fleet = box.sandbox().resource(EngineFleet.class).orElseThrow();
        long pid = fleet.enginePid(new io.awstutor.sandbox.rds.DatabaseEngines.Ref("000000000000", "us-east-1", "shop-restored"))
                .orElseThrow();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        box.close();
        box = null;
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the engine still runs after the sandbox closed");
    }

    private DBInstance instance(String id) {
        return rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0);
    }

    static Connection connect(Endpoint endpoint, String user, String password, String database) throws SQLException {
        return connect(endpoint, user, password, database, 60);
    }

    /** The login timeout is what fires on a dropped connection; an admitted one may wait for its engine to start. */
    static Connection connect(Endpoint endpoint, String user, String password, String database, int timeoutSeconds)
            throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("loginTimeout", String.valueOf(timeoutSeconds));
        return DriverManager.getConnection("jdbc:postgresql://" + endpoint.address() + ":" + endpoint.port() + "/" + database, props);
    }

    /** A snapshot restarts the engine; the first connection after it may meet the restart. */
    private static Connection retryConnect(Endpoint endpoint, String password) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return connect(endpoint, "learner", password, "shop");
            } catch (SQLException e) {
                if (i == 30) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    static List<String> rows(Statement s, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" ", values));
            }
        }
        return rows;
    }
}
