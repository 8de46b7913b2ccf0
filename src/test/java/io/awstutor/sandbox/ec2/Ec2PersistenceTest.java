package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a data folder, EC2's state survives a restart; the private key never reaches the disk. */
class Ec2PersistenceTest {

    @Test
    void stateSurvivesARestart(@TempDir Path dir) throws Exception {
        String web;
        String db;
        String vpcId;
        String instanceId;
        String privateIp;
        String keyMaterial;
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            Ec2Client ec2 = box.ec2();
            vpcId = ec2.describeVpcs().vpcs().get(0).vpcId();
            web = ec2.createSecurityGroup(r -> r.groupName("web").description("web tier")).groupId();
            db = ec2.createSecurityGroup(r -> r.groupName("db").description("db tier")).groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                    .fromPort(3306).toPort(3306).userIdGroupPairs(UserIdGroupPair.builder().groupId(web).description("from web").build()).build()));
            ec2.createTags(r -> r.resources(db).tags(Tag.builder().key("tier").value("data").build()));
            keyMaterial = ec2.createKeyPair(r -> r.keyName("k")).keyMaterial();
            String ami = ec2.describeImages(r -> r.owners("amazon")).images().get(0).imageId();
            Instance instance = ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1)
                    .securityGroupIds(web).keyName("k")).instances().get(0);
            instanceId = instance.instanceId();
            privateIp = instance.privateIpAddress();
        }
        Path file = dir.resolve("ec2").resolve("ec2.json");
        assertTrue(Files.exists(file));
        String body = Files.readString(file);
        String keyBody = keyMaterial.split("\n")[1];
        assertEquals(64, keyBody.length(), keyMaterial.substring(0, 100));
        assertFalse(body.contains(keyBody), "the private key is never stored");

        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            Ec2Client ec2 = box.ec2();
            assertEquals(vpcId, ec2.describeVpcs().vpcs().get(0).vpcId());
            SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(db)).securityGroups().get(0);
            assertEquals(web, group.ipPermissions().get(0).userIdGroupPairs().get(0).groupId());
            assertEquals("from web", group.ipPermissions().get(0).userIdGroupPairs().get(0).description());
            assertEquals("data", group.tags().get(0).value());
            Instance instance = ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0);
            assertEquals(privateIp, instance.privateIpAddress());
            assertEquals("running", instance.state().nameAsString());
            assertEquals(1, ec2.describeKeyPairs().keyPairs().size());
            assertEquals(1, ec2.describeInstances(r -> r.filters(Filter.builder().name("instance.group-id").values(web).build()))
                    .reservations().size());
            assertEquals("DependencyViolation", org.junit.jupiter.api.Assertions.assertThrows(
                    software.amazon.awssdk.services.ec2.model.Ec2Exception.class,
                    () -> ec2.deleteSecurityGroup(r -> r.groupId(web))).awsErrorDetails().errorCode());
        }
    }
}
