package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuroraClusterTest {
    private static final String ACCOUNT = "000000000000";
    private static final String REGION = "us-east-1";

    private final MovableClock clock = new MovableClock();
    private final RdsBackend rds = new RdsBackend(new SandboxContext(clock, 1.0, Optional.empty()), new FakeNetwork());

    static CreateClusterRequest cluster(String id, String engine, String mode, Double min, Double max) {
        return new CreateClusterRequest(id, engine, null, mode, "dbadmin", "Secret123!", null, null, List.of(), null, List.of(),
                null, null, null, null, min != null || max != null ? new ServerlessV2Scaling(min, max, null) : null, Map.of());
    }

    static ModifyClusterRequest modify(String id, Boolean deletionProtection, ServerlessV2Scaling scaling) {
        return new ModifyClusterRequest(id, deletionProtection, scaling);
    }

    static CreateInstanceRequest member(String id, String engine, String instanceClass, String clusterId) {
        return new CreateInstanceRequest(id, engine, null, instanceClass, null, null, null, null, null, null, null, null, null,
                null, List.of(), null, null, null, null, null, null, clusterId, null, Map.of());
    }

    private static AwsException fails(String code, Executable call) {
        AwsException e = assertThrows(AwsException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void serverlessV1IsRefusedAsAwsRefusesItSinceItsEndOfLife() {
        AwsException e = fails("InvalidParameterValue", () -> rds.createCluster(ACCOUNT, REGION, cluster("old", "aurora-mysql", "serverless", null, null)));
        assertEquals("The engine mode serverless you requested is currently unavailable.", e.getMessage());
    }

    @Test
    void serverlessV2ClusterWithADbServerlessWriter() {
        DbCluster c = rds.createCluster(ACCOUNT, REGION, cluster("app", "aurora-postgresql", null, 0.5, 4.0));
        assertEquals("creating", c.status(clock.instant()));
        assertEquals(5432, c.port);
        assertTrue(c.endpoint.matches("app\\.cluster-[a-z0-9]{12}\\.us-east-1\\.rds\\.amazonaws\\.com"), c.endpoint);
        assertTrue(c.readerEndpoint.startsWith("app.cluster-ro-"), c.readerEndpoint);
        DbInstance writer = rds.createInstance(ACCOUNT, REGION, member("app-1", "aurora-postgresql", "db.serverless", "app"));
        assertEquals("app", writer.clusterIdentifier);
        assertEquals("aurora", writer.storageType);
        assertEquals("dbadmin", writer.masterUsername);
        clock.advance(Duration.ofMinutes(5));
        assertEquals("available", rds.describeClusters(ACCOUNT, REGION, "app", Map.of(), null, null).items().get(0).status(clock.instant()));
        assertEquals(List.of("app-1"), rds.clusterMembers(ACCOUNT, REGION, "app").stream().map(m -> m.identifier).toList());
    }

    @Test
    void serverlessV2CapacityIsValidated() {
        AwsException both = fails("InvalidParameterValue", () -> rds.createCluster(ACCOUNT, REGION, cluster("a", "aurora-mysql", null, 1.0, null)));
        assertEquals("Both MinCapacity and MaxCapacity must be specified when you initialize Serverless v2 scaling configuration.", both.getMessage());
        AwsException max = fails("InvalidParameterValue", () -> rds.createCluster(ACCOUNT, REGION, cluster("a", "aurora-mysql", null, 0.5, 0.5)));
        assertTrue(max.getMessage().startsWith("Serverless v2 maximum capacity 0.5 isn't valid. The maximum capacity must be at least 1.0"), max.getMessage());
        fails("InvalidParameterValue", () -> rds.createCluster(ACCOUNT, REGION, cluster("a", "aurora-mysql", null, 0.5, 300.0)));
        fails("InvalidParameterValue", () -> rds.createCluster(ACCOUNT, REGION, cluster("a", "aurora-mysql", null, 8.0, 4.0)));
        fails("InvalidParameterValue", () -> rds.createCluster(ACCOUNT, REGION, cluster("a", "aurora-mysql", null, 0.7, 4.0)));
        rds.createCluster(ACCOUNT, REGION, cluster("zero", "aurora-mysql", null, 0.0, 256.0));
    }

    @Test
    void secondsUntilAutoPauseIsKeptOnlyWhileTheMinimumIsZero() {
        CreateClusterRequest tooSoon = new CreateClusterRequest("a", "aurora-postgresql", "16.9", null, "dbadmin", "Secret123!", null,
                null, List.of(), null, List.of(), null, null, null, null, new ServerlessV2Scaling(0.0, 2.0, 299), Map.of());
        AwsException e = fails("InvalidParameterValue", () -> rds.createCluster(ACCOUNT, REGION, tooSoon));
        assertEquals("SecondsUntilAutoPause must be between 300 and 86400.", e.getMessage());
        DbCluster c = rds.createCluster(ACCOUNT, REGION, cluster("p", "aurora-postgresql", null, 0.0, 2.0));
        assertEquals(300, c.secondsUntilAutoPause, "AWS's default");
        assertTrue(c.autoPauses());
        clock.advance(Duration.ofMinutes(2));
        c = rds.modifyCluster(ACCOUNT, REGION, modify("p", null, new ServerlessV2Scaling(null, null, 3600)));
        assertEquals(3600, c.secondsUntilAutoPause);
        c = rds.modifyCluster(ACCOUNT, REGION, modify("p", null, new ServerlessV2Scaling(1.0, null, null)));
        assertEquals(null, c.secondsUntilAutoPause, "a nonzero minimum removes it");
        assertEquals(2.0, c.maxCapacity);
        assertFalse(c.autoPauses());
        c = rds.modifyCluster(ACCOUNT, REGION, modify("p", null, new ServerlessV2Scaling(0.0, null, null)));
        assertEquals(300, c.secondsUntilAutoPause, "back to 0, back to the default");
    }

    @Test
    void dbServerlessNeedsTheClustersScalingConfiguration() {
        rds.createCluster(ACCOUNT, REGION, cluster("prov", "aurora-mysql", "provisioned", null, null));
        AwsException e = fails("InvalidDBClusterStateFault", () -> rds.createInstance(ACCOUNT, REGION, member("prov-1", "aurora-mysql", "db.serverless", "prov")));
        assertEquals("Set the Serverless v2 scaling configuration on the parent DB cluster before creating a Serverless v2 DB instance.", e.getMessage());
        rds.createInstance(ACCOUNT, REGION, member("prov-1", "aurora-mysql", "db.r6g.large", "prov"));
        fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION, member("prov-2", "aurora-mysql", "db.t3.micro", "prov")));
        fails("InvalidParameterCombination", () -> rds.createInstance(ACCOUNT, REGION, member("prov-3", "aurora-postgresql", "db.r6g.large", "prov")));
        fails("DBClusterNotFoundFault", () -> rds.createInstance(ACCOUNT, REGION, member("x-1", "aurora-mysql", "db.r6g.large", "nope")));
    }

    @Test
    void aClusterWithInstancesCannotBeDeletedAndNeedsTheFinalSnapshotRule() {
        rds.createCluster(ACCOUNT, REGION, cluster("app", "aurora-mysql", null, 0.5, 2.0));
        rds.createInstance(ACCOUNT, REGION, member("app-1", "aurora-mysql", "db.serverless", "app"));
        clock.advance(Duration.ofMinutes(5));
        AwsException members = fails("InvalidDBClusterStateFault", () -> rds.deleteCluster(ACCOUNT, REGION, "app", true, null));
        assertEquals("Cluster cannot be deleted, it still contains DB instances in non-deleting state.", members.getMessage());
        rds.deleteInstance(ACCOUNT, REGION, "app-1", false, null);
        AwsException rule = fails("InvalidParameterCombination", () -> rds.deleteCluster(ACCOUNT, REGION, "app", false, null));
        assertEquals("FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.", rule.getMessage());
        DbCluster deleting = rds.deleteCluster(ACCOUNT, REGION, "app", false, "app-final");
        assertEquals("deleting", deleting.status(clock.instant()));
        assertEquals(1, rds.describeSnapshots(ACCOUNT, REGION, true, "app-final", null, null, null, null).items().size());
        clock.advance(Duration.ofMinutes(2));
        AwsException gone = fails("DBClusterNotFoundFault", () -> rds.describeClusters(ACCOUNT, REGION, "app", Map.of(), null, null));
        assertEquals("DBCluster app not found.", gone.getMessage());
    }

    @Test
    void auroraEnginesRunOnlyInClustersAndClustersOnlyAurora() {
        fails("InvalidParameterValue", () -> rds.createCluster(ACCOUNT, REGION, cluster("c", "mysql", null, null, null)));
        fails("InvalidParameterValue", () -> rds.createInstance(ACCOUNT, REGION, member("solo", "aurora-mysql", "db.r6g.large", null)));
        rds.createCluster(ACCOUNT, REGION, cluster("c", "aurora-mysql", null, null, null));
        fails("DBClusterAlreadyExistsFault", () -> rds.createCluster(ACCOUNT, REGION, cluster("C", "aurora-mysql", null, null, null)));
    }

    @Test
    void modifyClusterChangesCapacityAndDeletionProtection() {
        rds.createCluster(ACCOUNT, REGION, cluster("app", "aurora-postgresql", null, 0.5, 2.0));
        fails("InvalidDBClusterStateFault", () -> rds.modifyCluster(ACCOUNT, REGION, modify("app", true, null)));
        clock.advance(Duration.ofMinutes(2));
        DbCluster modified = rds.modifyCluster(ACCOUNT, REGION, modify("app", true, new ServerlessV2Scaling(1.0, 8.0, null)));
        assertEquals(8.0, modified.maxCapacity);
        AwsException protectedCluster = fails("InvalidParameterCombination", () -> rds.deleteCluster(ACCOUNT, REGION, "app", true, null));
        assertEquals("Cannot delete protected Cluster, please disable deletion protection and try again.", protectedCluster.getMessage());
        fails("InvalidParameterValue", () -> rds.modifyCluster(ACCOUNT, REGION, modify("app", null, new ServerlessV2Scaling(4.0, 2.0, null))));
        rds.modifyCluster(ACCOUNT, REGION, modify("app", false, null));
        rds.deleteCluster(ACCOUNT, REGION, "app", true, null);
    }
}
