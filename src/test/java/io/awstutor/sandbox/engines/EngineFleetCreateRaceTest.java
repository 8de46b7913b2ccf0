package io.awstutor.sandbox.engines;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cluster created while the fleet is busy starting another engine (seconds, on its one
 * worker) keeps its master password: the fleet's pass, whose list of demands was read before
 * the create, used to take the new cluster for a deleted one, drop it with its data folder,
 * and adopt it again without the password, so the learner's first login was refused.
 */
class EngineFleetCreateRaceTest {

    @Test
    void aClusterCreatedWhileAnotherEngineStartsKeepsItsMasterPassword() throws Exception {
        EngineTestSandbox engines = EngineTestSandbox.start().admitLearner(5432, 5432);
        try (TestSandbox box = engines.box()) {
            RdsClient rds = box.rds();
            cluster(rds, engines.dbGroup(), "first");
            // the fleet's next pass (every 250 ms) starts the first engine: create the second meanwhile
            Thread.sleep(400);
            cluster(rds, engines.dbGroup(), "second");
            for (String id : List.of("first", "second")) {
                rds.waiter().waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier(id + "-writer"));
                DBCluster c = rds.describeDBClusters(r -> r.dbClusterIdentifier(id)).dbClusters().get(0);
                try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + c.endpoint() + ":" + c.port()
                        + "/shop?loginTimeout=120", "learner", id + "-pass-1"); Statement s = connection.createStatement()) {
                    assertEquals(List.of("1"), PostgresEngineTest.rows(s, "SELECT 1"), id);
                }
            }
            List<String> events = rds.describeEvents(r -> r.duration(60)).events().stream()
                    .map(e -> e.sourceIdentifier() + ": " + e.message()).toList();
            assertEquals(List.of(), events.stream().filter(e -> e.contains("password was not known")).toList());
        }
    }

    private static void cluster(RdsClient rds, String group, String id) {
        rds.createDBCluster(r -> r.dbClusterIdentifier(id).engine("aurora-postgresql").engineVersion("16.9")
                .masterUsername("learner").masterUserPassword(id + "-pass-1").databaseName("shop").vpcSecurityGroupIds(group)
                .serverlessV2ScalingConfiguration(s -> s.minCapacity(0.5).maxCapacity(2.0)));
        rds.createDBInstance(r -> r.dbInstanceIdentifier(id + "-writer").dbClusterIdentifier(id)
                .engine("aurora-postgresql").dbInstanceClass("db.serverless").publiclyAccessible(true));
    }
}
