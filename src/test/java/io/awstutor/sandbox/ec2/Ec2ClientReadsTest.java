package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AccountAttribute;
import software.amazon.awssdk.services.ec2.model.AccountAttributeValue;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reads Terraform's aws provider and boto3's resources make that a learner's own code
 * seldom does, answered as AWS answers them: legacy camelCase filter names, the account's
 * attributes, a VPC's attributes and main route table, network interfaces (instances' and
 * RDS's), an instance's attributes, credit mode, root volume and hypervisor.
 */
class Ec2ClientReadsTest {
    private static TestSandbox box;
    private static Ec2Client ec2;
    private static String defaultVpc;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        ec2 = box.ec2();
        defaultVpc = ec2.describeVpcs(r -> r.filters(filter("is-default", "true"))).vpcs().get(0).vpcId();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static String ami() {
        return ec2.describeImages(r -> r.owners("amazon").filters(filter("name", "al2023-ami-*-x86_64"))).images().get(0).imageId();
    }

    private static Instance launch(String type) {
        return ec2.runInstances(r -> r.imageId(ami()).instanceType(type).minCount(1).maxCount(1)).instances().get(0);
    }

    @Test
    void legacyCamelCaseFilterNamesWorkWhereAwsAcceptsThem() {
        assertEquals(List.of(defaultVpc), ec2.describeVpcs(r -> r.filters(filter("isDefault", "true"))).vpcs().stream()
                .map(v -> v.vpcId()).toList());
        assertEquals(6, ec2.describeSubnets(r -> r.filters(filter("defaultForAz", "true"))).subnets().size());
        assertEquals(1, ec2.describeSubnets(r -> r.filters(filter("availabilityZone", "us-east-1b"), filter("cidr", "172.31.16.0/20")))
                .subnets().size());
        assertEquals(1, ec2.describeSubnets(r -> r.filters(filter("availabilityZoneId", "use1-az1"))).subnets().size());
        Ec2Exception bad = assertThrows(Ec2Exception.class, () -> ec2.describeVpcs(r -> r.filters(filter("isdefault", "true"))));
        assertEquals("The filter 'isdefault' is invalid", bad.awsErrorDetails().errorMessage());
    }

    @Test
    void accountAttributesNameTheDefaultVpcAndVpcOnly() {
        Map<String, List<String>> attributes = ec2.describeAccountAttributes().accountAttributes().stream()
                .collect(Collectors.toMap(AccountAttribute::attributeName,
                        a -> a.attributeValues().stream().map(AccountAttributeValue::attributeValue).toList()));
        assertEquals(List.of("VPC"), attributes.get("supported-platforms"));
        assertEquals(List.of(defaultVpc), attributes.get("default-vpc"));
        assertEquals(List.of("20"), attributes.get("max-instances"));
        assertEquals(List.of("default-vpc"), ec2.describeAccountAttributes(r -> r.attributeNamesWithStrings("default-vpc"))
                .accountAttributes().stream().map(AccountAttribute::attributeName).toList());
    }

    @Test
    void vpcAttributesAndTheMainRouteTable() {
        assertTrue(ec2.describeVpcAttribute(r -> r.vpcId(defaultVpc).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value());
        assertTrue(ec2.describeVpcAttribute(r -> r.vpcId(defaultVpc).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport().value());
        String own = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        assertFalse(ec2.describeVpcAttribute(r -> r.vpcId(own).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames().value());
        Ec2Exception missing = assertThrows(Ec2Exception.class,
                () -> ec2.describeVpcAttribute(r -> r.vpcId("vpc-0123456789abcdef0").attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)));
        assertEquals("InvalidVpcID.NotFound", missing.awsErrorDetails().errorCode());

        List<RouteTable> main = ec2.describeRouteTables(r -> r.filters(filter("association.main", "true"), filter("vpc-id", defaultVpc)))
                .routeTables();
        assertEquals(1, main.size());
        assertEquals(List.of("172.31.0.0/16", "0.0.0.0/0"), main.get(0).routes().stream().map(rt -> rt.destinationCidrBlock()).toList());
        assertTrue(main.get(0).routes().get(1).gatewayId().startsWith("igw-"));
        assertTrue(main.get(0).associations().get(0).main());
        List<RouteTable> ownTables = ec2.describeRouteTables(r -> r.filters(filter("vpc-id", own))).routeTables();
        assertEquals(List.of("local"), ownTables.get(0).routes().stream().map(rt -> rt.gatewayId()).toList());
        ec2.deleteVpc(r -> r.vpcId(own));
    }

    @Test
    void anInstanceShowsItsRootVolumeAttributesAndCreditMode() {
        Instance launched = launch("t2.micro");
        String id = launched.instanceId();
        Instance instance = ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0);
        assertEquals("xen", instance.hypervisorAsString());
        assertEquals("/dev/xvda", instance.blockDeviceMappings().get(0).deviceName());
        String volumeId = instance.blockDeviceMappings().get(0).ebs().volumeId();
        assertTrue(volumeId.startsWith("vol-"), volumeId);
        assertEquals(0, instance.networkInterfaces().get(0).attachment().deviceIndex());

        Volume volume = ec2.describeVolumes(r -> r.volumeIds(volumeId)).volumes().get(0);
        assertEquals(8, volume.size());
        assertEquals(id, volume.attachments().get(0).instanceId());
        assertEquals(List.of(volumeId), ec2.describeVolumes(r -> r.filters(filter("attachment.instance-id", id))).volumes().stream()
                .map(Volume::volumeId).toList());

        assertFalse(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.DISABLE_API_TERMINATION))
                .disableApiTermination().value());
        assertEquals("stop", ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.INSTANCE_INITIATED_SHUTDOWN_BEHAVIOR))
                .instanceInitiatedShutdownBehavior().value());
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(b -> b.value(true)));
        Ec2Exception protectedOne = assertThrows(Ec2Exception.class, () -> ec2.terminateInstances(r -> r.instanceIds(id)));
        assertEquals("OperationNotPermitted", protectedOne.awsErrorDetails().errorCode());
        assertTrue(ec2.describeInstanceAttribute(r -> r.instanceId(id).attribute(InstanceAttributeName.DISABLE_API_TERMINATION))
                .disableApiTermination().value());
        ec2.modifyInstanceAttribute(r -> r.instanceId(id).disableApiTermination(b -> b.value(false)));

        assertEquals("standard", ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(id)).instanceCreditSpecifications().get(0).cpuCredits());
        String t3 = launch("t3.micro").instanceId();
        assertEquals("unlimited", ec2.describeInstanceCreditSpecifications(r -> r.instanceIds(t3)).instanceCreditSpecifications().get(0).cpuCredits());
        assertEquals("xen", ec2.describeInstances(r -> r.instanceIds(t3)).reservations().get(0).instances().get(0).hypervisorAsString(),
                "DescribeInstances says xen even for Nitro types (the model allows xen or ovm)");
        ec2.terminateInstances(r -> r.instanceIds(id, t3));
        assertTrue(ec2.describeVolumes(r -> r.filters(filter("volume-id", volumeId))).volumes().isEmpty(),
                "the root volume goes with its instance");
    }

    @Test
    void networkInterfacesOfInstancesAndDatabases() {
        Instance instance = launch("t3.micro");
        String eni = instance.networkInterfaces().get(0).networkInterfaceId();
        NetworkInterface described = ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni)).networkInterfaces().get(0);
        assertEquals(instance.instanceId(), described.attachment().instanceId());
        assertEquals(instance.privateIpAddress(), described.privateIpAddress());
        assertEquals(instance.securityGroups().get(0).groupId(), described.groups().get(0).groupId());

        String group = ec2.createSecurityGroup(r -> r.groupName("db-eni").description("db").vpcId(defaultVpc)).groupId();
        box.rds().createDBInstance(r -> r.dbInstanceIdentifier("eni-db").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("correct-horse-9").vpcSecurityGroupIds(group));
        List<NetworkInterface> holding = ec2.describeNetworkInterfaces(r -> r.filters(filter("group-id", group))).networkInterfaces();
        assertEquals(1, holding.size());
        assertEquals("amazon-rds", holding.get(0).requesterId());
        assertTrue(holding.get(0).requesterManaged());
        assertEquals("RDSNetworkInterface", holding.get(0).description());

        Ec2Exception gone = assertThrows(Ec2Exception.class,
                () -> ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds("eni-0123456789abcdef0")));
        assertEquals("InvalidNetworkInterfaceID.NotFound", gone.awsErrorDetails().errorCode());
        box.rds().deleteDBInstance(r -> r.dbInstanceIdentifier("eni-db").skipFinalSnapshot(true));
        ec2.terminateInstances(r -> r.instanceIds(instance.instanceId()));
    }

    @Test
    void smallT2TypesAlsoRun32BitImages() {
        var types = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings("t2.micro", "t2.large", "t3.micro")).instanceTypes();
        Map<String, List<String>> arch = types.stream().collect(Collectors.toMap(t -> t.instanceTypeAsString(),
                t -> t.processorInfo().supportedArchitecturesAsStrings()));
        assertEquals(List.of("i386", "x86_64"), arch.get("t2.micro"));
        assertEquals(List.of("x86_64"), arch.get("t2.large"));
        assertEquals(List.of("x86_64"), arch.get("t3.micro"));
        assertTrue(ec2.describeInstanceTypes(r -> r.filters(filter("processor-info.supported-architecture", "i386"))).instanceTypes()
                .stream().allMatch(t -> t.instanceTypeAsString().startsWith("t2.")));
    }
}
