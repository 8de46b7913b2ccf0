package io.awstutor.network;

import java.util.List;
import java.util.Optional;

/**
 * The one model of "can TCP traffic get from A to B on port P?" as security groups decide it,
 * shared by the lessons' checks (over SDK answers) and the sandbox (over its own state: the
 * database front, the console's form). Rules only allow; the rules of all of an endpoint's groups
 * add up; the sender's outbound and the receiver's inbound rules must both allow; replies pass
 * (groups are stateful); within a VPC a rule naming a group stands for that group's members;
 * between VPCs only public addresses meet. A leaf package: it knows neither the SDK nor the
 * sandbox, and each caller words the {@link Decision} its own way.
 *
 * @param <R> the caller's own rule, carried along so that it can name the deciding rule
 */
public final class SecurityGroupPaths<R> {

    /**
     * One rule as the decision reads it: {@code protocol} as EC2 writes it ({@code tcp}, {@code 6},
     * {@code -1}/{@code all}); the peer is an IPv4 {@code cidr} or a {@code peerGroupId}
     * (neither, for peers that never match an IPv4 path: IPv6 ranges, prefix lists).
     */
    public record Rule<R>(String protocol, Integer fromPort, Integer toPort, String cidr, String peerGroupId, R origin) {
        public boolean allowsTcp(int port) {
            if ("-1".equals(protocol) || "all".equalsIgnoreCase(protocol)) {
                return true;
            }
            return ("tcp".equalsIgnoreCase(protocol) || "6".equals(protocol))
                    && fromPort != null && toPort != null && fromPort <= port && port <= toPort;
        }
    }

    /** An instance or DB instance as traffic sees it; a null private IP is matched only by 0.0.0.0/0. */
    public record Endpoint(String vpcId, String privateIp, String publicIp, boolean publicSide, List<String> groupIds) {
    }

    public enum Outcome { OPEN, NO_PUBLIC_SIDE, DIFFERENT_VPCS, NO_OUTBOUND, NO_INBOUND }

    /** The verdict with what decided it: the rules that let the traffic out and in, and the addresses used. */
    public record Decision<R>(Outcome outcome, Rule<R> outbound, Rule<R> inbound, String sourceAddress, String targetAddress) {
        public boolean open() {
            return outcome == Outcome.OPEN;
        }
    }

    /** A group's rules in one direction; empty for a group that does not exist. */
    public interface Rules<R> {
        List<Rule<R>> of(String groupId, boolean egress);
    }

    private final Rules<R> rules;

    public SecurityGroupPaths(Rules<R> rules) {
        this.rules = rules;
    }

    /** From an address outside AWS, which has no outbound rules to pass. */
    public Decision<R> fromAddress(String address, Endpoint target, int port) {
        if (!target.publicSide()) {
            return new Decision<>(Outcome.NO_PUBLIC_SIDE, null, null, address, null);
        }
        Optional<Rule<R>> inbound = find(target.groupIds(), false, port, address, List.of());
        return new Decision<>(inbound.isPresent() ? Outcome.OPEN : Outcome.NO_INBOUND, null, inbound.orElse(null), address,
                target.publicIp());
    }

    public Decision<R> between(Endpoint from, Endpoint to, int port) {
        boolean sameVpc = from.vpcId() != null && from.vpcId().equals(to.vpcId());
        String sourceAddress = sameVpc ? from.privateIp() : from.publicIp();
        String targetAddress = sameVpc ? to.privateIp() : to.publicIp();
        if (!sameVpc && (sourceAddress == null || !to.publicSide() || targetAddress == null)) {
            return new Decision<>(Outcome.DIFFERENT_VPCS, null, null, sourceAddress, targetAddress);
        }
        List<String> toGroups = sameVpc ? to.groupIds() : List.of();
        List<String> fromGroups = sameVpc ? from.groupIds() : List.of();
        Optional<Rule<R>> outbound = find(from.groupIds(), true, port, targetAddress, toGroups);
        if (outbound.isEmpty()) {
            return new Decision<>(Outcome.NO_OUTBOUND, null, null, sourceAddress, targetAddress);
        }
        Optional<Rule<R>> inbound = find(to.groupIds(), false, port, sourceAddress, fromGroups);
        return new Decision<>(inbound.isPresent() ? Outcome.OPEN : Outcome.NO_INBOUND, outbound.get(), inbound.orElse(null),
                sourceAddress, targetAddress);
    }

    /** The first rule in these groups and direction that allows TCP {@code port} with the peer (by address or group). */
    public Optional<Rule<R>> find(List<String> groupIds, boolean egress, int port, String peerIp, List<String> peerGroups) {
        for (String groupId : groupIds) {
            for (Rule<R> rule : rules.of(groupId, egress)) {
                if (!rule.allowsTcp(port)) {
                    continue;
                }
                if (rule.cidr() != null && contains(rule.cidr(), peerIp)) {
                    return Optional.of(rule);
                }
                if (rule.peerGroupId() != null && peerGroups.contains(rule.peerGroupId())) {
                    return Optional.of(rule);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the IPv4 CIDR block holds the address; an unknown address is held only by a /0. */
    public static boolean contains(String cidr, String address) {
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
}
