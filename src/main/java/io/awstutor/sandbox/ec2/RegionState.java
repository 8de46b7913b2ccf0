package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.regions.Region;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything EC2 holds for one account in one region. It starts as AWS starts an account:
 * a default VPC (172.31.0.0/16) with one default subnet per zone and its {@code default}
 * security group. Every change happens while holding this object's monitor.
 */
public final class RegionState {
    private static final SecureRandom RANDOM = new SecureRandom();

    final String accountId;
    final Region region;
    final Map<String, Vpc> vpcs = new LinkedHashMap<>();
    final Map<String, Subnet> subnets = new LinkedHashMap<>();
    final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    final Map<String, SecurityGroupRule> rules = new HashMap<>();
    /** Group id to the ids of rules (in any group) whose peer is that group. */
    final Map<String, Set<String>> referencingRules = new HashMap<>();
    final Map<String, Instance> instances = new LinkedHashMap<>();
    final Map<String, KeyPair> keyPairs = new LinkedHashMap<>();
    final Map<String, Set<Integer>> usedAddresses = new HashMap<>();
    final Ec2Tags tags = new Ec2Tags();
    String defaultVpcId;

    RegionState(String accountId, Region region) {
        this.accountId = accountId;
        this.region = region;
    }

    static RegionState withDefaultNetwork(String accountId, Region region) {
        RegionState state = new RegionState(accountId, region);
        Vpc vpc = state.addVpc("172.31.0.0/16", true);
        state.defaultVpcId = vpc.id();
        int index = 0;
        for (char letter : region.zoneLetters()) {
            String cidr = "172.31." + (16 * index) + ".0/20";
            state.addSubnet(new Subnet(Ec2Ids.next("subnet"), vpc.id(), region.name() + letter, region.zoneId(letter),
                    cidr, true, true, accountId));
            index++;
        }
        return state;
    }

    /** A VPC and the default security group every VPC comes with. */
    Vpc addVpc(String cidr, boolean isDefault) {
        Vpc vpc = new Vpc(Ec2Ids.next("vpc"), cidr, isDefault, accountId, Ec2Ids.next("vpc-cidr-assoc"),
                Ec2Ids.stable("dopt", accountId + region.name()));
        vpcs.put(vpc.id(), vpc);
        SecurityGroup group = new SecurityGroup(Ec2Ids.next("sg"), "default", "default VPC security group", vpc.id(), accountId);
        groups.put(group.id(), group);
        addRule(group, new SecurityGroupRule(Ec2Ids.next("sgr"), group.id(), accountId, false, IpProtocol.ALL, null, null,
                new RulePeer.Group(group.id(), accountId), null));
        addRule(group, allowAllEgress(group));
        return vpc;
    }

    SecurityGroupRule allowAllEgress(SecurityGroup group) {
        return new SecurityGroupRule(Ec2Ids.next("sgr"), group.id(), accountId, true, IpProtocol.ALL, null, null,
                RulePeer.Ipv4.of("0.0.0.0/0"), null);
    }

    void addSubnet(Subnet subnet) {
        subnets.put(subnet.id(), subnet);
    }

    void addRule(SecurityGroup group, SecurityGroupRule rule) {
        addRules(group, rule.egress(), List.of(rule));
    }

    void addRules(SecurityGroup group, boolean egress, List<SecurityGroupRule> added) {
        List<SecurityGroupRule> updated = new java.util.ArrayList<>(group.rules(egress));
        updated.addAll(added);
        group.setRules(egress, updated);
        for (SecurityGroupRule rule : added) {
            rules.put(rule.id(), rule);
            if (rule.peer() instanceof RulePeer.Group ref) {
                referencingRules.computeIfAbsent(ref.groupId(), k -> new HashSet<>()).add(rule.id());
            }
        }
    }

    void removeRules(SecurityGroup group, boolean egress, Set<String> ruleIds) {
        List<SecurityGroupRule> kept = new java.util.ArrayList<>();
        for (SecurityGroupRule rule : group.rules(egress)) {
            if (ruleIds.contains(rule.id())) {
                forgetRule(rule);
            } else {
                kept.add(rule);
            }
        }
        group.setRules(egress, kept);
    }

    void replaceRule(SecurityGroup group, SecurityGroupRule rule) {
        List<SecurityGroupRule> updated = new java.util.ArrayList<>(group.rules(rule.egress()));
        updated.replaceAll(r -> r.id().equals(rule.id()) ? rule : r);
        group.setRules(rule.egress(), updated);
        rules.put(rule.id(), rule);
    }

    private void forgetRule(SecurityGroupRule rule) {
        rules.remove(rule.id());
        tags.forget(rule.id());
        if (rule.peer() instanceof RulePeer.Group ref) {
            Set<String> refs = referencingRules.get(ref.groupId());
            if (refs != null) {
                refs.remove(rule.id());
                if (refs.isEmpty()) {
                    referencingRules.remove(ref.groupId());
                }
            }
        }
    }

    void removeGroup(SecurityGroup group) {
        for (SecurityGroupRule rule : group.allRules()) {
            forgetRule(rule);
        }
        groups.remove(group.id());
        tags.forget(group.id());
    }

    /** A free address in the subnet, skipping the five AWS reserves; random like AWS's. */
    String allocateAddress(Subnet subnet) {
        Ipv4Cidr block = subnet.block();
        Set<Integer> used = usedAddresses.computeIfAbsent(subnet.id(), k -> new HashSet<>());
        long usable = block.size() - 5;
        if (used.size() >= usable) {
            throw new io.awstutor.sandbox.protocol.AwsException("InsufficientFreeAddressesInSubnet",
                    "There are not enough free addresses in subnet '" + subnet.id() + "' to satisfy the requested number of instances.", 400);
        }
        while (true) {
            int candidate = block.address(4 + (long) (RANDOM.nextDouble() * usable));
            if (used.add(candidate)) {
                return Ipv4Cidr.format(candidate);
            }
        }
    }

    void reserveAddress(String subnetId, String address) {
        usedAddresses.computeIfAbsent(subnetId, k -> new HashSet<>()).add(Ipv4Cidr.parseAddress(address));
    }

    void releaseAddress(String subnetId, String address) {
        Set<Integer> used = usedAddresses.get(subnetId);
        if (used != null && address != null) {
            used.remove(Ipv4Cidr.parseAddress(address));
        }
    }

    public String accountId() {
        return accountId;
    }

    public Region region() {
        return region;
    }
}
