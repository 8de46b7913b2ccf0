package io.awstutor.sandbox.ec2;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.awstutor.sandbox.ec2.FilterMatcher.one;

/** The filter names of DescribeInstances and DescribeInstanceStatus. */
final class InstanceFilters {
    private InstanceFilters() {
    }

    static FilterMatcher<Instance> matcher(RegionState state, Ec2Backend backend) {
        Map<String, Function<Instance, Collection<String>>> names = new HashMap<>();
        names.put("instance-id", one(Instance::id));
        names.put("instance-state-name", i -> List.of(backend.instances().stateOf(i).label()));
        names.put("instance-state-code", i -> List.of(String.valueOf(backend.instances().stateOf(i).code())));
        names.put("instance-type", one(Instance::instanceType));
        names.put("image-id", one(Instance::imageId));
        names.put("key-name", one(Instance::keyName));
        names.put("availability-zone", one(Instance::availabilityZone));
        names.put("vpc-id", one(Instance::vpcId));
        names.put("subnet-id", one(Instance::subnetId));
        names.put("private-ip-address", one(Instance::privateIp));
        names.put("ip-address", one(Instance::publicIp));
        names.put("network-interface.addresses.private-ip-address", one(Instance::privateIp));
        names.put("reservation-id", one(Instance::reservationId));
        names.put("architecture", one(Instance::architecture));
        names.put("owner-id", one(Instance::ownerId));
        names.put("launch-index", one(Instance::launchIndex));
        names.put("instance.group-id", Instance::groupIds);
        names.put("group-id", Instance::groupIds);
        names.put("instance.group-name", i -> i.groups().stream().map(Instance.GroupRef::groupName).toList());
        names.put("group-name", i -> i.groups().stream().map(Instance.GroupRef::groupName).toList());
        names.put("private-dns-name", i -> List.of(Ec2Dns.privateName(state.region.name(), i.privateIp())));
        names.put("dns-name", i -> i.publicIp() == null ? List.of() : List.of(Ec2Dns.publicName(state.region.name(), i.publicIp())));
        names.put("platform-details", one(Instance::platformDetails));
        // Status filters for DescribeInstanceStatus
        names.put("instance-status.status", i -> List.of(InstanceHealth.status(backend, i)));
        names.put("system-status.status", i -> List.of(InstanceHealth.status(backend, i)));
        return new FilterMatcher<>(names, i -> state.tags.of(i.id()));
    }
}
