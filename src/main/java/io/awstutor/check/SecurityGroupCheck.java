package io.awstutor.check;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.util.Map;
import java.util.Optional;

/**
 * A security group exists (by name), optionally with an inbound rule for a TCP port from a
 * CIDR block, from an instance's private address, or from another group — or, with
 * {@code absent: true}, without such a rule:
 * <pre>
 * - security-group: ${prefix}-web
 * - security-group: {name: ${prefix}-db, port: 3306, source-group: ${prefix}-web}
 * - security-group: {name: ${prefix}-db, port: 3306, source-instance: ${prefix}-web1, absent: true}
 * </pre>
 */
public record SecurityGroupCheck(String name, Optional<Integer> port, Map<String, String> source, boolean absent,
                                 Optional<String> region) implements Check {

    static SecurityGroupCheck parse(Object value) {
        Spec spec = Spec.of("security-group", value, "name", "port", "cidr", "source-group", "source-instance", "absent", "region");
        Map<String, String> source = Map.of();
        for (String key : new String[] {"cidr", "source-group", "source-instance"}) {
            if (spec.has(key)) {
                source = Map.of(key, spec.required(key));
            }
        }
        if (spec.has("port") != !source.isEmpty()) {
            throw new IllegalArgumentException("check 'security-group': a rule needs both 'port' and one of cidr, source-group, source-instance");
        }
        return new SecurityGroupCheck(spec.required("name"), spec.integer("port"), source, spec.bool("absent").orElse(false),
                spec.optional("region"));
    }

    @Override
    public Verdict run(CheckContext context) {
        String groupName = context.substitute(name);
        try (Ec2Client ec2 = context.clients().ec2(Ec2Lookup.region(context, region))) {
            Optional<SecurityGroup> found = Ec2Lookup.groupNamed(ec2, groupName);
            if (found.isEmpty()) {
                return Verdict.fail("There is no security group named " + groupName + " yet.");
            }
            SecurityGroup group = found.get();
            if (port.isEmpty()) {
                return Verdict.pass("security group " + groupName + " (" + group.groupId() + ") exists");
            }
            String kind = source.keySet().iterator().next();
            String value = context.substitute(source.get(kind));
            String peerText;
            String cidr = null;
            String peerGroupId = null;
            switch (kind) {
                case "cidr" -> {
                    cidr = value;
                    peerText = value;
                }
                case "source-instance" -> {
                    Optional<Instance> instance = Ec2Lookup.liveInstanceNamed(ec2, value);
                    if (instance.isEmpty()) {
                        return Verdict.fail("No instance tagged Name=" + value + " is there yet.");
                    }
                    cidr = instance.get().privateIpAddress() + "/32";
                    peerText = value + "'s address " + cidr;
                }
                default -> {
                    Optional<SecurityGroup> peer = Ec2Lookup.groupNamed(ec2, value);
                    if (peer.isEmpty()) {
                        return Verdict.fail("There is no security group named " + value + " yet.");
                    }
                    peerGroupId = peer.get().groupId();
                    peerText = "the group " + value + " (" + peerGroupId + ")";
                }
            }
            boolean present = false;
            for (IpPermission permission : group.ipPermissions()) {
                if (!NetworkPaths.coversTcp(permission, port.get())) {
                    continue;
                }
                String wantedCidr = cidr;
                String wantedGroup = peerGroupId;
                present |= wantedCidr != null && permission.ipRanges().stream().anyMatch(r -> wantedCidr.equals(r.cidrIp()));
                present |= wantedGroup != null && permission.userIdGroupPairs().stream().anyMatch(p -> wantedGroup.equals(p.groupId()));
            }
            String rule = "TCP port " + port.get() + " from " + peerText;
            if (present == absent) {
                return Verdict.fail(absent
                        ? "The group " + groupName + " still has the inbound rule " + rule + "; revoke it."
                        : "The group " + groupName + " has no inbound rule for " + rule + " yet.");
            }
            return Verdict.pass(groupName + (absent ? " has no rule for " : " allows ") + rule);
        }
    }

    @Override
    public String describe() {
        return "security group " + name + port.map(p -> " port " + p + " " + source).orElse("");
    }
}
