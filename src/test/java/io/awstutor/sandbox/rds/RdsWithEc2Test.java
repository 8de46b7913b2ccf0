package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.RdsException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RDS inside EC2's network: security groups checked with EC2, and EC2 seeing the DB instances that use them. */
class RdsWithEc2Test {

    @Test
    void aDatabasesSecurityGroupCannotBeDeletedWhileTheDatabaseUsesIt() {
        try (TestSandbox box = TestSandbox.start()) {
            Ec2Client ec2 = box.ec2();
            RdsClient rds = box.rds();
            String vpc = ec2.describeVpcs(r -> r.filters(f -> f.name("is-default").values("true"))).vpcs().get(0).vpcId();
            String dbGroup = ec2.createSecurityGroup(r -> r.groupName("db").description("database").vpcId(vpc)).groupId();

            DBInstance db = rds.createDBInstance(RdsSdkTest.mysql("app-db").vpcSecurityGroupIds(dbGroup).build()).dbInstance();
            assertEquals(List.of(dbGroup), db.vpcSecurityGroups().stream().map(g -> g.vpcSecurityGroupId()).toList());
            assertEquals(vpc, db.dbSubnetGroup().vpcId());

            Ec2Exception inUse = assertThrows(Ec2Exception.class, () -> ec2.deleteSecurityGroup(r -> r.groupId(dbGroup)));
            assertEquals("DependencyViolation", inUse.awsErrorDetails().errorCode());
            assertEquals("resource " + dbGroup + " has a dependent object", inUse.awsErrorDetails().errorMessage());

            rds.deleteDBInstance(r -> r.dbInstanceIdentifier("app-db").skipFinalSnapshot(true));
            ec2.deleteSecurityGroup(r -> r.groupId(dbGroup));
        }
    }

    @Test
    void theDefaultSubnetGroupIsTheDefaultVpcsSubnetsAndGroupsMustShareItsVpc() {
        try (TestSandbox box = TestSandbox.start()) {
            Ec2Client ec2 = box.ec2();
            RdsClient rds = box.rds();
            List<String> defaultSubnets = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true")))
                    .subnets().stream().map(Subnet::subnetId).sorted().toList();
            List<String> groupSubnets = rds.describeDBSubnetGroups(r -> r.dbSubnetGroupName("default")).dbSubnetGroups().get(0)
                    .subnets().stream().map(s -> s.subnetIdentifier()).sorted().toList();
            assertEquals(defaultSubnets, groupSubnets);

            String otherVpc = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
            String otherGroup = ec2.createSecurityGroup(r -> r.groupName("elsewhere").description("other vpc").vpcId(otherVpc)).groupId();
            RdsException e = assertThrows(RdsException.class,
                    () -> rds.createDBInstance(RdsSdkTest.mysql("wrong-vpc").vpcSecurityGroupIds(otherGroup).build()));
            assertEquals("InvalidParameterCombination", e.awsErrorDetails().errorCode());
            assertTrue(e.awsErrorDetails().errorMessage().contains(otherVpc), e.awsErrorDetails().errorMessage());

            String subnetA = defaultSubnets.get(0);
            String subnetB = defaultSubnets.get(1);
            rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("two-zones").dbSubnetGroupDescription("two zones").subnetIds(subnetA, subnetB));
            DBInstance placed = rds.createDBInstance(RdsSdkTest.mysql("placed").dbSubnetGroupName("two-zones").multiAZ(true).build()).dbInstance();
            String zoneA = ec2.describeSubnets(r -> r.subnetIds(subnetA, subnetB)).subnets().stream()
                    .map(Subnet::availabilityZone).sorted().toList().toString();
            assertTrue(zoneA.contains(placed.availabilityZone()) && zoneA.contains(placed.secondaryAvailabilityZone()), zoneA);
        }
    }

    @Test
    void aDatabaseInALearnersOwnVpc() {
        try (TestSandbox box = TestSandbox.start()) {
            Ec2Client ec2 = box.ec2();
            RdsClient rds = box.rds();
            String vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
            String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.1.0/24").availabilityZone("us-east-1a")).subnet().subnetId();
            String b = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.2.0/24").availabilityZone("us-east-1b")).subnet().subnetId();
            String group = ec2.createSecurityGroup(r -> r.groupName("db").description("db").vpcId(vpc)).groupId();

            RdsException unknown = assertThrows(RdsException.class, () -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("bad")
                    .dbSubnetGroupDescription("bad").subnetIds(a, "subnet-0000000000000dead")));
            assertEquals("InvalidSubnet", unknown.awsErrorDetails().errorCode());
            String defaultSubnet = ec2.describeSubnets(r -> r.filters(f -> f.name("default-for-az").values("true"))).subnets().get(0).subnetId();
            assertThrows(RdsException.class, () -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("mixed")
                    .dbSubnetGroupDescription("two vpcs").subnetIds(a, defaultSubnet)));

            assertEquals(vpc, rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("app-subnets").dbSubnetGroupDescription("app")
                    .subnetIds(a, b)).dbSubnetGroup().vpcId());
            DBInstance db = rds.createDBInstance(RdsSdkTest.mysql("own-vpc-db").dbSubnetGroupName("app-subnets")
                    .vpcSecurityGroupIds(group).build()).dbInstance();
            assertEquals(vpc, db.dbSubnetGroup().vpcId());
            assertEquals(false, db.publiclyAccessible(), "a named subnet group makes a private instance by default");
            RdsException inUse = assertThrows(RdsException.class, () -> rds.deleteDBSubnetGroup(r -> r.dbSubnetGroupName("app-subnets")));
            assertEquals("InvalidDBSubnetGroupStateFault", inUse.awsErrorDetails().errorCode());

            String defaultGroup = ec2.describeSecurityGroups(r -> r.filters(f -> f.name("vpc-id").values(vpc),
                    f -> f.name("group-name").values("default"))).securityGroups().get(0).groupId();
            DBInstance second = rds.createDBInstance(RdsSdkTest.mysql("own-vpc-db2").dbSubnetGroupName("app-subnets").build()).dbInstance();
            assertEquals(defaultGroup, second.vpcSecurityGroups().get(0).vpcSecurityGroupId(), "no group given: the VPC's default group");
        }
    }
}
