package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Regions, zones and the default network, through the SDK for Java over HTTP. */
class Ec2NetworkHttpTest {
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
    void describeRegionsListsTheCommercialRegionsEnabledByDefault() {
        List<Region> regions = ec2.describeRegions().regions();
        List<String> names = regions.stream().map(Region::regionName).toList();
        assertTrue(names.containsAll(List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-central-1",
                "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1", "ca-central-1", "ap-south-1", "eu-west-2",
                "eu-north-1")), names.toString());
        assertFalse(names.contains("af-south-1"), "opt-in regions are not enabled by default");
        Region virginia = regions.stream().filter(r -> r.regionName().equals("us-east-1")).findFirst().orElseThrow();
        assertEquals("ec2.us-east-1.amazonaws.com", virginia.endpoint());
        assertEquals("opt-in-not-required", virginia.optInStatus());

        List<Region> all = ec2.describeRegions(r -> r.allRegions(true)).regions();
        Region capeTown = all.stream().filter(r -> r.regionName().equals("af-south-1")).findFirst().orElseThrow();
        assertEquals("not-opted-in", capeTown.optInStatus());
    }

    @Test
    void availabilityZonesAreThoseOfTheSignedRegion() {
        List<AvailabilityZone> zones = ec2.describeAvailabilityZones().availabilityZones();
        assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d", "us-east-1e", "us-east-1f"),
                zones.stream().map(AvailabilityZone::zoneName).toList());
        assertEquals("available", zones.get(0).stateAsString());
        assertEquals("us-east-1", zones.get(0).regionName());

        Ec2Client frankfurt = box.ec2(TestSandbox.root(), "eu-central-1");
        assertEquals(List.of("eu-central-1a", "eu-central-1b", "eu-central-1c"),
                frankfurt.describeAvailabilityZones().availabilityZones().stream().map(AvailabilityZone::zoneName).toList());
    }

    @Test
    void zoneIdsUseAwsRegionPrefixes() {
        assertEquals("use1-az1", ec2.describeAvailabilityZones().availabilityZones().get(0).zoneId());
        for (var expected : java.util.Map.of("ap-northeast-1", "apne1", "ap-southeast-2", "apse2", "eu-central-1", "euc1",
                "ca-central-1", "cac1", "sa-east-1", "sae1", "eu-north-1", "eun1").entrySet()) {
            Ec2Client client = box.ec2(TestSandbox.root(), expected.getKey());
            AvailabilityZone first = client.describeAvailabilityZones().availabilityZones().get(0);
            assertEquals(expected.getValue() + "-az1", first.zoneId(), expected.getKey());
            assertEquals(first.zoneId(), client.describeSubnets(r -> r.filters(f -> f.name("availability-zone").values(first.zoneName())))
                    .subnets().get(0).availabilityZoneId(), "the default subnet names the same zone id");
        }
    }

    @Test
    void anUnknownRegionIsRefusedAsAwsRefusesIt() {
        Ec2Client nowhere = box.ec2(TestSandbox.root(), "xx-nowhere-1");
        Ec2Exception e = assertThrows(Ec2Exception.class, nowhere::describeSecurityGroups);
        assertEquals("AuthFailure", e.awsErrorDetails().errorCode());
        assertEquals(401, e.statusCode());
    }

    @Test
    void eachRegionStartsWithADefaultVpcSubnetsAndGroup() {
        List<Vpc> vpcs = ec2.describeVpcs(r -> r.filters(Filter.builder().name("is-default").values("true").build())).vpcs();
        assertEquals(1, vpcs.size());
        Vpc vpc = vpcs.get(0);
        assertEquals("172.31.0.0/16", vpc.cidrBlock());
        assertTrue(vpc.vpcId().matches("vpc-[0-9a-f]{17}"), vpc.vpcId());

        List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpc.vpcId()).build())).subnets();
        assertEquals(6, subnets.size());
        assertTrue(subnets.stream().allMatch(s -> s.defaultForAz() && s.mapPublicIpOnLaunch()));
        assertEquals("172.31.0.0/20", subnets.get(0).cidrBlock());
        assertEquals(4091, subnets.get(0).availableIpAddressCount());

        List<SecurityGroup> groups = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups();
        assertEquals(1, groups.size());
        SecurityGroup group = groups.get(0);
        assertEquals(vpc.vpcId(), group.vpcId());
        assertEquals("default VPC security group", group.description());
        assertEquals("-1", group.ipPermissions().get(0).ipProtocol());
        assertEquals(group.groupId(), group.ipPermissions().get(0).userIdGroupPairs().get(0).groupId());
        assertEquals("0.0.0.0/0", group.ipPermissionsEgress().get(0).ipRanges().get(0).cidrIp());
    }

    @Test
    void learnersCanAddAVpcAndSubnet() {
        Vpc vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc();
        assertFalse(vpc.isDefault());
        Subnet subnet = ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1b")).subnet();
        assertEquals("us-east-1b", subnet.availabilityZone());
        assertFalse(subnet.mapPublicIpOnLaunch());
        assertEquals(251, subnet.availableIpAddressCount());
        Ec2Exception conflict = assertThrows(Ec2Exception.class,
                () -> ec2.createSubnet(r -> r.vpcId(vpc.vpcId()).cidrBlock("10.0.1.128/25")));
        assertEquals("InvalidSubnet.Conflict", conflict.awsErrorDetails().errorCode());
        List<SecurityGroup> groups = ec2.describeSecurityGroups(r -> r.filters(
                Filter.builder().name("vpc-id").values(vpc.vpcId()).build())).securityGroups();
        assertEquals(List.of("default"), groups.stream().map(SecurityGroup::groupName).toList());

        String custom = ec2.createSecurityGroup(r -> r.groupName("app").description("app").vpcId(vpc.vpcId())).groupId();
        Ec2Exception busy = assertThrows(Ec2Exception.class, () -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())));
        assertEquals("DependencyViolation", busy.awsErrorDetails().errorCode());
        assertEquals("The vpc '" + vpc.vpcId() + "' has dependencies and cannot be deleted.", busy.awsErrorDetails().errorMessage());
        ec2.deleteSecurityGroup(r -> r.groupId(custom));
        ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId()));
        ec2.deleteVpc(r -> r.vpcId(vpc.vpcId()));
        assertEquals("InvalidVpcID.NotFound", assertThrows(Ec2Exception.class,
                () -> ec2.describeVpcs(r -> r.vpcIds(vpc.vpcId()))).awsErrorDetails().errorCode());
    }
}
