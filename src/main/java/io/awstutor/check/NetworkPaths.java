package io.awstutor.check;

import io.awstutor.network.SecurityGroupPaths;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides whether TCP traffic can flow from one endpoint to another the way security groups
 * do, from nothing but the answers of DescribeSecurityGroups, DescribeInstances and
 * DescribeDBInstances, so it gives the same verdict on every target. Rules only allow; all
 * of an endpoint's groups add up; the sender's outbound and the receiver's inbound rules must
 * both allow; replies pass (groups are stateful); a rule naming a group stands for its members.
 * The decision itself is {@link SecurityGroupPaths}, the one model the sandbox's
 * {@code ec2.Reachability} uses too; this class feeds it SDK data and words its verdict.
 */
final class NetworkPaths {

    /**
     * An instance or DB instance as traffic sees it. {@code privateIp} may be null for a DB
     * instance: AWS names its address, not its IP, so only "anywhere" rules match it by address.
     */
    record Endpoint(String label, String vpcId, String privateIp, boolean publicSide, List<String> groupIds) {
    }

    record Path(boolean open, String explanation) {
    }

    private final Map<String, SecurityGroup> groups;
    private final SecurityGroupPaths<String> model;

    NetworkPaths(Map<String, SecurityGroup> groups) {
        this.groups = groups;
        this.model = new SecurityGroupPaths<>(this::rules);
    }

    Path fromAddress(String address, Endpoint target, int port) {
        SecurityGroupPaths.Decision<String> d = model.fromAddress(address, endpoint(target), port);
        return switch (d.outcome()) {
            case OPEN -> new Path(true, "inbound rule " + d.inbound().origin() + " lets " + address + " in on port " + port);
            case NO_PUBLIC_SIDE -> new Path(false, target.label() + " has no public address, so nothing outside its VPC can reach it");
            default -> new Path(false, "no inbound rule of " + names(target.groupIds()) + " allows TCP port " + port
                    + " from " + address);
        };
    }

    Path between(Endpoint from, Endpoint to, int port) {
        SecurityGroupPaths.Decision<String> d = model.between(endpoint(from), endpoint(to), port);
        return switch (d.outcome()) {
            case OPEN -> new Path(true, "inbound rule " + d.inbound().origin() + " allows TCP port " + port + " from " + from.label());
            case NO_OUTBOUND -> new Path(false, "no outbound rule of " + names(from.groupIds()) + " lets TCP port " + port + " leave "
                    + from.label() + " towards " + to.label());
            case NO_INBOUND -> new Path(false, "no inbound rule of " + names(to.groupIds()) + " allows TCP port " + port + " from "
                    + from.label() + (from.privateIp() == null ? "" : " (" + from.privateIp() + ")"));
            default -> new Path(false, from.label() + " and " + to.label() + " are not in the same VPC");
        };
    }

    /** The checks see no public IPs, so endpoints in different VPCs never meet. */
    private static SecurityGroupPaths.Endpoint endpoint(Endpoint e) {
        return new SecurityGroupPaths.Endpoint(e.vpcId(), e.privateIp(), null, e.publicSide(), e.groupIds());
    }

    /** A group's permissions as the model's rules, one per address range or group pair, each described for the verdict. */
    private List<SecurityGroupPaths.Rule<String>> rules(String groupId, boolean egress) {
        SecurityGroup group = groups.get(groupId);
        if (group == null) {
            return List.of();
        }
        List<SecurityGroupPaths.Rule<String>> rules = new ArrayList<>();
        for (IpPermission p : egress ? group.ipPermissionsEgress() : group.ipPermissions()) {
            for (IpRange range : p.ipRanges()) {
                if (range.cidrIp() != null) {
                    rules.add(new SecurityGroupPaths.Rule<>(p.ipProtocol(), p.fromPort(), p.toPort(), range.cidrIp(), null,
                            "of " + group.groupName() + " [" + range.cidrIp() + "]"));
                }
            }
            for (UserIdGroupPair pair : p.userIdGroupPairs()) {
                rules.add(new SecurityGroupPaths.Rule<>(p.ipProtocol(), p.fromPort(), p.toPort(), null, pair.groupId(),
                        "of " + group.groupName() + " [group " + nameOf(pair.groupId()) + "]"));
            }
        }
        return rules;
    }

    static boolean coversTcp(IpPermission permission, int port) {
        return new SecurityGroupPaths.Rule<>(permission.ipProtocol(), permission.fromPort(), permission.toPort(), null, null, null)
                .allowsTcp(port);
    }

    /** Whether the CIDR block holds the address; an unknown address is held only by 0.0.0.0/0. */
    static boolean contains(String cidr, String address) {
        return cidr != null && SecurityGroupPaths.contains(cidr, address);
    }

    private String nameOf(String groupId) {
        SecurityGroup group = groups.get(groupId);
        return group == null ? groupId : group.groupName();
    }

    private String names(List<String> groupIds) {
        return groupIds.isEmpty() ? "its (no) security groups" : String.join(", ", groupIds.stream().map(this::nameOf).toList());
    }
}
