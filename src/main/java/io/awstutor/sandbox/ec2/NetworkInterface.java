package io.awstutor.sandbox.ec2;

import java.util.ArrayList;
import java.util.List;

/**
 * A network interface as DescribeNetworkInterfaces shows it. The sandbox keeps none of its
 * own: each running instance has its primary interface and each RDS DB instance one that RDS
 * manages, derived from them (stable ids), so they come and go with what they belong to.
 */
record NetworkInterface(String id, Subnet subnet, String description, String ownerId, String requesterId,
                        String privateIp, String publicIp, List<Instance.GroupRef> groups, String instanceId,
                        String instanceOwnerId, int deviceIndex, java.time.Instant attachTime) {

    boolean requesterManaged() {
        return requesterId != null;
    }

    String attachmentId() {
        return Ec2Ids.stable("eni-attach", id);
    }

    /** A locally administered unicast MAC, derived from the id so that it never changes. */
    String macAddress() {
        return macOf(id);
    }

    static String macOf(String eniId) {
        String hex = eniId.substring(eniId.length() - 10);
        StringBuilder mac = new StringBuilder("0e");
        for (int i = 0; i < 10; i += 2) {
            mac.append(':').append(hex, i, i + 2);
        }
        return mac.toString();
    }

    List<String> groupIds() {
        return groups.stream().map(Instance.GroupRef::groupId).toList();
    }

    /** Every interface in the region, holding the state's lock: instances' first, then other services'. */
    static List<NetworkInterface> all(RegionState state, Instances instances, List<NetworkEndpoint> external) {
        List<NetworkInterface> all = new ArrayList<>();
        for (Instance instance : state.instances.values()) {
            Subnet subnet = state.subnets.get(instance.subnetId());
            if (subnet != null && instances.stateOf(instance).holdsNetwork()) {
                all.add(new NetworkInterface(Ec2Ids.stable("eni", instance.id()), subnet, "", instance.ownerId(), null,
                        instance.privateIp(), instance.publicIp(), instance.groups(), instance.id(), instance.ownerId(), 0,
                        instance.launchTime()));
            }
        }
        for (NetworkEndpoint endpoint : external) {
            Subnet subnet = endpoint.privateIp() == null ? null : state.subnets.values().stream()
                    .filter(s -> s.vpcId().equals(endpoint.vpcId()) && s.block().contains(Ipv4Cidr.parseAddress(endpoint.privateIp())))
                    .findFirst().orElse(null);
            if (subnet == null) {
                continue;
            }
            List<Instance.GroupRef> groups = endpoint.securityGroupIds().stream()
                    .map(g -> new Instance.GroupRef(g, state.groups.containsKey(g) ? state.groups.get(g).name() : null)).toList();
            String requester = "db-instance".equals(endpoint.kind()) ? "amazon-rds" : "amazon-" + endpoint.kind();
            all.add(new NetworkInterface(Ec2Ids.stable("eni", endpoint.kind() + "/" + endpoint.id()), subnet,
                    "RDSNetworkInterface", state.accountId, requester, endpoint.privateIp(), null, groups, null,
                    requester, 1, null));
        }
        return all;
    }
}
