package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeDbClustersResponse;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;
import software.amazon.awssdk.services.rds.waiters.RdsWaiter;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK's own RdsWaiter against the sandbox at a small time scale (a 5-minute creation
 * takes 3 s): the waiter polls DescribeDBInstances until AWS's acceptors are satisfied.
 */
class RdsWaiterTest {

    private static RdsWaiter waiter(RdsClient rds) {
        return RdsWaiter.builder().client(rds)
                .overrideConfiguration(o -> o.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(50))).maxAttempts(200))
                .build();
    }

    @Test
    void waitsForAnInstanceToBecomeAvailableAndThenToBeDeleted() {
        try (TestSandbox box = TestSandbox.start(0.01)) {
            RdsClient rds = box.rds();
            rds.createDBInstance(RdsSdkTest.mysql("waited").build());
            assertEquals("creating", rds.describeDBInstances(r -> r.dbInstanceIdentifier("waited")).dbInstances().get(0).dbInstanceStatus());
            try (RdsWaiter waiter = waiter(rds)) {
                WaiterResponse<DescribeDbInstancesResponse> available =
                        waiter.waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("waited"));
                assertEquals("available", available.matched().response().orElseThrow().dbInstances().get(0).dbInstanceStatus());
                assertTrue(available.attemptsExecuted() > 1, "the waiter had to wait: " + available.attemptsExecuted());

                rds.deleteDBInstance(r -> r.dbInstanceIdentifier("waited").skipFinalSnapshot(true));
                WaiterResponse<DescribeDbInstancesResponse> deleted =
                        waiter.waitUntilDBInstanceDeleted(r -> r.dbInstanceIdentifier("waited"));
                assertEquals("DBInstanceNotFound", deleted.matched().exception().map(e -> ((software.amazon.awssdk.awscore.exception.AwsServiceException) e)
                        .awsErrorDetails().errorCode()).orElse("no exception"));
                assertTrue(deleted.attemptsExecuted() > 1, "deletion took a while: " + deleted.attemptsExecuted());
            }
        }
    }

    @Test
    void waitsForAServerlessV2ClusterAndItsInstance() {
        try (TestSandbox box = TestSandbox.start(0.01)) {
            RdsClient rds = box.rds();
            rds.createDBCluster(r -> r.dbClusterIdentifier("app").engine("aurora-mysql").masterUsername("dbadmin")
                    .masterUserPassword("Secret123!").serverlessV2ScalingConfiguration(s -> s.minCapacity(0.0).maxCapacity(2.0)));
            rds.createDBInstance(r -> r.dbInstanceIdentifier("app-writer").dbClusterIdentifier("app")
                    .engine("aurora-mysql").dbInstanceClass("db.serverless"));
            try (RdsWaiter waiter = waiter(rds)) {
                WaiterResponse<DescribeDbClustersResponse> cluster = waiter.waitUntilDBClusterAvailable(r -> r.dbClusterIdentifier("app"));
                assertEquals("available", cluster.matched().response().orElseThrow().dbClusters().get(0).status());
                waiter.waitUntilDBInstanceAvailable(r -> r.dbInstanceIdentifier("app-writer"));
                assertEquals("app-writer", rds.describeDBClusters(r -> r.dbClusterIdentifier("app")).dbClusters().get(0)
                        .dbClusterMembers().get(0).dbInstanceIdentifier());
            }
        }
    }
}
