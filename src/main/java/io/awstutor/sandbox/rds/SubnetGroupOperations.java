package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.ec2.NetworkDirectory.SubnetInfo;
import io.awstutor.sandbox.protocol.AwsException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DB subnet groups. The group named "default" always exists: it is the default VPC with all
 * its subnets, read from EC2 each time so new default subnets show up in it.
 */
final class SubnetGroupOperations {
    static final String DEFAULT = "default";
    private final RdsBackend backend;

    SubnetGroupOperations(RdsBackend backend) {
        this.backend = backend;
    }

    DbSubnetGroup find(RegionState state, String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (DEFAULT.equals(key)) {
            return defaultGroup(state);
        }
        DbSubnetGroup group = state.subnetGroups.get(key);
        if (group == null) {
            throw RdsErrors.subnetGroupNotFound(name);
        }
        return group;
    }

    private DbSubnetGroup defaultGroup(RegionState state) {
        String vpcId = backend.network().defaultVpcId(state.accountId, state.region);
        List<SubnetInfo> subnets = backend.network().subnets(state.accountId, state.region, vpcId);
        return new DbSubnetGroup(DEFAULT, DEFAULT, RdsNames.arn(state.region, state.accountId, "subgrp", DEFAULT),
                vpcId, subnets, new LinkedHashMap<>());
    }

    DbSubnetGroup create(RegionState state, String name, String description, List<String> subnetIds, Map<String, String> tags) {
        if (name == null || name.isBlank()) {
            throw RdsErrors.notBlank("DBSubnetGroupName");
        }
        if (description == null || description.isBlank()) {
            throw RdsErrors.notBlank("DBSubnetGroupDescription");
        }
        String key = name.toLowerCase(Locale.ROOT);
        if (key.length() > 255 || !key.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ' '))) {
            throw RdsErrors.invalidValue("The parameter DBSubnetGroupName is not a valid identifier. Only ASCII letters, digits, "
                    + "periods, underscores, spaces, or hyphens are allowed.");
        }
        if (DEFAULT.equals(key) || state.subnetGroups.containsKey(key)) {
            throw RdsErrors.subnetGroupExists(name);
        }
        if (subnetIds.isEmpty()) {
            throw RdsErrors.notBlank("SubnetIds");
        }
        List<String> unknown = new ArrayList<>();
        java.util.Set<String> vpcs = new LinkedHashSet<>();
        for (String id : new LinkedHashSet<>(subnetIds)) {
            backend.subnetLocator().vpcOf(state.accountId, state.region, id).ifPresentOrElse(vpcs::add, () -> unknown.add(id));
        }
        if (!unknown.isEmpty()) {
            throw new AwsException("InvalidSubnet", "Some input subnets in :" + unknown + " are invalid.", 400);
        }
        if (vpcs.size() > 1) {
            throw RdsErrors.invalidValue("The subnets of a DB subnet group must all be in the same VPC; these are in " + vpcs + ".");
        }
        String vpcId = vpcs.iterator().next();
        java.util.Set<String> wanted = new java.util.HashSet<>(subnetIds);
        List<SubnetInfo> chosen = backend.network().subnets(state.accountId, state.region, vpcId).stream()
                .filter(s -> wanted.contains(s.subnetId())).toList();
        List<String> zones = chosen.stream().map(SubnetInfo::availabilityZone).distinct().sorted().toList();
        if (zones.size() < 2) {
            throw new AwsException("DBSubnetGroupDoesNotCoverEnoughAZs", "The DB subnet group doesn't meet Availability Zone (AZ) "
                    + "coverage requirement. Current AZ coverage: " + String.join(", ", zones) + ". Add subnets to cover at least 2 AZs.", 400);
        }
        DbSubnetGroup group = new DbSubnetGroup(key, description, RdsNames.arn(state.region, state.accountId, "subgrp", key),
                vpcId, List.copyOf(chosen), new LinkedHashMap<>(tags));
        state.subnetGroups.put(key, group);
        return group;
    }

    Page<DbSubnetGroup> describe(RegionState state, String name, String marker, Integer maxRecords) {
        if (name != null) {
            return new Page<>(List.of(find(state, name)), null);
        }
        List<DbSubnetGroup> all = new ArrayList<>();
        all.add(defaultGroup(state));
        all.addAll(state.subnetGroups.values());
        all.sort(java.util.Comparator.comparing(DbSubnetGroup::name));
        return Page.of(all, DbSubnetGroup::name, marker, maxRecords);
    }

    void delete(RegionState state, String name) {
        DbSubnetGroup group = find(state, name);
        if (DEFAULT.equals(group.name())) {
            throw new AwsException("InvalidDBSubnetGroupStateFault", "Cannot delete the default DB subnet group.", 400);
        }
        for (DbInstance db : state.instances.values()) {
            if (group.name().equals(db.subnetGroupName)) {
                throw new AwsException("InvalidDBSubnetGroupStateFault", "Cannot delete the subnet group '" + group.name()
                        + "' because at least one database instance: " + db.identifier + " is still using it.", 400);
            }
        }
        for (DbCluster cluster : state.clusters.values()) {
            if (group.name().equals(cluster.subnetGroupName)) {
                throw new AwsException("InvalidDBSubnetGroupStateFault", "Cannot delete the subnet group '" + group.name()
                        + "' because at least one database cluster: " + cluster.identifier + " is still using it.", 400);
            }
        }
        state.subnetGroups.remove(group.name());
    }
}
