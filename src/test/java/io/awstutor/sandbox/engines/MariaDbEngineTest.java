package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.Endpoint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real MariaDB behind an RDS {@code mysql} instance: dropped until a rule admits the learner,
 * then SQL over JDBC, and a snapshot restored into a new instance keeps the rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MariaDbEngineTest {
    private TestSandbox box;
    private RdsClient rds;
    private Ec2Client ec2;
    private String dbGroup;

    @BeforeAll
    void start() {
        EngineTestSandbox engines = EngineTestSandbox.start();
        box = engines.box();
        dbGroup = engines.dbGroup();
        rds = box.rds();
        ec2 = box.ec2();
    }

    @AfterAll
    void stop() {
        box.close();
    }

    @Test
    void aMysqlInstanceAnswersSqlOnceARuleAdmitsTheLearnerAndItsSnapshotKeepsTheRows() throws Exception {
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("first-pass-1").dbName("shop")
                .vpcSecurityGroupIds(dbGroup).publiclyAccessible(true));
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("shop"));
        Endpoint endpoint = endpoint("shop");
        SQLException dropped = assertThrows(SQLException.class, () -> connect(endpoint, 2000).close());
        assertTrue(dropped.getMessage().contains("timed out") || dropped.getMessage().contains("Timeout"), dropped.getMessage());

        ec2.authorizeSecurityGroupIngress(r -> r.groupId(dbGroup).ipPermissions(p -> p.ipProtocol("tcp").fromPort(3306).toPort(3306)
                .ipRanges(range -> range.cidrIp(EngineFleet.LEARNER_PUBLIC_IP + "/32"))));
        try (Connection c = connect(endpoint, 120_000); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id int PRIMARY KEY, item varchar(20))");
            s.execute("INSERT INTO orders VALUES (1, 'kettle'), (2, 'teapot')");
            assertEquals(List.of("1 kettle", "2 teapot"), PostgresEngineTest.rows(s, "SELECT id, item FROM orders ORDER BY id"));
            assertTrue(PostgresEngineTest.rows(s, "SELECT version()").get(0).contains("MariaDB"));
        }

        rds.createDBSnapshot(r -> r.dbSnapshotIdentifier("kept").dbInstanceIdentifier("shop"));
        rds.waiter().waitUntilDBSnapshotAvailable(r -> r.dbSnapshotIdentifier("kept"));
        rds.restoreDBInstanceFromDBSnapshot(r -> r.dbInstanceIdentifier("shop-restored").dbSnapshotIdentifier("kept")
                .vpcSecurityGroupIds(dbGroup).publiclyAccessible(true));
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("shop-restored"));
        try (Connection c = connect(endpoint("shop-restored"), 120_000); Statement s = c.createStatement()) {
            assertEquals(List.of("1 kettle", "2 teapot"), PostgresEngineTest.rows(s, "SELECT id, item FROM orders ORDER BY id"));
        }
    }

    private Endpoint endpoint(String id) {
        return rds.describeDBInstances(r -> r.dbInstanceIdentifier(id)).dbInstances().get(0).endpoint();
    }

    private static Connection connect(Endpoint endpoint, int timeoutMillis) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://" + endpoint.address() + ":" + endpoint.port() + "/shop?connectTimeout="
                + timeoutMillis, "admin", "first-pass-1");
    }
}
