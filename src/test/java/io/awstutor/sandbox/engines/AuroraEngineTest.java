package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Aurora clusters are real databases too: a Serverless v2 cluster with a db.serverless writer
 * answers SQL at the cluster's endpoint, PostgreSQL for aurora-postgresql and MariaDB for
 * aurora-mysql, once the writer is public and its security group admits the learner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuroraEngineTest {
    private TestSandbox box;
    private RdsClient rds;
    private String dbGroup;

    @BeforeAll
    void start() {
        EngineTestSandbox engines = EngineTestSandbox.start().admitLearner(3306, 5432);
        box = engines.box();
        dbGroup = engines.dbGroup();
        rds = box.rds();
    }

    @AfterAll
    void stop() {
        box.close();
    }

    @Test
    void anAuroraPostgresqlClusterAnswersAtItsEndpoint() throws Exception {
        DBCluster cluster = cluster("aurora-postgresql", "16.9", "pg-cluster");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + cluster.endpoint() + ":" + cluster.port()
                + "/shop?loginTimeout=120", "learner", "first-pass-1"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (v text)");
            s.execute("INSERT INTO t VALUES ('aurora')");
            assertEquals(List.of("aurora"), PostgresEngineTest.rows(s, "SELECT v FROM t"));
        }
    }

    @Test
    void anAuroraMysqlClusterAnswersAtItsEndpoint() throws Exception {
        DBCluster cluster = cluster("aurora-mysql", "8.0.mysql_aurora.3.08.2", "my-cluster");
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + cluster.endpoint() + ":" + cluster.port()
                + "/shop?connectTimeout=120000", "learner", "first-pass-1"); Statement s = c.createStatement()) {
            assertEquals(List.of("2"), PostgresEngineTest.rows(s, "SELECT 1 + 1"));
        }
    }

    private DBCluster cluster(String engine, String version, String id) {
        rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine(engine).engineVersion(version).masterUsername("learner")
                .masterUserPassword("first-pass-1").databaseName("shop").vpcSecurityGroupIds(dbGroup)
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(2.0)));
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id + "-writer").dbClusterIdentifier(id).engine(engine)
                .dbInstanceClass("db.serverless").publiclyAccessible(true));
        rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(id + "-writer"));
        DBCluster cluster = rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0);
        assertEquals("127.0.0.1", cluster.endpoint());
        return cluster;
    }
}
