package io.awstutor.check;

import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether TCP traffic can flow from one endpoint to another the way security groups
 * do, from nothing but the answers of DescribeSecurityGroups, DescribeInstances and
 * DescribeDBInstances, so it gives the same verdict on every target. Rules only allow; all
 * of an endpoint's groups add up; the sender's outbound and the receiver's inbound rules must
 * both allow; replies pass (groups are stateful); a rule naming a group stands for its members.
 * (The sandbox's own {@code ec2.Reachability} reads its internal state; this is the same
 * reasoning over SDK data.)
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

    NetworkPaths(Map<String, SecurityGroup> groups) {
        this.groups = groups;
    }

    Path fromAddress(String address, Endpoint target, int port) {
        if (!target.publicSide()) {
            return new Path(false, target.label() + " has no public address, so nothing outside its VPC can reach it");
        }
        Optional<String> inbound = find(target.groupIds(), false, port, address, List.of());
        return inbound.map(rule -> new Path(true, "inbound rule " + rule + " lets " + address + " in on port " + port))
                .orElseGet(() -> new Path(false, "no inbound rule of " + names(target.groupIds()) + " allows TCP port " + port
                        + " from " + address));
    }

    Path between(Endpoint from, Endpoint to, int port) {
        if (from.vpcId() == null || !from.vpcId().equals(to.vpcId())) {
            return new Path(false, from.label() + " and " + to.label() + " are not in the same VPC");
        }
        Optional<String> outbound = find(from.groupIds(), true, port, to.privateIp(), to.groupIds());
        if (outbound.isEmpty()) {
            return new Path(false, "no outbound rule of " + names(from.groupIds()) + " lets TCP port " + port + " leave "
                    + from.label() + " towards " + to.label());
        }
        Optional<String> inbound = find(to.groupIds(), false, port, from.privateIp(), from.groupIds());
        if (inbound.isEmpty()) {
            return new Path(false, "no inbound rule of " + names(to.groupIds()) + " allows TCP port " + port + " from "
                    + from.label() + (from.privateIp() == null ? "" : " (" + from.privateIp() + ")"));
        }
        return new Path(true, "inbound rule " + inbound.get() + " allows TCP port " + port + " from " + from.label());
    }

    /** The first rule (described) in these groups and direction that allows the port to or from the peer. */
    private Optional<String> find(List<String> groupIds, boolean egress, int port, String peerIp, List<String> peerGroups) {
        for (String groupId : groupIds) {
            SecurityGroup group = groups.get(groupId);
            if (group == null) {
                continue;
            }
            for (IpPermission permission : egress ? group.ipPermissionsEgress() : group.ipPermissions()) {
                if (!coversTcp(permission, port)) {
                    continue;
                }
                for (IpRange range : permission.ipRanges()) {
                    if (contains(range.cidrIp(), peerIp)) {
                        return Optional.of("of " + group.groupName() + " [" + range.cidrIp() + "]");
                    }
                }
                for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
                    if (peerGroups.contains(pair.groupId())) {
                        return Optional.of("of " + group.groupName() + " [group " + nameOf(pair.groupId()) + "]");
                    }
                }
            }
        }
        return Optional.empty();
    }

    static boolean coversTcp(IpPermission permission, int port) {
        String protocol = permission.ipProtocol();
        if ("-1".equals(protocol) || "all".equalsIgnoreCase(protocol)) {
            return true;
        }
        if (!"tcp".equalsIgnoreCase(protocol) && !"6".equals(protocol)) {
            return false;
        }
        return permission.fromPort() != null && permission.toPort() != null
                && permission.fromPort() <= port && port <= permission.toPort();
    }

    /** Whether the CIDR block holds the address; an unknown address is held only by 0.0.0.0/0. */
    static boolean contains(String cidr, String address) {
        if (cidr == null) {
            return false;
        }
        int slash = cidr.indexOf('/');
        int bits = slash < 0 ? 32 : Integer.parseInt(cidr.substring(slash + 1));
        if (bits == 0) {
            return true;
        }
        if (address == null) {
            return false;
        }
        long mask = (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(slash < 0 ? cidr : cidr.substring(0, slash)) & mask) == (toLong(address) & mask);
    }

    private static long toLong(String ipv4) {
        String[] parts = ipv4.trim().split("\\.");
        if (parts.length != 4) {
            throw new IllegalArgumentException(ipv4 + " is not an IPv4 address");
        }
        long value = 0;
        for (String part : parts) {
            value = (value << 8) | (Integer.parseInt(part) & 0xFF);
        }
        return value;
    }

    private String nameOf(String groupId) {
        SecurityGroup group = groups.get(groupId);
        return group == null ? groupId : group.groupName();
    }

    private String names(List<String> groupIds) {
        return groupIds.isEmpty() ? "its (no) security groups" : String.join(", ", groupIds.stream().map(this::nameOf).toList());
    }
}
