package io.awstutor.sandbox.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The API's grouping of rules: one protocol and port range with any number of peers. Requests
 * arrive in this shape; DescribeSecurityGroups answers in it (rules regrouped by protocol and ports).
 */
public record IpPermission(String protocol, Integer fromPort, Integer toPort, List<Peer> peers) {

    public record Peer(RulePeer peer, String description) {
    }

    /** Regroups stored rules as DescribeSecurityGroups shows them, in the order they were added. */
    public static List<IpPermission> group(List<SecurityGroupRule> rules) {
        Map<List<Object>, List<Peer>> byRange = new LinkedHashMap<>();
        Map<List<Object>, SecurityGroupRule> first = new LinkedHashMap<>();
        for (SecurityGroupRule rule : rules) {
            List<Object> key = java.util.Arrays.asList(rule.protocol(), rule.fromPort(), rule.toPort());
            byRange.computeIfAbsent(key, k -> new ArrayList<>()).add(new Peer(rule.peer(), rule.description()));
            first.putIfAbsent(key, rule);
        }
        List<IpPermission> result = new ArrayList<>();
        byRange.forEach((key, peers) -> {
            SecurityGroupRule rule = first.get(key);
            result.add(new IpPermission(rule.protocol(), rule.fromPort(), rule.toPort(), peers));
        });
        return result;
    }

    public boolean sameRange(String otherProtocol, Integer otherFrom, Integer otherTo) {
        return protocol.equals(otherProtocol) && Objects.equals(fromPort, otherFrom) && Objects.equals(toPort, otherTo);
    }
}
