package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.ec2.NetworkDirectory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Where a DB instance lands: its VPC security groups (checked with EC2) and its zones. */
final class NetworkRules {
    private NetworkRules() {
    }

    /** The requested groups, each existing and in the DB's VPC; none requested means the VPC's default group. */
    static List<String> securityGroups(NetworkDirectory network, RegionState state, String vpcId, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of(network.defaultSecurityGroupId(state.accountId, state.region, vpcId));
        }
        List<String> groups = new ArrayList<>();
        for (String id : new LinkedHashSet<>(requested)) {
            Optional<String> groupVpc = network.securityGroupVpc(state.accountId, state.region, id);
            if (groupVpc.isEmpty()) {
                throw RdsErrors.invalidValue("Invalid security group , groupId= " + id + ", groupName=.");
            }
            if (!groupVpc.get().equals(vpcId)) {
                throw RdsErrors.invalidCombination("The DB instance and EC2 security group are in different VPCs. The DB instance is in "
                        + vpcId + " and the EC2 security group is in " + groupVpc.get());
            }
            groups.add(id);
        }
        return groups;
    }

    /** The requested zone when the subnet group covers it, else one chosen from the group's zones. */
    static String zone(DbSubnetGroup group, String requested, String identifier) {
        List<String> zones = group.zones();
        if (requested != null) {
            if (!zones.contains(requested)) {
                throw RdsErrors.invalidValue("Cannot create a database instance because no subnets exist in availability zone "
                        + requested + " for DB subnet group " + group.name() + ". Choose from these availability zones: "
                        + String.join(", ", zones) + ".");
            }
            return requested;
        }
        return zones.get(Math.floorMod(identifier.hashCode(), zones.size()));
    }

    /** The standby's zone for Multi-AZ: the next zone of the subnet group after the primary's. */
    static String otherZone(DbSubnetGroup group, String primary) {
        List<String> zones = group.zones();
        return zones.get((zones.indexOf(primary) + 1) % zones.size());
    }
}
