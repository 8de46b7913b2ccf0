package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.FilterMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.awstutor.sandbox.protocol.FilterMatcher.one;

/** The filter names of DescribeSecurityGroups and DescribeSecurityGroupRules. */
final class SecurityGroupFilters {
    private SecurityGroupFilters() {
    }

    static FilterMatcher<SecurityGroup> groups(RegionState state) {
        Map<String, Function<SecurityGroup, Collection<String>>> names = new HashMap<>();
        names.put("group-id", one(SecurityGroup::id));
        names.put("group-name", one(SecurityGroup::name));
        names.put("description", one(SecurityGroup::description));
        names.put("vpc-id", one(SecurityGroup::vpcId));
        names.put("owner-id", one(SecurityGroup::ownerId));
        for (boolean egress : new boolean[] {false, true}) {
            String prefix = egress ? "egress.ip-permission." : "ip-permission.";
            names.put(prefix + "protocol", g -> collect(g.rules(egress), r -> r.protocol()));
            names.put(prefix + "from-port", g -> collect(g.rules(egress), r -> r.fromPort()));
            names.put(prefix + "to-port", g -> collect(g.rules(egress), r -> r.toPort()));
            names.put(prefix + "cidr", g -> collect(g.rules(egress), r -> r.peer() instanceof RulePeer.Ipv4 p ? p.cidr() : null));
            names.put(prefix + "ipv6-cidr", g -> collect(g.rules(egress), r -> r.peer() instanceof RulePeer.Ipv6 p ? p.cidr() : null));
            names.put(prefix + "prefix-list-id", g -> collect(g.rules(egress), r -> r.peer() instanceof RulePeer.PrefixList p ? p.prefixListId() : null));
            names.put(prefix + "group-id", g -> collect(g.rules(egress), r -> r.peer() instanceof RulePeer.Group p ? p.groupId() : null));
            names.put(prefix + "user-id", g -> collect(g.rules(egress), r -> r.peer() instanceof RulePeer.Group p ? p.userId() : null));
            names.put(prefix + "group-name", g -> collect(g.rules(egress), r -> {
                if (r.peer() instanceof RulePeer.Group p) {
                    SecurityGroup referenced = state.groups.get(p.groupId());
                    return referenced == null ? null : referenced.name();
                }
                return null;
            }));
        }
        return new FilterMatcher<>(Ec2Requests.FILTERS, names, g -> state.tags.of(g.id()));
    }

    static FilterMatcher<SecurityGroupRule> rules(RegionState state) {
        Map<String, Function<SecurityGroupRule, Collection<String>>> names = new HashMap<>();
        names.put("group-id", one(SecurityGroupRule::groupId));
        names.put("security-group-rule-id", one(SecurityGroupRule::id));
        return new FilterMatcher<>(Ec2Requests.FILTERS, names, r -> state.tags.of(r.id()));
    }

    private static Collection<String> collect(List<SecurityGroupRule> rules, Function<SecurityGroupRule, Object> read) {
        List<String> values = new ArrayList<>();
        for (SecurityGroupRule rule : rules) {
            Object value = read.apply(rule);
            if (value != null) {
                values.add(String.valueOf(value));
            }
        }
        return values;
    }
}
