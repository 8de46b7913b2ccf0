package io.awstutor.workshop.aws;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.iam.model.User;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The permissions boundary of a provisioned workshop, proved where IAM's enforcement is real
 * (the sandbox), with each learner's own keys: they work inside their names, region and
 * instance types, and every way out is refused with AWS's own error.
 */
class ProvisionBoundaryTest {
    private static TestSandbox box;
    private static List<ProvisionedLearner> learners;
    private static ClientFactory root;

    @BeforeAll
    static void provision() {
        box = TestSandbox.start();
        root = new ClientFactory(TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, box.endpoint(), "eu-west-1",
                Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY));
        learners = new Provisioner(root, line -> { }).provision("cloud101", "eu-west-1", List.of("t3.micro", "t2.micro"),
                List.of("Ana María", "Ben"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static AwsCredentials keys(int learner) {
        return TestSandbox.credentials(learners.get(learner).accessKeyId(), learners.get(learner).secretAccessKey());
    }

    private static String code(Executable call) {
        return assertThrows(AwsServiceException.class, call).awsErrorDetails().errorCode();
    }

    @Test
    void eachLearnerIsAUserWithTheBoundaryAKeyAndAPasswordToReset() {
        assertEquals(List.of("ws-ana-maria", "ws-ben"), learners.stream().map(ProvisionedLearner::userName).toList());
        User ana = box.iam().getUser(b -> b.userName("ws-ana-maria")).user();
        assertEquals("arn:aws:iam::000000000000:policy/awstutor-workshop-cloud101", ana.permissionsBoundary().permissionsBoundaryArn());
        assertTrue(box.iam().getLoginProfile(b -> b.userName("ws-ben")).loginProfile().passwordResetRequired());
        assertTrue(box.iam().listUserTags(b -> b.userName("ws-ben")).tags().stream()
                .anyMatch(t -> t.key().equals("awstutor-workshop") && t.value().equals("cloud101")));
        assertFalse(learners.get(0).toString().contains(learners.get(0).secretAccessKey()));
    }

    @Test
    void aLearnerWorksInsideTheirNamesRegionAndInstanceTypes() {
        var anaS3 = box.s3(keys(0), "eu-west-1");
        anaS3.createBucket(b -> b.bucket("ws-ana-maria-notes").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        anaS3.putObject(b -> b.bucket("ws-ana-maria-notes").key("a.txt"), RequestBody.fromString("a"));
        var anaEc2 = box.ec2(keys(0), "eu-west-1");
        String image = anaEc2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
        assertEquals(1, anaEc2.runInstances(b -> b.imageId(image).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)
                .tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("ws-ana-maria-web")))).instances().size());

        assertEquals("AccessDenied", code(() -> anaS3.createBucket(b -> b.bucket("someone-elses-name")
                .createBucketConfiguration(c -> c.locationConstraint("eu-west-1")))), "names outside the prefix");
        assertEquals("UnauthorizedOperation", code(() -> anaEc2.runInstances(b -> b.imageId(image)
                .instanceType(InstanceType.M5_24_XLARGE).minCount(1).maxCount(1))), "an instance type outside the workshop's list");
        assertEquals("UnauthorizedOperation", code(() -> box.ec2(keys(0), "us-west-2").describeVpcs()), "another region");
    }

    @Test
    void aLearnerCannotReadAnotherLearnersBucket() {
        box.s3(keys(1), "eu-west-1").createBucket(b -> b.bucket("ws-ben-private").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        assertEquals("AccessDenied", code(() -> box.s3(keys(0), "eu-west-1").listObjectsV2(b -> b.bucket("ws-ben-private"))));
    }

    @Test
    void aLearnerCannotEscapeTheBoundary() {
        var anaIam = box.iam(keys(0));
        String boundary = "arn:aws:iam::000000000000:policy/awstutor-workshop-cloud101";
        assertEquals("AccessDenied", code(() -> anaIam.createUser(b -> b.userName("admin"))), "an administrator outside the prefix");
        assertEquals("AccessDenied", code(() -> anaIam.createUser(b -> b.userName("ws-ana-maria-admin"))), "a user without the boundary");
        anaIam.createUser(b -> b.userName("ws-ana-maria-app").permissionsBoundary(boundary)); // with it, inside the prefix: fine
        assertEquals("AccessDenied", code(() -> anaIam.attachUserPolicy(b -> b.userName("ws-ana-maria-app")
                .policyArn("arn:aws:iam::aws:policy/AdministratorAccess"))), "AdministratorAccess for a user of theirs");
        assertEquals("AccessDenied", code(() -> anaIam.attachUserPolicy(b -> b.userName("ws-ana-maria")
                .policyArn("arn:aws:iam::aws:policy/AdministratorAccess"))), "AdministratorAccess for themselves");
        assertEquals("AccessDenied", code(() -> anaIam.deleteUserPermissionsBoundary(b -> b.userName("ws-ana-maria"))), "removing their boundary");
        assertEquals("AccessDenied", code(() -> anaIam.putUserPermissionsBoundary(b -> b.userName("ws-ana-maria")
                .permissionsBoundary("arn:aws:iam::aws:policy/AdministratorAccess"))), "changing their boundary");
        assertEquals("AccessDenied", code(() -> anaIam.createPolicyVersion(b -> b.policyArn(boundary).setAsDefault(true)
                .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))),
                "rewriting the boundary policy");
        assertEquals("ws-ana-maria", box.iam().getUser(b -> b.userName("ws-ana-maria")).user().userName());
    }

    @Test
    void credentialsGoToOwnerOnlyFiles(@TempDir Path out) throws Exception {
        List<Path> files = CredentialCards.write(out, "000000000000", "eu-west-1", "cloud101", learners);
        for (Path file : files) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        String cards = Files.readString(files.get(1));
        assertTrue(cards.contains("ws-ana-maria") && cards.contains(learners.get(0).password()), cards);
        assertTrue(Files.readString(files.get(0)).lines().count() == 3);
    }

    /** Last: teardown removes what the learners made, then the learners, then the policy. */
    @Test
    void teardownRemovesEverything() {
        TestSandbox own = TestSandbox.start();
        try (own) {
            ClientFactory clients = new ClientFactory(TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, own.endpoint(), "eu-west-1",
                    Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY));
            List<ProvisionedLearner> pair = new Provisioner(clients, line -> { }).provision("t1", "eu-west-1", List.of("t3.micro"), List.of("Cy", "Di"));
            AwsCredentials cy = TestSandbox.credentials(pair.get(0).accessKeyId(), pair.get(0).secretAccessKey());
            own.s3(cy, "eu-west-1").createBucket(b -> b.bucket("ws-cy-site").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
            own.s3(cy, "eu-west-1").putObject(b -> b.bucket("ws-cy-site").key("index.html"), RequestBody.fromString("hi"));
            String group = own.ec2(cy, "eu-west-1").createSecurityGroup(b -> b.groupName("ws-cy-web").description("web")).groupId();
            String image = own.ec2(cy, "eu-west-1").describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            own.ec2(cy, "eu-west-1").runInstances(b -> b.imageId(image).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1)
                    .securityGroupIds(group).tagSpecifications(t -> t.resourceType("instance").tags(tag -> tag.key("Name").value("ws-cy-web"))));
            own.iam(cy).createUser(b -> b.userName("ws-cy-bot").permissionsBoundary("arn:aws:iam::000000000000:policy/awstutor-workshop-t1"));
            own.s3().createBucket(b -> b.bucket("instructors-own")); // not the learners': stays

            List<String> lines = new ArrayList<>();
            var result = new Teardown(clients, lines::add).teardown("t1", "eu-west-1");
            assertEquals(0, result.failed(), String.join("\n", lines));
            assertEquals(List.of("instructors-own"), own.s3().listBuckets().buckets().stream().map(b -> b.name()).toList());
            assertTrue(own.iam().listUsers().users().isEmpty(), "learners and their users are gone: " + lines);
            assertTrue(own.ec2(TestSandbox.root(), "eu-west-1").describeSecurityGroups(b -> b.filters(Filter.builder()
                    .name("group-name").values("ws-cy-web").build())).securityGroups().isEmpty());
            assertTrue(own.ec2(TestSandbox.root(), "eu-west-1").describeInstances().reservations().stream()
                    .flatMap(r -> r.instances().stream()).allMatch(i -> i.state().nameAsString().equals("terminated")));
            assertTrue(own.iam().listPolicies(b -> b.scope("Local")).policies().isEmpty(), "the workshop's policy is gone");
        }
    }
}
