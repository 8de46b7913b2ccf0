package io.awstutor.sandbox.http;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.rds.RdsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * At time scale 0 a call still answers the state AWS shows at the moment of the call
 * (pending, stopping, shutting-down, creating, deleting, InProgress); the next read sees where it ends.
 */
class TimeScaleZeroAnswersTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start(0.0);
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static String state(Ec2Client ec2, String id) {
        return ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0).state().nameAsString();
    }

    @Test
    void instancesAnswerTheStateTheyAreEntering() {
        Ec2Client ec2 = box.ec2();
        String ami = ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name").values("al2023-ami-*-x86_64").build()))
                .images().get(0).imageId();
        var launched = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1)).instances().get(0);
        assertEquals("pending", launched.state().nameAsString());
        String id = launched.instanceId();
        assertEquals("running", state(ec2, id));
        var stopping = ec2.stopInstances(r -> r.instanceIds(id)).stoppingInstances().get(0);
        assertEquals("running", stopping.previousState().nameAsString());
        assertEquals("stopping", stopping.currentState().nameAsString());
        assertEquals("stopped", state(ec2, id));
        assertEquals("pending", ec2.startInstances(r -> r.instanceIds(id)).startingInstances().get(0).currentState().nameAsString());
        assertEquals("running", state(ec2, id));
        assertEquals("shutting-down", ec2.terminateInstances(r -> r.instanceIds(id)).terminatingInstances().get(0).currentState().nameAsString());
        assertEquals("terminated", state(ec2, id), "a terminated instance stays listed a while, even at time scale 0");
    }

    @Test
    void databasesAnswerCreatingAndDeleting() {
        RdsClient rds = box.rds();
        var created = rds.createDBInstance(r -> r.dbInstanceIdentifier("zero-db").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("correct-horse-9")).dbInstance();
        assertEquals("creating", created.dbInstanceStatus());
        assertEquals("available", rds.describeDBInstances(r -> r.dbInstanceIdentifier("zero-db")).dbInstances().get(0).dbInstanceStatus());
        assertEquals("modifying", rds.modifyDBInstance(r -> r.dbInstanceIdentifier("zero-db").allocatedStorage(30).applyImmediately(true))
                .dbInstance().dbInstanceStatus());
        assertEquals("available", rds.describeDBInstances(r -> r.dbInstanceIdentifier("zero-db")).dbInstances().get(0).dbInstanceStatus());
        assertEquals("available", rds.modifyDBInstance(r -> r.dbInstanceIdentifier("zero-db").copyTagsToSnapshot(true))
                .dbInstance().dbInstanceStatus(), "a change that needs no work answers the status as it is");
        assertEquals("deleting", rds.deleteDBInstance(r -> r.dbInstanceIdentifier("zero-db").skipFinalSnapshot(true)).dbInstance().dbInstanceStatus());

        var cluster = rds.createDBCluster(r -> r.dbClusterIdentifier("zero-cluster").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("correct-horse-9")).dbCluster();
        assertEquals("creating", cluster.status());
        assertEquals("available", rds.describeDBClusters(r -> r.dbClusterIdentifier("zero-cluster")).dbClusters().get(0).status());
        assertEquals("deleting", rds.deleteDBCluster(r -> r.dbClusterIdentifier("zero-cluster").skipFinalSnapshot(true)).dbCluster().status());
    }

    private static DistributionConfig config() {
        return DistributionConfig.builder().callerReference("zero-1").comment("site").enabled(true)
                .origins(o -> o.quantity(1).items(origin -> origin.id("site").domainName("site.s3.amazonaws.com")
                        .s3OriginConfig(s -> s.originAccessIdentity(""))))
                .defaultCacheBehavior(b -> b.targetOriginId("site").viewerProtocolPolicy(ViewerProtocolPolicy.ALLOW_ALL)
                        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))
                .build();
    }

    @Test
    void distributionsAnswerInProgress() {
        CloudFrontClient cf = box.cloudfront();
        var created = cf.createDistribution(b -> b.distributionConfig(config()));
        assertEquals("InProgress", created.distribution().status());
        String id = created.distribution().id();
        assertEquals("Deployed", cf.getDistribution(r -> r.id(id)).distribution().status());
        var invalidation = cf.createInvalidation(r -> r.distributionId(id).invalidationBatch(b -> b.callerReference("inv-1")
                .paths(p -> p.quantity(1).items("/*")))).invalidation();
        assertEquals("InProgress", invalidation.status());
        assertEquals("Completed", cf.getInvalidation(r -> r.distributionId(id).id(invalidation.id())).invalidation().status());
    }
}
