package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Security groups and their rules through the SDK for Java, with AWS's errors. */
class Ec2SecurityGroupsHttpTest {
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

    private static String newGroup(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return ec2.createSecurityGroup(r -> r.groupName(name).description(prefix + " servers")).groupId();
    }

    private static IpPermission tcp(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port)
                .ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    private static Ec2Exception error(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(Ec2Exception.class, call);
    }

    @Test
    void createDescribeAndTagAGroup() {
        String id = ec2.createSecurityGroup(r -> r.groupName("tagged").description("with tags").tagSpecifications(
                TagSpecification.builder().resourceType("security-group").tags(Tag.builder().key("team").value("web").build()).build()))
                .groupId();
        assertTrue(id.matches("sg-[0-9a-f]{17}"), id);
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
        assertEquals("tagged", group.groupName());
        assertEquals("with tags", group.description());
        assertEquals("000000000000", group.ownerId());
        assertEquals(List.of(Tag.builder().key("team").value("web").build()), group.tags());
        assertEquals(0, group.ipPermissions().size());
        assertEquals("-1", group.ipPermissionsEgress().get(0).ipProtocol(), "a new group allows all outbound traffic");
        assertEquals(1, ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("tag:team").values("web").build()))
                .securityGroups().size());
        assertEquals(1, ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name").values("tag*").build()))
                .securityGroups().size());
    }

    @Test
    void duplicateNamesAndReservedFormsAreRefused() {
        ec2.createSecurityGroup(r -> r.groupName("dup").description("first"));
        Ec2Exception e = error(() -> ec2.createSecurityGroup(r -> r.groupName("dup").description("second")));
        assertEquals("InvalidGroup.Duplicate", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().startsWith("The security group 'dup' already exists for VPC 'vpc-"));
        assertEquals(400, e.statusCode());
        assertEquals("InvalidParameterValue",
                error(() -> ec2.createSecurityGroup(r -> r.groupName("sg-123").description("x"))).awsErrorDetails().errorCode());
        assertEquals("MissingParameter",
                error(() -> ec2.createSecurityGroup(r -> r.groupName("nodesc"))).awsErrorDetails().errorCode());
    }

    @Test
    void authorizeRevokeAndDuplicateRulesWithAwsTexts() {
        String id = newGroup("ssh");
        AuthorizeSecurityGroupIngressResponse added = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "0.0.0.0/0")));
        assertTrue(added.returnValue());
        SecurityGroupRule rule = added.securityGroupRules().get(0);
        assertTrue(rule.securityGroupRuleId().matches("sgr-[0-9a-f]{17}"));
        assertEquals(22, rule.fromPort());
        assertEquals("0.0.0.0/0", rule.cidrIpv4());

        Ec2Exception duplicate = error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "0.0.0.0/0"))));
        assertEquals("InvalidPermission.Duplicate", duplicate.awsErrorDetails().errorCode());
        assertEquals("the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW\" already exists",
                duplicate.awsErrorDetails().errorMessage());

        // the older flat form adds to the same permission
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipProtocol("tcp").fromPort(22).toPort(22).cidrIp("203.0.113.0/24"));
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
        assertEquals(1, group.ipPermissions().size());
        assertEquals(List.of("0.0.0.0/0", "203.0.113.0/24"),
                group.ipPermissions().get(0).ipRanges().stream().map(IpRange::cidrIp).toList());

        List<SecurityGroupRule> rules = ec2.describeSecurityGroupRules(r -> r.filters(
                Filter.builder().name("group-id").values(id).build())).securityGroupRules();
        assertEquals(3, rules.size(), "two inbound rules and the default outbound one");

        RevokeSecurityGroupIngressResponse revoked = ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "0.0.0.0/0")));
        assertTrue(revoked.returnValue());
        assertEquals(1, revoked.revokedSecurityGroupRules().size());
        // in the default VPC an unknown rule is reported back, not refused
        RevokeSecurityGroupIngressResponse unknown = ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "0.0.0.0/0")));
        assertEquals(1, unknown.unknownIpPermissions().size());
    }

    @Test
    void revokingAnUnknownRuleOutsideTheDefaultVpcIsNotFound() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        String id = ec2.createSecurityGroup(r -> r.groupName("custom").description("in a custom VPC").vpcId(vpcId)).groupId();
        Ec2Exception e = error(() -> ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(80, "0.0.0.0/0"))));
        assertEquals("InvalidPermission.NotFound", e.awsErrorDetails().errorCode());
        assertEquals("The specified rule does not exist in this security group.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aRangeWithHostBitsIsKeptInNetworkForm() {
        String id = newGroup("hostbits");
        SecurityGroupRule rule = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "10.0.0.28/29")))
                .securityGroupRules().get(0);
        assertEquals("10.0.0.24/29", rule.cidrIpv4(), "AWS clears the host bits");
        assertEquals("10.0.0.24/29", ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0)
                .ipPermissions().get(0).ipRanges().get(0).cidrIp());
        Ec2Exception duplicate = error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "10.0.0.24/29"))));
        assertEquals("the specified rule \"peer: 10.0.0.24/29, TCP, from port: 22, to port: 22, ALLOW\" already exists",
                duplicate.awsErrorDetails().errorMessage());
        RevokeSecurityGroupIngressResponse revoked = ec2.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(22, "10.0.0.30/29")));
        assertEquals(1, revoked.revokedSecurityGroupRules().size(), "the same range written with other host bits names the rule");
    }

    @Test
    void ipv6RangesAreCheckedAsAddresses() {
        String id = newGroup("v6");
        for (String good : List.of("::/0", "2001:db8::/32", "2001:db8:0:0:0:0:0:1/128", "fe80::1:2/64")) {
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                    .fromPort(443).toPort(443).ipv6Ranges(Ipv6Range.builder().cidrIpv6(good).build()).build()));
        }
        for (String bad : List.of("zz::/32", "2001:db8::/129", "1::2::3/64", "2001:db8::", "1:2:3:4:5:6:7:8:9/64", "12345::/16")) {
            Ec2Exception e = error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(443).toPort(443).ipv6Ranges(Ipv6Range.builder().cidrIpv6(bad).build()).build())));
            assertEquals("InvalidParameterValue", e.awsErrorDetails().errorCode(), bad);
            assertEquals("CIDR block " + bad + " is malformed", e.awsErrorDetails().errorMessage());
        }
        assertEquals(4, ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0).ipPermissions().get(0).ipv6Ranges().size());
    }

    @Test
    void aSourceGroupNameOutsideTheDefaultVpcIsNotCalledTheDefaultVpc() {
        String vpcId = ec2.createVpc(r -> r.cidrBlock("10.8.0.0/16")).vpc().vpcId();
        String id = ec2.createSecurityGroup(r -> r.groupName("app").description("in a custom VPC").vpcId(vpcId)).groupId();
        Ec2Exception e = error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(22).toPort(22).userIdGroupPairs(UserIdGroupPair.builder().groupName("nosuch").build()).build())));
        assertEquals("InvalidGroup.NotFound", e.awsErrorDetails().errorCode());
        assertEquals("The security group 'nosuch' does not exist in VPC '" + vpcId + "'", e.awsErrorDetails().errorMessage());
        Ec2Exception inDefault = error(() -> ec2.deleteSecurityGroup(r -> r.groupName("nosuch")));
        assertTrue(inDefault.awsErrorDetails().errorMessage().matches("The security group 'nosuch' does not exist in default VPC 'vpc-[0-9a-f]+'"),
                inDefault.awsErrorDetails().errorMessage());
    }

    @Test
    void aGroupReferencedByAnotherGroupsRuleCannotBeDeleted() {
        String web = newGroup("web");
        String db = newGroup("db");
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(3306).toPort(3306).userIdGroupPairs(UserIdGroupPair.builder().groupId(web).build()).build()));
        Ec2Exception e = error(() -> ec2.deleteSecurityGroup(r -> r.groupId(web)));
        assertEquals("DependencyViolation", e.awsErrorDetails().errorCode());
        assertEquals("resource " + web + " has a dependent object", e.awsErrorDetails().errorMessage());

        Ec2Exception duplicate = error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(IpPermission.builder()
                .ipProtocol("tcp").fromPort(3306).toPort(3306).userIdGroupPairs(UserIdGroupPair.builder().groupId(web).build()).build())));
        assertEquals("the specified rule \"peer: " + web + ", TCP, from port: 3306, to port: 3306, ALLOW\" already exists",
                duplicate.awsErrorDetails().errorMessage());

        ec2.revokeSecurityGroupIngress(r -> r.groupId(db).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(3306).toPort(3306).userIdGroupPairs(UserIdGroupPair.builder().groupId(web).build()).build()));
        ec2.deleteSecurityGroup(r -> r.groupId(web));
        Ec2Exception gone = error(() -> ec2.describeSecurityGroups(r -> r.groupIds(web)));
        assertEquals("InvalidGroup.NotFound", gone.awsErrorDetails().errorCode());
        assertEquals("The security group '" + web + "' does not exist", gone.awsErrorDetails().errorMessage());
    }

    @Test
    void theDefaultGroupCannotBeDeleted() {
        String id = ec2.describeSecurityGroups(r -> r.groupNames("default")).securityGroups().get(0).groupId();
        Ec2Exception e = error(() -> ec2.deleteSecurityGroup(r -> r.groupId(id)));
        assertEquals("CannotDelete", e.awsErrorDetails().errorCode());
        assertEquals("the specified group: \"" + id + "\" name: \"default\" cannot be deleted by a user", e.awsErrorDetails().errorMessage());
    }

    @Test
    void malformedAndMissingIdsAndDryRun() {
        assertEquals("InvalidGroupId.Malformed",
                error(() -> ec2.describeSecurityGroups(r -> r.groupIds("nonsense"))).awsErrorDetails().errorCode());
        assertEquals("InvalidGroup.NotFound",
                error(() -> ec2.deleteSecurityGroup(r -> r.groupName("no-such-group"))).awsErrorDetails().errorCode());
        Ec2Exception dry = error(() -> ec2.createSecurityGroup(r -> r.groupName("dry").description("d").dryRun(true)));
        assertEquals("DryRunOperation", dry.awsErrorDetails().errorCode());
        assertEquals(412, dry.statusCode());
        assertEquals("Request would have succeeded, but DryRun flag is set.", dry.awsErrorDetails().errorMessage());
        assertEquals(0, ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-name").values("dry").build()))
                .securityGroups().size());
        assertEquals("InvalidParameterValue", error(() -> ec2.describeSecurityGroups(r -> r.filters(
                Filter.builder().name("no-such-filter").values("x").build()))).awsErrorDetails().errorCode());
        assertEquals("InvalidParameterValue", error(() -> ec2.authorizeSecurityGroupIngress(r -> r.groupId(newGroup("bad"))
                .ipPermissions(tcp(22, "10.0.0.0/33")))).awsErrorDetails().errorCode());
    }

    @Test
    void ruleDescriptionsCanBeChanged() {
        String id = newGroup("described");
        String ruleId = ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(tcp(443, "0.0.0.0/0")))
                .securityGroupRules().get(0).securityGroupRuleId();
        ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").description("HTTPS from anywhere").build()).build()));
        assertEquals("HTTPS from anywhere", ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0)
                .ipPermissions().get(0).ipRanges().get(0).description());
        ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(id).securityGroupRuleDescriptions(d -> d
                .securityGroupRuleId(ruleId).description("TLS")));
        assertEquals("TLS", ec2.describeSecurityGroupRules(r -> r.securityGroupRuleIds(ruleId)).securityGroupRules().get(0).description());
        assertEquals("InvalidPermission.NotFound", error(() -> ec2.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(id)
                .ipPermissions(tcp(444, "0.0.0.0/0")))).awsErrorDetails().errorCode());
    }

    @Test
    void describeSecurityGroupsPages() {
        for (int i = 0; i < 7; i++) {
            newGroup("page");
        }
        int total = ec2.describeSecurityGroups().securityGroups().size();
        int seen = 0;
        for (var page : ec2.describeSecurityGroupsPaginator(r -> r.maxResults(5))) {
            assertTrue(page.securityGroups().size() <= 5);
            seen += page.securityGroups().size();
        }
        assertEquals(total, seen);
    }
}
