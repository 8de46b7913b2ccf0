package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.ec2.NetworkDirectory;
import io.awstutor.sandbox.regions.Region;
import io.awstutor.sandbox.regions.Regions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The network RDS sees when no EC2 backend is wired: each account and region has only its
 * default VPC (172.31.0.0/16, a /20 subnet per zone) and that VPC's default security group.
 * EC2's own {@link NetworkDirectory} replaces it in the service catalog.
 */
public final class DefaultVpcOnlyNetwork implements NetworkDirectory {
    private final Map<String, AtomicInteger> nextHost = new ConcurrentHashMap<>();

    private static String id(String prefix, String seed) {
        byte[] bytes = seed.getBytes(StandardCharsets.UTF_8);
        long h = 1125899906842597L;
        for (byte b : bytes) {
            h = 31 * h + b;
        }
        return prefix + HexFormat.of().toHexDigits(h).substring(0, 16) + "a";
    }

    @Override
    public String defaultVpcId(String accountId, String region) {
        return id("vpc-", accountId + region);
    }

    @Override
    public List<SubnetInfo> subnets(String accountId, String region, String vpcId) {
        if (!vpcId.equals(defaultVpcId(accountId, region))) {
            return List.of();
        }
        Region r = Regions.find(region).orElseThrow(() -> RdsErrors.invalidValue("Unknown region " + region));
        List<SubnetInfo> subnets = new ArrayList<>();
        List<String> zones = r.zoneNames();
        for (int i = 0; i < zones.size(); i++) {
            subnets.add(new SubnetInfo(id("subnet-", accountId + zones.get(i)), vpcId, zones.get(i), "172.31." + (16 * i) + ".0/20"));
        }
        return subnets;
    }

    @Override
    public Optional<String> securityGroupVpc(String accountId, String region, String groupId) {
        String vpc = defaultVpcId(accountId, region);
        return groupId.equals(defaultSecurityGroupId(accountId, region, vpc)) ? Optional.of(vpc) : Optional.empty();
    }

    @Override
    public String defaultSecurityGroupId(String accountId, String region, String vpcId) {
        return id("sg-", accountId + vpcId);
    }

    @Override
    public String allocatePrivateIp(String accountId, String region, String subnetId) {
        for (SubnetInfo s : subnets(accountId, region, defaultVpcId(accountId, region))) {
            if (s.subnetId().equals(subnetId)) {
                int host = nextHost.computeIfAbsent(accountId + subnetId, k -> new AtomicInteger(10)).getAndIncrement();
                String base = s.cidrBlock().substring(0, s.cidrBlock().lastIndexOf(".0/"));
                String[] octets = base.split("\\.");
                int third = Integer.parseInt(octets[2]) + host / 256;
                return octets[0] + "." + octets[1] + "." + third + "." + (host % 256);
            }
        }
        throw RdsErrors.invalidValue("Unknown subnet " + subnetId);
    }
}
