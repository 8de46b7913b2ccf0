package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.regions.Regions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2's state as it is written to the data folder: plain records, one per account and region.
 * Instances keep their last command and its time, so their state is derived again after a restart.
 */
record Ec2Snapshot(List<RegionSnapshot> regions) {

    record RegionSnapshot(String accountId, String region, String defaultVpcId, List<Vpc> vpcs, List<Subnet> subnets,
                          List<GroupSnapshot> groups, List<InstanceSnapshot> instances, List<KeyPair> keyPairs,
                          Map<String, Map<String, String>> tags, Map<String, List<String>> usedAddresses) {
    }

    record GroupSnapshot(String id, String name, String description, String vpcId, String ownerId, List<RuleSnapshot> rules) {
    }

    record RuleSnapshot(String id, boolean egress, String protocol, Integer fromPort, Integer toPort, String peerType,
                        String peer, String peerUserId, String description) {
    }

    record InstanceSnapshot(String id, String reservationId, String imageId, String instanceType, String architecture,
                            String platformDetails, String keyName, String subnetId, String vpcId, String availabilityZone,
                            String privateIp, String publicIp, int launchIndex, String ownerId,
                            List<Instance.GroupRef> groups, Instant launchTime, Instance.Command command, Instant commandAt,
                            String stateReason, String userData, InstanceSettings settings) {
    }

    /** Called holding the state's lock. */
    static RegionSnapshot of(RegionState state) {
        List<GroupSnapshot> groups = new ArrayList<>();
        for (SecurityGroup group : state.groups.values()) {
            List<RuleSnapshot> rules = new ArrayList<>();
            for (SecurityGroupRule rule : group.allRules()) {
                RulePeer peer = rule.peer();
                String type = peer instanceof RulePeer.Ipv4 ? "ipv4" : peer instanceof RulePeer.Ipv6 ? "ipv6"
                        : peer instanceof RulePeer.PrefixList ? "prefix-list" : "group";
                String userId = peer instanceof RulePeer.Group g ? g.userId() : null;
                rules.add(new RuleSnapshot(rule.id(), rule.egress(), rule.protocol(), rule.fromPort(), rule.toPort(), type,
                        peer.text(), userId, rule.description()));
            }
            groups.add(new GroupSnapshot(group.id(), group.name(), group.description(), group.vpcId(), group.ownerId(), rules));
        }
        List<InstanceSnapshot> instances = new ArrayList<>();
        for (Instance i : state.instances.values()) {
            instances.add(new InstanceSnapshot(i.id(), i.reservationId(), i.imageId(), i.instanceType(), i.architecture(),
                    i.platformDetails(), i.keyName(), i.subnetId(), i.vpcId(), i.availabilityZone(), i.privateIp(), i.publicIp(),
                    i.launchIndex(), i.ownerId(), i.groups(), i.launchTime(), i.command(), i.commandAt(), i.stateReason(), i.userData(), i.settings()));
        }
        Map<String, List<String>> used = new LinkedHashMap<>();
        state.usedAddresses.forEach((subnet, addresses) ->
                used.put(subnet, addresses.stream().sorted().map(Ipv4Cidr::format).toList()));
        return new RegionSnapshot(state.accountId, state.region.name(), state.defaultVpcId, List.copyOf(state.vpcs.values()),
                List.copyOf(state.subnets.values()), groups, instances, List.copyOf(state.keyPairs.values()), state.tags.all(), used);
    }

    static RegionState restore(RegionSnapshot snapshot) {
        RegionState state = new RegionState(snapshot.accountId(), Regions.find(snapshot.region())
                .orElseThrow(() -> new IllegalArgumentException("unknown region " + snapshot.region())));
        state.defaultVpcId = snapshot.defaultVpcId();
        snapshot.vpcs().forEach(v -> state.vpcs.put(v.id(), v));
        snapshot.subnets().forEach(state::addSubnet);
        for (GroupSnapshot g : snapshot.groups()) {
            SecurityGroup group = new SecurityGroup(g.id(), g.name(), g.description(), g.vpcId(), g.ownerId());
            state.groups.put(group.id(), group);
        }
        for (GroupSnapshot g : snapshot.groups()) {
            SecurityGroup group = state.groups.get(g.id());
            for (RuleSnapshot r : g.rules()) {
                RulePeer peer = switch (r.peerType()) {
                    case "ipv4" -> RulePeer.Ipv4.of(r.peer());
                    case "ipv6" -> new RulePeer.Ipv6(r.peer());
                    case "prefix-list" -> new RulePeer.PrefixList(r.peer());
                    default -> new RulePeer.Group(r.peer(), r.peerUserId());
                };
                state.addRule(group, new SecurityGroupRule(r.id(), g.id(), g.ownerId(), r.egress(), r.protocol(), r.fromPort(),
                        r.toPort(), peer, r.description()));
            }
        }
        for (InstanceSnapshot s : snapshot.instances()) {
            Instance instance = new Instance(s.id(), s.reservationId(), s.imageId(), s.instanceType(), s.architecture(),
                    s.platformDetails(), s.keyName(), s.subnetId(), s.vpcId(), s.availabilityZone(), s.privateIp(), s.publicIp(),
                    s.launchIndex(), s.ownerId(), s.groups(), s.launchTime());
            instance.apply(s.command(), s.commandAt(), s.stateReason());
            instance.restoreLaunchTime(s.launchTime());
            instance.setUserData(s.userData());
            instance.setSettings(s.settings());
            state.instances.put(instance.id(), instance);
        }
        snapshot.keyPairs().forEach(k -> state.keyPairs.put(k.name(), k));
        snapshot.tags().forEach(state.tags::put);
        snapshot.usedAddresses().forEach((subnet, addresses) -> addresses.forEach(a -> state.reserveAddress(subnet, a)));
        return state;
    }
}
