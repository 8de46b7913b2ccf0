package io.awstutor.sandbox.ec2;

import io.awstutor.network.SecurityGroupPaths;

import java.util.ArrayList;
import java.util.List;

/**
 * Answers "can traffic from A reach B on TCP port P?" the way security groups decide it:
 * rules only allow; the rules of all of an endpoint's groups add up; the sender's outbound
 * rules and the receiver's inbound rules must both allow the traffic; replies always pass
 * (groups are stateful); a rule naming a security group stands for the private addresses of
 * that group's members. An address outside AWS has no outbound rules to pass.
 * <p>
 * Each question reads only the rules of the groups at the two ends, so it stays fast with
 * thousands of groups. The verdict names the rule that allows the traffic or says that none does.
 * The decision is {@link SecurityGroupPaths}, the one model the lessons' checks use too; this
 * class feeds it the region's state and words its verdict.
 */
public final class Reachability {

    /** Where traffic comes from: an instance or DB instance by id, or an IPv4 address outside AWS. */
    public sealed interface Source permits Source.Endpoint, Source.Address {
        record Endpoint(String id) implements Source {
        }

        record Address(String ipv4) implements Source {
        }

        static Source endpoint(String id) {
            return new Endpoint(id);
        }

        static Source address(String ipv4) {
            return new Address(ipv4);
        }
    }

    public record Verdict(boolean reachable, String explanation) {
    }

    /**
     * Who can open TCP connections to a target on a port: the endpoints (instances, DB
     * instances) of the region that can, and the outside ranges its inbound rules admit (empty
     * when the target has no public side or no rule admits outside addresses). A check such as
     * "only the web servers can reach the database on 3306" reads this.
     */
    public record Exposure(List<String> endpoints, List<String> outsideRanges) {
    }

    /** An endpoint as reachability sees it: its addresses and groups. */
    private record Node(String id, String vpcId, String privateIp, String publicIp, boolean hasPublicSide, List<String> groups,
                        boolean up) {
        String describe() {
            return id + " (" + privateIp + ")";
        }

        SecurityGroupPaths.Endpoint endpoint() {
            return new SecurityGroupPaths.Endpoint(vpcId, privateIp, publicIp, hasPublicSide, groups);
        }
    }

    private final Ec2Backend backend;
    private final RegionState state;
    private final SecurityGroupPaths<SecurityGroupRule> model;

    Reachability(Ec2Backend backend, RegionState state) {
        this.backend = backend;
        this.state = state;
        this.model = new SecurityGroupPaths<>(this::rules);
    }

    public Verdict canReach(Source source, String targetId, int port) {
        List<NetworkEndpoint> external = backend.externalEndpoints(state);
        synchronized (state) {
            Node target = node(targetId, external);
            if (target == null) {
                return new Verdict(false, targetId + " does not exist");
            }
            if (!target.up()) {
                return new Verdict(false, targetId + " is not running");
            }
            if (source instanceof Source.Address outside) {
                return fromOutside(outside.ipv4(), target, port);
            }
            String sourceId = ((Source.Endpoint) source).id();
            Node from = node(sourceId, external);
            if (from == null) {
                return new Verdict(false, sourceId + " does not exist");
            }
            if (!from.up()) {
                return new Verdict(false, sourceId + " is not running");
            }
            return between(from, target, port);
        }
    }

    public Exposure whoCanReach(String targetId, int port) {
        List<NetworkEndpoint> external = backend.externalEndpoints(state);
        synchronized (state) {
            Node target = node(targetId, external);
            if (target == null || !target.up()) {
                return new Exposure(List.of(), List.of());
            }
            List<String> sources = new ArrayList<>();
            List<String> ids = new ArrayList<>(state.instances.keySet());
            external.forEach(e -> ids.add(e.id()));
            for (String id : ids) {
                Node from = id.equals(targetId) ? null : node(id, external);
                if (from != null && from.up() && between(from, target, port).reachable()) {
                    sources.add(id);
                }
            }
            List<String> outside = new ArrayList<>();
            if (target.hasPublicSide()) {
                Vpc vpc = state.vpcs.get(target.vpcId());
                for (String groupId : target.groups()) {
                    SecurityGroup group = state.groups.get(groupId);
                    if (group == null) {
                        continue;
                    }
                    for (SecurityGroupRule rule : group.ingress()) {
                        if (rule.allowsTcp(port) && rule.peer() instanceof RulePeer.Ipv4 range
                                && (vpc == null || !insideVpc(vpc.block(), range.block())) && !outside.contains(range.cidr())) {
                            outside.add(range.cidr());
                        }
                    }
                }
            }
            return new Exposure(sources, outside);
        }
    }

    private static boolean insideVpc(Ipv4Cidr vpc, Ipv4Cidr range) {
        return range.prefixLength() >= vpc.prefixLength() && vpc.contains(range.network());
    }

    private Verdict fromOutside(String address, Node target, int port) {
        try {
            Ipv4Cidr.parseAddress(address);
        } catch (IllegalArgumentException e) {
            return new Verdict(false, address + " is not an IPv4 address");
        }
        SecurityGroupPaths.Decision<SecurityGroupRule> d = model.fromAddress(address, target.endpoint(), port);
        return switch (d.outcome()) {
            case OPEN -> new Verdict(true, "inbound rule " + ruleText(d.inbound().origin()) + " allows TCP port " + port
                    + " from " + address + "; replies pass because security groups are stateful");
            case NO_PUBLIC_SIDE -> new Verdict(false, target.id() + " has no public IP address, so nothing outside its VPC can reach it");
            default -> new Verdict(false, "no inbound rule of " + groupsText(target.groups()) + " allows TCP port " + port
                    + " from " + address);
        };
    }

    private Verdict between(Node from, Node target, int port) {
        SecurityGroupPaths.Decision<SecurityGroupRule> d = model.between(from.endpoint(), target.endpoint(), port);
        return switch (d.outcome()) {
            case OPEN -> {
                SecurityGroupRule inbound = d.inbound().origin();
                yield new Verdict(true, "inbound rule " + ruleText(inbound) + " allows TCP port " + port + " from " + from.describe()
                        + (inbound.peer() instanceof RulePeer.Group g ? ", a member of " + g.groupId() : "")
                        + "; outbound rule " + ruleText(d.outbound().origin()) + " lets it leave; replies pass because security groups are stateful");
            }
            case NO_OUTBOUND -> new Verdict(false, "no outbound rule of " + groupsText(from.groups()) + " allows TCP port " + port
                    + " to " + target.id() + " (" + d.targetAddress() + ")");
            case NO_INBOUND -> new Verdict(false, "no inbound rule of " + groupsText(target.groups()) + " allows TCP port " + port
                    + " from " + from.id() + " (" + d.sourceAddress() + ")");
            default -> new Verdict(false, from.id() + " and " + target.id() + " are in different VPCs and cannot reach each other "
                    + "through public addresses");
        };
    }

    /** A group's rules in one direction as the shared model reads them (IPv6 and prefix-list peers never match IPv4). */
    private List<SecurityGroupPaths.Rule<SecurityGroupRule>> rules(String groupId, boolean egress) {
        SecurityGroup group = state.groups.get(groupId);
        if (group == null) {
            return List.of();
        }
        List<SecurityGroupPaths.Rule<SecurityGroupRule>> rules = new ArrayList<>();
        for (SecurityGroupRule rule : group.rules(egress)) {
            String cidr = rule.peer() instanceof RulePeer.Ipv4 range ? range.cidr() : null;
            String peerGroup = rule.peer() instanceof RulePeer.Group ref ? ref.groupId() : null;
            rules.add(new SecurityGroupPaths.Rule<>(rule.protocol(), rule.fromPort(), rule.toPort(), cidr, peerGroup, rule));
        }
        return rules;
    }

    private Node node(String id, List<NetworkEndpoint> external) {
        Instance instance = state.instances.get(id);
        if (instance != null) {
            InstanceStateName current = instance.state(backend.now(), backend.timings());
            if (current == InstanceStateName.TERMINATED) {
                return null;
            }
            return new Node(id, instance.vpcId(), instance.privateIp(), instance.publicIp(), instance.publicIp() != null,
                    instance.groupIds(), current.isUp());
        }
        for (NetworkEndpoint endpoint : external) {
            if (endpoint.id().equals(id)) {
                return new Node(id, endpoint.vpcId(), endpoint.privateIp(), null, true, endpoint.securityGroupIds(), true);
            }
        }
        return null;
    }

    private String groupsText(List<String> groupIds) {
        if (groupIds.isEmpty()) {
            return "its (no) security groups";
        }
        List<String> names = new ArrayList<>();
        for (String id : groupIds) {
            SecurityGroup group = state.groups.get(id);
            names.add(group == null ? id : id + " (" + group.name() + ")");
        }
        return String.join(", ", names);
    }

    private String ruleText(SecurityGroupRule rule) {
        SecurityGroup group = state.groups.get(rule.groupId());
        String owner = group == null ? rule.groupId() : rule.groupId() + " (" + group.name() + ")";
        String peer = rule.peer() instanceof RulePeer.Group g ? "group " + g.groupId() : rule.peer().text();
        String ports = rule.protocol().equals(IpProtocol.ALL) ? "all traffic"
                : IpProtocol.label(rule.protocol()) + " " + (rule.fromPort().equals(rule.toPort()) ? rule.fromPort() : rule.fromPort() + "-" + rule.toPort());
        return rule.id() + " of " + owner + " [" + ports + (rule.egress() ? " to " : " from ") + peer + "]";
    }
}
