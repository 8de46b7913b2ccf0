package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sequence the Terraform AWS provider runs for every aws_security_group, many groups at
 * once as its parallel graph walk does: create, revoke the default allow-all IPv4 egress rule,
 * revoke the IPv6 one (absent in the default VPC: reported back, not refused), authorize the
 * ingress rules, authorize the configured egress rule, which is the same allow-all rule. Each
 * group must end with exactly the configured rules. A second AuthorizeSecurityGroupEgress of
 * the same rule is refused as AWS refuses it (the call has no client token): that is what a
 * client's replay of the call meets, and why TerraformStackTest failed once under load.
 */
class Ec2SecurityGroupProviderSequenceHttpTest {
    private static final int GROUPS = 24;
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

    private static IpPermission allTraffic(String cidr) {
        return IpPermission.builder().ipProtocol("-1").fromPort(0).toPort(0).ipRanges(IpRange.builder().cidrIp(cidr).build()).build();
    }

    /** What the provider does for one group; returns its id. */
    private static String createTheProvidersWay(String name) {
        String id = ec2.createSecurityGroup(r -> r.groupName(name).description("web servers")).groupId();
        ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(allTraffic("0.0.0.0/0")));
        var ipv6 = ec2.revokeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("-1")
                .fromPort(0).toPort(0).ipv6Ranges(Ipv6Range.builder().cidrIpv6("::/0").build()).build()));
        assertEquals(1, ipv6.unknownIpPermissions().size(), "the default VPC's groups have no IPv6 egress rule to revoke");
        ec2.describeSecurityGroups(r -> r.groupIds(id));
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(IpPermission.builder().ipProtocol("tcp")
                .fromPort(80).toPort(80).ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build()));
        ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(allTraffic("0.0.0.0/0")));
        return id;
    }

    @Test
    void manyGroupsAtOnceEachEndWithTheirConfiguredRules() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < GROUPS; i++) {
                String name = "tf-web-" + i;
                created.add(pool.submit(() -> createTheProvidersWay(name)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : created) {
                ids.add(f.get());
            }
            for (SecurityGroup group : ec2.describeSecurityGroups(r -> r.groupIds(ids)).securityGroups()) {
                assertEquals(1, group.ipPermissionsEgress().size(), group.groupName());
                IpPermission egress = group.ipPermissionsEgress().get(0);
                assertEquals("-1", egress.ipProtocol());
                assertEquals(List.of("0.0.0.0/0"), egress.ipRanges().stream().map(IpRange::cidrIp).toList());
                assertEquals(1, group.ipPermissions().size(), group.groupName());
                assertEquals(80, group.ipPermissions().get(0).fromPort());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReplayedEgressAuthorizationIsRefusedAsAwsRefusesIt() {
        String id = createTheProvidersWay("tf-web-replayed");
        Ec2Exception replay = assertThrows(Ec2Exception.class,
                () -> ec2.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(allTraffic("0.0.0.0/0"))));
        assertEquals(400, replay.statusCode());
        assertEquals("InvalidPermission.Duplicate", replay.awsErrorDetails().errorCode());
        assertEquals("the specified rule \"peer: 0.0.0.0/0, ALL, ALLOW\" already exists", replay.awsErrorDetails().errorMessage());
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
        assertTrue(group.ipPermissionsEgress().size() == 1, "the refused replay added nothing");
    }
}
