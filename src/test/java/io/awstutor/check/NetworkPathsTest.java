package io.awstutor.check;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reachability reasoning of the checks, over DescribeSecurityGroups-shaped data. */
class NetworkPathsTest {
    private static final IpPermission ALL_OUT = IpPermission.builder().ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0")).build();

    private static SecurityGroup group(String id, String name, List<IpPermission> in) {
        return SecurityGroup.builder().groupId(id).groupName(name).ipPermissions(in).ipPermissionsEgress(ALL_OUT).build();
    }

    private static IpPermission tcp(int port, String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(r -> r.cidrIp(cidr)).build();
    }

    private static IpPermission tcpFromGroup(int port, String groupId) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(port).toPort(port).userIdGroupPairs(p -> p.groupId(groupId)).build();
    }

    private final SecurityGroup web = group("sg-web", "web", List.of(tcp(80, "0.0.0.0/0")));
    private final NetworkPaths.Endpoint web1 = new NetworkPaths.Endpoint("web1", "vpc-1", "172.31.0.10", true, List.of("sg-web"));
    private final NetworkPaths.Endpoint web2 = new NetworkPaths.Endpoint("web2", "vpc-1", "172.31.0.11", true, List.of("sg-web"));
    private final NetworkPaths.Endpoint db = new NetworkPaths.Endpoint("DB db", "vpc-1", null, false, List.of("sg-db"));

    @Test
    void anAddressRuleLetsOneServerInAndNotTheNext() {
        NetworkPaths paths = new NetworkPaths(Map.of("sg-web", web, "sg-db", group("sg-db", "db", List.of(tcp(3306, "172.31.0.10/32")))));
        assertTrue(paths.between(web1, db, 3306).open());
        NetworkPaths.Path second = paths.between(web2, db, 3306);
        assertFalse(second.open());
        assertEquals("no inbound rule of db allows TCP port 3306 from web2 (172.31.0.11)", second.explanation());
        assertFalse(paths.between(web1, db, 22).open(), "another port stays closed");
    }

    @Test
    void aGroupRuleLetsEveryMemberIn() {
        NetworkPaths paths = new NetworkPaths(Map.of("sg-web", web, "sg-db", group("sg-db", "db", List.of(tcpFromGroup(3306, "sg-web")))));
        assertTrue(paths.between(web1, db, 3306).open());
        assertTrue(paths.between(web2, db, 3306).open());
        assertTrue(paths.between(web2, db, 3306).explanation().contains("[group web]"));
    }

    @Test
    void fromOutsideNeedsAPublicSideAndAnInboundRule() {
        NetworkPaths paths = new NetworkPaths(Map.of("sg-web", web, "sg-db", group("sg-db", "db", List.of(tcp(3306, "0.0.0.0/0")))));
        assertTrue(paths.fromAddress("203.0.113.10", web1, 80).open());
        assertFalse(paths.fromAddress("203.0.113.10", web1, 443).open());
        NetworkPaths.Path toDb = paths.fromAddress("203.0.113.10", db, 3306);
        assertFalse(toDb.open());
        assertTrue(toDb.explanation().contains("no public address"), toDb.explanation());
    }

    @Test
    void outboundRulesCountToo() {
        SecurityGroup closedOut = SecurityGroup.builder().groupId("sg-web").groupName("web").ipPermissions(tcp(80, "0.0.0.0/0")).build();
        NetworkPaths paths = new NetworkPaths(Map.of("sg-web", closedOut, "sg-db", group("sg-db", "db", List.of(tcpFromGroup(3306, "sg-web")))));
        NetworkPaths.Path path = paths.between(web1, db, 3306);
        assertFalse(path.open());
        assertTrue(path.explanation().startsWith("no outbound rule of web"), path.explanation());
    }

    @Test
    void cidrBlocksContainTheirAddresses() {
        assertTrue(NetworkPaths.contains("10.0.0.0/8", "10.200.3.4"));
        assertFalse(NetworkPaths.contains("10.0.0.0/8", "11.0.0.1"));
        assertTrue(NetworkPaths.contains("172.31.0.10/32", "172.31.0.10"));
        assertFalse(NetworkPaths.contains("172.31.0.10/32", "172.31.0.11"));
        assertTrue(NetworkPaths.contains("0.0.0.0/0", null), "anywhere holds an unknown address");
        assertFalse(NetworkPaths.contains("172.31.0.0/16", null));
    }

    @Test
    void checkItemsRejectUnknownSettingsAndIncompleteRules() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> CheckParser.parse(List.of(Map.of("s3-bucket", Map.of("name", "b", "regoin", "eu-west-1")))));
        assertTrue(typo.getMessage().contains("has no setting 'regoin'"), typo.getMessage());
        IllegalArgumentException noSource = assertThrows(IllegalArgumentException.class,
                () -> CheckParser.parse(List.of(Map.of("security-group", Map.of("name", "db", "port", 3306)))));
        assertTrue(noSource.getMessage().contains("needs both 'port' and one of"), noSource.getMessage());
        IllegalArgumentException badEnd = assertThrows(IllegalArgumentException.class,
                () -> CheckParser.parse(List.of(Map.of("reachable", Map.of("from", Map.of("db", "x"), "to", Map.of("instance", "y"), "port", 1)))));
        assertTrue(badEnd.getMessage().contains("'from' is one of address, instance"), badEnd.getMessage());
        assertEquals(List.of(new S3BucketCheck("b", java.util.Optional.empty())), CheckParser.parse(List.of(Map.of("s3-bucket", "b"))));
    }
}
