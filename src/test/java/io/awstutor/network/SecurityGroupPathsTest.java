package io.awstutor.network;

import io.awstutor.network.SecurityGroupPaths.Endpoint;
import io.awstutor.network.SecurityGroupPaths.Outcome;
import io.awstutor.network.SecurityGroupPaths.Rule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one reachability model the lessons' checks and the sandbox share, decided from plain rules. */
class SecurityGroupPathsTest {
    private static final Map<String, List<Rule<String>>> INBOUND = Map.of(
            "sg-web", List.of(new Rule<>("tcp", 80, 80, "0.0.0.0/0", null, "web-http")),
            "sg-db", List.of(new Rule<>("tcp", 3306, 3306, null, "sg-web", "db-from-web"),
                    new Rule<>("6", 5432, 5432, "10.0.1.0/24", null, "db-pg-from-subnet")));
    private static final Map<String, List<Rule<String>>> OUTBOUND = Map.of(
            "sg-web", List.of(new Rule<>("-1", null, null, "0.0.0.0/0", null, "web-out")),
            "sg-db", List.of());
    private final SecurityGroupPaths<String> paths = new SecurityGroupPaths<>(
            (group, egress) -> (egress ? OUTBOUND : INBOUND).getOrDefault(group, List.of()));
    private final Endpoint web = new Endpoint("vpc-1", "10.0.1.5", "54.1.2.3", true, List.of("sg-web"));
    private final Endpoint db = new Endpoint("vpc-1", "10.0.2.9", null, false, List.of("sg-db"));

    @Test
    void aGroupRuleAdmitsTheMembersOfThatGroupInTheSameVpc() {
        var d = paths.between(web, db, 3306);
        assertEquals(Outcome.OPEN, d.outcome());
        assertEquals("db-from-web", d.inbound().origin());
        assertEquals("web-out", d.outbound().origin());
        assertEquals("db-pg-from-subnet", paths.between(web, db, 5432).inbound().origin(), "protocol 6 is TCP");
        assertEquals(Outcome.NO_OUTBOUND, paths.between(db, web, 80).outcome(), "the database's groups let nothing out");
        assertEquals(Outcome.NO_INBOUND, paths.between(web, db, 22).outcome());
    }

    @Test
    void outsideAddressesNeedAPublicSideAndAnInboundRule() {
        assertEquals(Outcome.OPEN, paths.fromAddress("203.0.113.7", web, 80).outcome());
        assertEquals(Outcome.NO_INBOUND, paths.fromAddress("203.0.113.7", web, 443).outcome());
        assertEquals(Outcome.NO_PUBLIC_SIDE, paths.fromAddress("203.0.113.7", db, 3306).outcome());
    }

    @Test
    void otherVpcsMeetOnlyThroughPublicAddressesWhereGroupRulesStandForNobody() {
        Endpoint elsewhere = new Endpoint("vpc-2", "10.0.1.6", "54.9.9.9", true, List.of("sg-web"));
        assertEquals(Outcome.DIFFERENT_VPCS, paths.between(elsewhere, db, 3306).outcome());
        assertEquals(Outcome.OPEN, paths.between(elsewhere, web, 80).outcome());
        Endpoint noPublicIp = new Endpoint("vpc-2", "10.0.1.6", null, false, List.of("sg-web"));
        assertEquals(Outcome.DIFFERENT_VPCS, paths.between(noPublicIp, web, 80).outcome());
    }

    @Test
    void anUnknownAddressIsHeldOnlyBySlashZero() {
        assertEquals(true, SecurityGroupPaths.contains("0.0.0.0/0", null));
        assertEquals(false, SecurityGroupPaths.contains("10.0.0.0/8", null));
        assertEquals(true, SecurityGroupPaths.contains("10.0.0.0/8", "10.200.3.4"));
    }
}
