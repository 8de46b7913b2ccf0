package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IAM decides who may call EC2 (UnauthorizedOperation), tags across resources, instance status. */
class Ec2AccessAndTagsHttpTest {
    private static TestSandbox box;
    private static Ec2Client ec2;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        ec2 = box.ec2();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    @Test
    void aUserNeedsAPolicyAndDryRunTellsWhetherTheyHaveOne() {
        IamClient iam = box.iam();
        iam.createUser(r -> r.userName("learner"));
        AccessKey key = iam.createAccessKey(r -> r.userName("learner")).accessKey();
        AwsCredentials credentials = TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey());
        Ec2Client asLearner = box.ec2(credentials, "us-east-1");

        Ec2Exception denied = assertThrows(Ec2Exception.class, asLearner::describeSecurityGroups);
        assertEquals("UnauthorizedOperation", denied.awsErrorDetails().errorCode());
        assertEquals(403, denied.statusCode());
        assertTrue(denied.awsErrorDetails().errorMessage().contains("ec2:DescribeSecurityGroups"), denied.awsErrorDetails().errorMessage());
        Ec2Exception deniedDry = assertThrows(Ec2Exception.class,
                () -> asLearner.createSecurityGroup(r -> r.groupName("x").description("x").dryRun(true)));
        assertEquals("UnauthorizedOperation", deniedDry.awsErrorDetails().errorCode(), "DryRun without permission");

        iam.putUserPolicy(r -> r.userName("learner").policyName("ec2").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"ec2:Describe*\",\"ec2:CreateSecurityGroup\"],\"Resource\":\"*\"}]}"));
        assertTrue(asLearner.describeSecurityGroups().securityGroups().size() >= 1);
        Ec2Exception dry = assertThrows(Ec2Exception.class,
                () -> asLearner.createSecurityGroup(r -> r.groupName("x").description("x").dryRun(true)));
        assertEquals("DryRunOperation", dry.awsErrorDetails().errorCode(), "DryRun with permission");
        String groupId = asLearner.createSecurityGroup(r -> r.groupName("learner-web").description("web")).groupId();
        Ec2Exception noRules = assertThrows(Ec2Exception.class, () -> asLearner.authorizeSecurityGroupIngress(r -> r.groupId(groupId)
                .ipProtocol("tcp").fromPort(80).toPort(80).cidrIp("0.0.0.0/0")));
        assertEquals("UnauthorizedOperation", noRules.awsErrorDetails().errorCode());
        assertTrue(noRules.awsErrorDetails().errorMessage().contains(":security-group/" + groupId), noRules.awsErrorDetails().errorMessage());
    }

    @Test
    void tagsOnAnyResource() {
        String groupId = ec2.createSecurityGroup(r -> r.groupName("tagged-group").description("t")).groupId();
        String vpcId = ec2.describeVpcs().vpcs().get(0).vpcId();
        ec2.createTags(r -> r.resources(groupId, vpcId).tags(Tag.builder().key("env").value("lesson").build(),
                Tag.builder().key("owner").value("me").build()));
        List<TagDescription> tags = ec2.describeTags(r -> r.filters(Filter.builder().name("key").values("env").build())).tags();
        assertEquals(2, tags.size());
        assertTrue(tags.stream().anyMatch(t -> t.resourceId().equals(groupId) && t.resourceTypeAsString().equals("security-group")));
        assertTrue(tags.stream().anyMatch(t -> t.resourceId().equals(vpcId) && t.resourceTypeAsString().equals("vpc")));
        ec2.deleteTags(r -> r.resources(groupId).tags(Tag.builder().key("env").build()));
        assertEquals(List.of("owner"), ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0).tags()
                .stream().map(Tag::key).toList());
        Ec2Exception missing = assertThrows(Ec2Exception.class, () -> ec2.createTags(r -> r.resources("sg-0123456789abcdef0")
                .tags(Tag.builder().key("a").value("b").build())));
        assertEquals("InvalidGroup.NotFound", missing.awsErrorDetails().errorCode());
    }

    @Test
    void instanceStatusListsRunningInstances() {
        String ami = ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("architecture").values("x86_64").build()))
                .images().get(0).imageId();
        String id = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.small").minCount(1).maxCount(1)).instances().get(0).instanceId();
        List<InstanceStatus> statuses = ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses();
        assertEquals(1, statuses.size());
        assertEquals("running", statuses.get(0).instanceState().nameAsString());
        assertEquals("ok", statuses.get(0).instanceStatus().statusAsString());
        assertEquals("passed", statuses.get(0).instanceStatus().details().get(0).statusAsString());
        assertEquals(1, ec2.describeInstanceStatus(r -> r.filters(Filter.builder().name("instance-status.reachability").values("passed").build(),
                Filter.builder().name("availability-zone-id").values("use1-az*").build())).instanceStatuses().size());
        assertEquals(0, ec2.describeInstanceStatus(r -> r.filters(Filter.builder().name("system-status.reachability")
                .values("failed").build())).instanceStatuses().size());
        ec2.stopInstances(r -> r.instanceIds(id));
        assertEquals(0, ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().size());
        assertEquals("stopped", ec2.describeInstanceStatus(r -> r.instanceIds(id).includeAllInstances(true)).instanceStatuses()
                .get(0).instanceState().nameAsString());
    }

    @Test
    void malformedNumbersGetEc2sOwnError() {
        io.awstutor.sandbox.SignedHttp.Response response = io.awstutor.sandbox.SignedHttp.postForm(box.endpoint(), "ec2",
                "us-east-1", TestSandbox.root(), box.clock(),
                "Action=RunInstances&Version=2016-11-15&ImageId=ami-0123456789abcdef0&MinCount=one&MaxCount=1");
        assertEquals(400, response.status());
        assertTrue(response.body().contains("<Code>InvalidParameterValue</Code>"), response.body());
        assertTrue(response.body().contains("<RequestID>"), response.body());
    }
}
