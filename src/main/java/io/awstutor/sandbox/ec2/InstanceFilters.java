package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.FilterMatcher;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.awstutor.sandbox.protocol.FilterMatcher.one;

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
        addFixedFacts(names, state);
        addNetworkInterface(names, state);
        // Status filters for DescribeInstanceStatus
        names.put("instance-status.status", i -> List.of(InstanceHealth.status(backend, i)));
        names.put("system-status.status", i -> List.of(InstanceHealth.status(backend, i)));
        names.put("instance-status.reachability", i -> reachability(backend, i));
        names.put("system-status.reachability", i -> reachability(backend, i));
        return new FilterMatcher<>(Ec2Requests.FILTERS, names, i -> state.tags.of(i.id()));
    }

    /**
     * What DescribeInstances shows the same for every sandbox instance (EBS root, HVM, on demand,
     * default tenancy), so that AWS's filter names on them work instead of being called invalid.
     * An empty list is a field the instance does not have: such a filter matches nothing.
     */
    private static void addFixedFacts(Map<String, Function<Instance, Collection<String>>> names, RegionState state) {
        names.put("availability-zone-id", i -> List.of(state.region.zoneId(i.availabilityZone().charAt(i.availabilityZone().length() - 1))));
        names.put("instance-lifecycle", i -> List.of());
        names.put("platform", i -> List.of());
        names.put("tenancy", i -> List.of("default"));
        names.put("hypervisor", i -> List.of("xen"));
        names.put("root-device-type", i -> List.of("ebs"));
        names.put("root-device-name", i -> List.of(RootVolume.DEVICE));
        names.put("block-device-mapping.device-name", i -> List.of(RootVolume.DEVICE));
        names.put("block-device-mapping.volume-id", i -> List.of(i.rootVolumeId()));
        names.put("block-device-mapping.status", i -> List.of("attached"));
        names.put("block-device-mapping.delete-on-termination", i -> List.of("true"));
        names.put("virtualization-type", i -> List.of("hvm"));
        names.put("monitoring-state", i -> List.of("disabled"));
        names.put("source-dest-check", i -> List.of("true"));
        names.put("ebs-optimized", i -> List.of("false"));
        names.put("ena-support", i -> List.of("true"));
        names.put("usage-operation", i -> List.of("RunInstances"));
        names.put("metadata-options.http-tokens", i -> List.of("required"));
        names.put("launch-time", i -> List.of(io.awstutor.sandbox.protocol.XmlWriter.timestamp(i.launchTime())));
    }

    private static Collection<String> reachability(Ec2Backend backend, Instance instance) {
        String check = InstanceHealth.reachability(InstanceHealth.status(backend, instance));
        return check == null ? List.of() : List.of(check);
    }

    /** The one network interface each instance has, named as InstanceXml names it. */
    private static void addNetworkInterface(Map<String, Function<Instance, Collection<String>>> names, RegionState state) {
        names.put("network-interface.network-interface-id", i -> List.of(Ec2Ids.stable("eni", i.id())));
        names.put("network-interface.subnet-id", one(Instance::subnetId));
        names.put("network-interface.vpc-id", one(Instance::vpcId));
        names.put("network-interface.availability-zone", one(Instance::availabilityZone));
        names.put("network-interface.owner-id", one(Instance::ownerId));
        names.put("network-interface.status", i -> List.of("in-use"));
        names.put("network-interface.private-ip-address", one(Instance::privateIp));
        names.put("network-interface.private-dns-name", i -> List.of(Ec2Dns.privateName(state.region.name(), i.privateIp())));
        names.put("network-interface.association.public-ip", one(Instance::publicIp));
        names.put("network-interface.addresses.association.public-ip", one(Instance::publicIp));
        names.put("network-interface.group-id", Instance::groupIds);
        names.put("network-interface.group-name", i -> i.groups().stream().map(Instance.GroupRef::groupName).toList());
    }
}
