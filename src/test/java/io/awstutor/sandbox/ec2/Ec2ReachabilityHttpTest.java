package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.sandbox.ec2.Reachability.Source;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.rds.RdsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chapter's web server and database, built step by step with the SDK in both ways the
 * chapter shows (rules by IP address, rules by security group), with the reachability
 * evaluator's answers asserted in-process, as the lesson checks ask them.
 */
class Ec2ReachabilityHttpTest {
    private static final String ME = "198.51.100.7";

    private TestSandbox box;
    private Ec2Client ec2;
    private Reachability reachability;
    private String ami;

    @BeforeEach
    void start() {
        box = TestSandbox.start();
        ec2 = box.ec2();
        Ec2Backend backend = box.sandbox().service(Ec2Handler.class).orElseThrow().backend();
        reachability = backend.reachability(Sandbox.ROOT_ACCOUNT, Sandbox.DEFAULT_REGION);
        ami = ec2.describeImages(r -> r.owners("amazon").filters(Filter.builder().name("name").values("al2023-ami-2023*").build(),
                Filter.builder().name("architecture").values("x86_64").build())).images().get(0).imageId();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    private String group(String name) {
        return ec2.createSecurityGroup(r -> r.groupName(name).description(name + " tier")).groupId();
    }

    private Instance launch(String groupId) {
        return ec2.runInstances(r -> r.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1).securityGroupIds(groupId))
                .instances().get(0);
    }

    private void allowTcp(String groupId, int port, String cidr) {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(port).toPort(port).ipRanges(IpRange.builder().cidrIp(cidr).build()).build()));
    }

    private void allowTcpFromGroup(String groupId, int port, String sourceGroupId) {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(port).toPort(port).userIdGroupPairs(UserIdGroupPair.builder().groupId(sourceGroupId).build()).build()));
    }

    @Test
    void rulesByIpAddressLetOnlyTheNamedServerIn() {
        String web = group("web");
        String db = group("db");
        allowTcp(web, 80, "0.0.0.0/0");
        allowTcp(web, 22, ME + "/32");
        Instance web1 = launch(web);
        Instance database = launch(db);
        allowTcp(db, 3306, web1.privateIpAddress() + "/32");

        Reachability.Verdict in = reachability.canReach(Source.endpoint(web1.instanceId()), database.instanceId(), 3306);
        assertTrue(in.reachable(), in.explanation());
        assertTrue(in.explanation().contains(web1.privateIpAddress() + "/32"), in.explanation());
        assertTrue(reachability.canReach(Source.address("203.0.113.50"), web1.instanceId(), 80).reachable());
        assertTrue(reachability.canReach(Source.address(ME), web1.instanceId(), 22).reachable());
        Reachability.Verdict ssh = reachability.canReach(Source.address("203.0.113.50"), web1.instanceId(), 22);
        assertFalse(ssh.reachable());
        assertTrue(ssh.explanation().startsWith("no inbound rule of " + web + " (web) allows TCP port 22"), ssh.explanation());
        assertFalse(reachability.canReach(Source.address(ME), database.instanceId(), 3306).reachable(),
                "the database has a public address, but no rule lets the outside in");

        Instance web2 = launch(web);
        Reachability.Verdict second = reachability.canReach(Source.endpoint(web2.instanceId()), database.instanceId(), 3306);
        assertFalse(second.reachable(), "a rule naming web1's address says nothing about web2");
        assertTrue(second.explanation().contains(db + " (db)"), second.explanation());
    }

    @Test
    void rulesBySecurityGroupLetEveryMemberIn() {
        String web = group("web");
        String db = group("db");
        allowTcp(web, 80, "0.0.0.0/0");
        allowTcpFromGroup(db, 3306, web);
        Instance web1 = launch(web);
        Instance database = launch(db);

        Reachability.Verdict first = reachability.canReach(Source.endpoint(web1.instanceId()), database.instanceId(), 3306);
        assertTrue(first.reachable(), first.explanation());
        assertTrue(first.explanation().contains("group " + web), first.explanation());
        Instance web2 = launch(web);
        assertTrue(reachability.canReach(Source.endpoint(web2.instanceId()), database.instanceId(), 3306).reachable(),
                "a second web server in the group gets in with no rule change");
        Reachability.Exposure exposure = reachability.whoCanReach(database.instanceId(), 3306);
        assertEquals(java.util.Set.of(web1.instanceId(), web2.instanceId()), java.util.Set.copyOf(exposure.endpoints()),
                "only the web servers' group can reach the database on 3306");
        assertEquals(java.util.List.of(), exposure.outsideRanges());
        assertEquals(java.util.List.of("0.0.0.0/0"), reachability.whoCanReach(web1.instanceId(), 80).outsideRanges());
        assertFalse(reachability.canReach(Source.endpoint(web1.instanceId()), database.instanceId(), 5432).reachable());
        assertFalse(reachability.canReach(Source.endpoint(database.instanceId()), web1.instanceId(), 3306).reachable(),
                "rules are directional: the database may answer, not open connections to the web tier");

        // the sender's outbound rules count too: without any, nothing leaves web2
        ec2.revokeSecurityGroupEgress(r -> r.groupId(web).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        Reachability.Verdict noEgress = reachability.canReach(Source.endpoint(web2.instanceId()), database.instanceId(), 3306);
        assertFalse(noEgress.reachable());
        assertTrue(noEgress.explanation().startsWith("no outbound rule"), noEgress.explanation());

        ec2.stopInstances(r -> r.instanceIds(web1.instanceId()));
        assertFalse(reachability.canReach(Source.address("203.0.113.9"), web1.instanceId(), 80).reachable(),
                "a stopped server answers nobody");
    }

    @Test
    void changingAnInstancesGroupsChangesItsAccess() {
        String web = group("web");
        String other = group("other");
        String db = group("db");
        allowTcpFromGroup(db, 3306, web);
        Instance server = launch(other);
        Instance database = launch(db);
        assertFalse(reachability.canReach(Source.endpoint(server.instanceId()), database.instanceId(), 3306).reachable());
        ec2.modifyInstanceAttribute(r -> r.instanceId(server.instanceId()).groups(web, other));
        assertTrue(reachability.canReach(Source.endpoint(server.instanceId()), database.instanceId(), 3306).reachable());
        assertEquals(2, ec2.describeInstances(r -> r.instanceIds(server.instanceId())).reservations().get(0).instances().get(0)
                .securityGroups().size());
        Ec2Exception running = org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class, () -> ec2.modifyInstanceAttribute(
                r -> r.instanceId(server.instanceId()).instanceType(t -> t.value("t3.large"))));
        assertEquals("IncorrectInstanceState", running.awsErrorDetails().errorCode());
        ec2.stopInstances(r -> r.instanceIds(server.instanceId()));
        ec2.modifyInstanceAttribute(r -> r.instanceId(server.instanceId()).instanceType(t -> t.value("t3.large")));
        assertEquals("t3.large", ec2.describeInstances(r -> r.instanceIds(server.instanceId())).reservations().get(0).instances()
                .get(0).instanceTypeAsString());
    }

    @Test
    void anRdsDatabaseIsAnEndpointToo() {
        String web = group("web");
        String db = group("db");
        allowTcpFromGroup(db, 3306, web);
        Instance web1 = launch(web);
        RdsClient rds = box.rds();
        rds.createDBInstance(r -> r.dbInstanceIdentifier("shop-db").engine("mysql").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("Secret123!").vpcSecurityGroupIds(db));

        Reachability.Verdict verdict = reachability.canReach(Source.endpoint(web1.instanceId()), "shop-db", 3306);
        assertTrue(verdict.reachable(), verdict.explanation());
        assertFalse(reachability.canReach(Source.address(ME), "shop-db", 3306).reachable());
        Ec2Exception inUse = org.junit.jupiter.api.Assertions.assertThrows(Ec2Exception.class, () -> ec2.deleteSecurityGroup(r -> r.groupId(db)));
        assertEquals("DependencyViolation", inUse.awsErrorDetails().errorCode(), "the DB instance holds the group");
        assertEquals("resource " + db + " has a dependent object", inUse.awsErrorDetails().errorMessage());
    }
}
