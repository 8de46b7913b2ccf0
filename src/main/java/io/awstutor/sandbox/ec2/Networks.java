package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.protocol.FilterMatcher;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.regions.Region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.awstutor.sandbox.protocol.FilterMatcher.one;

/** VPCs and subnets: the default network and what a learner adds to it. */
public final class Networks {

    public Vpc createVpc(RegionState state, String cidrBlock, Map<String, String> tags) {
        Ipv4Cidr block = parseCidr(cidrBlock);
        if (block.prefixLength() < 16 || block.prefixLength() > 28) {
            throw Ec2Errors.invalidParameterValue("Value (" + cidrBlock + ") for parameter cidrBlock is invalid. "
                    + "This is not a valid CIDR block.");
        }
        synchronized (state) {
            Vpc vpc = state.addVpc(block.toString(), false);
            state.tags.put(vpc.id(), tags);
            return vpc;
        }
    }

    public Subnet createSubnet(RegionState state, String vpcId, String cidrBlock, String zone, String zoneId,
                               Map<String, String> tags) {
        if (vpcId == null) {
            throw Ec2Errors.missingParameter("VpcId");
        }
        Ipv4Cidr block = parseCidr(cidrBlock);
        synchronized (state) {
            Vpc vpc = state.vpcs.get(vpcId);
            if (vpc == null) {
                throw Ec2Errors.vpcNotFound(vpcId);
            }
            if (block.prefixLength() < 16 || block.prefixLength() > 28 || !vpc.block().contains(block.network())
                    || block.prefixLength() < vpc.block().prefixLength()) {
                throw Ec2Errors.invalidParameterValue("The CIDR '" + cidrBlock + "' is invalid.");
            }
            for (Subnet other : state.subnets.values()) {
                if (other.vpcId().equals(vpcId) && other.block().overlaps(block)) {
                    throw AwsException.badRequest("InvalidSubnet.Conflict", "The CIDR '" + cidrBlock + "' conflicts with another subnet");
                }
            }
            Region region = state.region;
            char letter = pickZone(region, zone, zoneId);
            Subnet subnet = new Subnet(Ec2Ids.next("subnet"), vpcId, region.name() + letter, region.zoneId(letter),
                    block.toString(), false, false, state.accountId);
            state.addSubnet(subnet);
            state.tags.put(subnet.id(), tags);
            return subnet;
        }
    }

    /** A subnet with instances or other services' endpoints (DB instances) still in it cannot go. */
    public void deleteSubnet(RegionState state, String subnetId, java.time.Instant now, InstanceTimings timings,
                             List<NetworkEndpoint> external) {
        if (subnetId == null) {
            throw Ec2Errors.missingParameter("SubnetId");
        }
        synchronized (state) {
            Subnet subnet = state.subnets.get(subnetId);
            if (subnet == null) {
                throw Ec2Errors.subnetNotFound(subnetId);
            }
            boolean used = state.instances.values().stream().anyMatch(i -> i.subnetId().equals(subnetId)
                    && i.state(now, timings).holdsNetwork())
                    || external.stream().anyMatch(e -> subnet.vpcId().equals(e.vpcId()) && e.privateIp() != null
                    && subnet.block().contains(e.privateIp()));
            if (used) {
                throw AwsException.badRequest("DependencyViolation", "The subnet '" + subnetId + "' has dependencies and cannot be deleted.");
            }
            state.subnets.remove(subnetId);
            state.usedAddresses.remove(subnetId);
            state.tags.forget(subnetId);
        }
    }

    /** A VPC goes only once its subnets and its own (non-default) security groups are gone; its default group goes with it. */
    public void deleteVpc(RegionState state, String vpcId) {
        if (vpcId == null) {
            throw Ec2Errors.missingParameter("VpcId");
        }
        synchronized (state) {
            if (!state.vpcs.containsKey(vpcId)) {
                throw Ec2Errors.vpcNotFound(vpcId);
            }
            boolean used = state.subnets.values().stream().anyMatch(s -> s.vpcId().equals(vpcId))
                    || state.groups.values().stream().anyMatch(g -> g.vpcId().equals(vpcId) && !g.isDefault());
            if (used) {
                throw AwsException.badRequest("DependencyViolation", "The vpc '" + vpcId + "' has dependencies and cannot be deleted.");
            }
            for (SecurityGroup group : new ArrayList<>(state.groups.values())) {
                if (group.vpcId().equals(vpcId)) {
                    state.removeGroup(group);
                }
            }
            state.vpcs.remove(vpcId);
            state.tags.forget(vpcId);
        }
    }

    private static char pickZone(Region region, String zone, String zoneId) {
        if (zone == null && zoneId == null) {
            return region.zoneLetters().get(0);
        }
        for (char letter : region.zoneLetters()) {
            if ((region.name() + letter).equals(zone) || region.zoneId(letter).equals(zoneId)) {
                return letter;
            }
        }
        throw Ec2Errors.invalidParameterValue("Value (" + (zone != null ? zone : zoneId)
                + ") for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: "
                + String.join(", ", region.zoneNames()) + ".");
    }

    private static Ipv4Cidr parseCidr(String cidrBlock) {
        if (cidrBlock == null) {
            throw Ec2Errors.missingParameter("CidrBlock");
        }
        try {
            return Ipv4Cidr.parse(cidrBlock);
        } catch (RuntimeException e) {
            throw Ec2Errors.invalidParameterValue("Value (" + cidrBlock + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        }
    }

    public List<Vpc> describeVpcs(RegionState state, List<String> ids, List<Filter> filters) {
        Map<String, Function<Vpc, Collection<String>>> names = new HashMap<>();
        names.put("vpc-id", one(Vpc::id));
        names.put("cidr", one(Vpc::cidrBlock));
        names.put("cidr-block-association.cidr-block", one(Vpc::cidrBlock));
        names.put("is-default", one(Vpc::isDefault));
        // the legacy camelCase name AWS still accepts; Terraform's aws_vpc data source sends it
        names.put("isDefault", one(Vpc::isDefault));
        names.put("owner-id", one(Vpc::ownerId));
        names.put("state", v -> List.of("available"));
        names.put("dhcp-options-id", one(Vpc::dhcpOptionsId));
        synchronized (state) {
            var predicate = new FilterMatcher<Vpc>(Ec2Requests.FILTERS, names, v -> state.tags.of(v.id())).predicate(filters);
            List<Vpc> selected = new ArrayList<>();
            if (ids.isEmpty()) {
                selected.addAll(state.vpcs.values());
            } else {
                for (String id : ids) {
                    Vpc vpc = state.vpcs.get(id);
                    if (vpc == null) {
                        throw Ec2Errors.vpcNotFound(id);
                    }
                    selected.add(vpc);
                }
            }
            selected.removeIf(predicate.negate());
            return selected;
        }
    }

    public List<Subnet> describeSubnets(RegionState state, List<String> ids, List<Filter> filters) {
        Map<String, Function<Subnet, Collection<String>>> names = new HashMap<>();
        names.put("subnet-id", one(Subnet::id));
        names.put("vpc-id", one(Subnet::vpcId));
        names.put("availability-zone", one(Subnet::availabilityZone));
        names.put("availability-zone-id", one(Subnet::availabilityZoneId));
        // camelCase names: "You can also use availabilityZone as the filter name" (DescribeSubnets' reference)
        names.put("availabilityZone", one(Subnet::availabilityZone));
        names.put("availabilityZoneId", one(Subnet::availabilityZoneId));
        names.put("cidr", one(Subnet::cidrBlock));
        names.put("cidr-block", one(Subnet::cidrBlock));
        names.put("cidrBlock", one(Subnet::cidrBlock));
        names.put("default-for-az", one(Subnet::defaultForAz));
        names.put("defaultForAz", one(Subnet::defaultForAz));
        names.put("map-public-ip-on-launch", one(Subnet::mapPublicIpOnLaunch));
        names.put("owner-id", one(Subnet::ownerId));
        names.put("state", s -> List.of("available"));
        synchronized (state) {
            var predicate = new FilterMatcher<Subnet>(Ec2Requests.FILTERS, names, s -> state.tags.of(s.id())).predicate(filters);
            List<Subnet> selected = new ArrayList<>();
            if (ids.isEmpty()) {
                selected.addAll(state.subnets.values());
            } else {
                for (String id : ids) {
                    Subnet subnet = state.subnets.get(id);
                    if (subnet == null) {
                        throw Ec2Errors.subnetNotFound(id);
                    }
                    selected.add(subnet);
                }
            }
            selected.removeIf(predicate.negate());
            return selected;
        }
    }

    /** Free addresses left in a subnet, for availableIpAddressCount. */
    public long availableAddresses(RegionState state, Subnet subnet) {
        synchronized (state) {
            return subnet.usableAddresses() - state.usedAddresses.getOrDefault(subnet.id(), java.util.Set.of()).size();
        }
    }
}
