package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.ec2.NetworkDirectory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for EC2's network in backend tests: one default VPC with a subnet in each of
 * three zones, its default group, and groups the test adds (in that VPC or another).
 */
final class FakeNetwork implements NetworkDirectory {
    static final String VPC = "vpc-0default";
    static final String DEFAULT_SG = "sg-0default";
    private final Map<String, String> groups = new HashMap<>(Map.of(DEFAULT_SG, VPC));
    private final AtomicInteger nextIp = new AtomicInteger(10);

    FakeNetwork withGroup(String groupId, String vpcId) {
        groups.put(groupId, vpcId);
        return this;
    }

    @Override
    public String defaultVpcId(String accountId, String region) {
        return VPC;
    }

    @Override
    public List<SubnetInfo> subnets(String accountId, String region, String vpcId) {
        if (!VPC.equals(vpcId)) {
            return List.of();
        }
        return List.of(new SubnetInfo("subnet-0a", VPC, region + "a", "172.31.0.0/20"),
                new SubnetInfo("subnet-0b", VPC, region + "b", "172.31.16.0/20"),
                new SubnetInfo("subnet-0c", VPC, region + "c", "172.31.32.0/20"));
    }

    @Override
    public Optional<String> securityGroupVpc(String accountId, String region, String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public String defaultSecurityGroupId(String accountId, String region, String vpcId) {
        return DEFAULT_SG;
    }

    @Override
    public String allocatePrivateIp(String accountId, String region, String subnetId) {
        String third = switch (subnetId) {
            case "subnet-0a" -> "0";
            case "subnet-0b" -> "16";
            default -> "32";
        };
        return "172.31." + third + "." + nextIp.getAndIncrement();
    }
}
