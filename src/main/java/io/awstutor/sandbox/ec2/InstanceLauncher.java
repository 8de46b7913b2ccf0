package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.AwsException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RunInstances: the launch checks AWS makes, in its order (counts, image, type and its
 * architecture, key pair, subnet, groups, vCPU quota, private address), then the new
 * instances in their reservation. What happens to them afterwards is {@link Instances}'.
 */
final class InstanceLauncher {
    /** An account's default On-Demand vCPU quota for standard instances. */
    static final int VCPU_LIMIT = 64;
    /** What RunInstances launches when the request names no instance type. */
    static final String DEFAULT_INSTANCE_TYPE = "m1.small";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ec2Backend backend;

    InstanceLauncher(Ec2Backend backend) {
        this.backend = backend;
    }

    public List<Instance> run(RegionState state, LaunchRequest request) {
        if (request.imageId() == null) {
            throw Ec2Errors.missingParameter("ImageId");
        }
        if (request.minCount() == null) {
            throw Ec2Errors.missingParameter("MinCount");
        }
        if (request.maxCount() == null) {
            throw Ec2Errors.missingParameter("MaxCount");
        }
        int min = request.minCount();
        int max = request.maxCount();
        if (min < 1) {
            throw Ec2Errors.invalidParameterValue("Value (" + min + ") for parameter minCount is invalid. Expected a positive integer.");
        }
        if (max < min) {
            throw Ec2Errors.invalidParameterValue("Value (" + max + ") for parameter maxCount is invalid. Expected a value greater than or equal to minCount (" + min + ").");
        }
        if (!Ec2Ids.wellFormed(request.imageId(), "ami")) {
            throw AwsException.badRequest("InvalidAMIID.Malformed", "Invalid id: \"" + request.imageId() + "\" (expecting \"ami-...\")");
        }
        Image image = Images.find(state.region.name(), request.imageId()).orElseThrow(() ->
                AwsException.badRequest("InvalidAMIID.NotFound", "The image id '[" + request.imageId() + "]' does not exist"));
        String typeName = request.instanceType() == null ? DEFAULT_INSTANCE_TYPE : request.instanceType();
        if (typeName.equals(DEFAULT_INSTANCE_TYPE)) {
            // AWS launches m1.small when no type is given; that Xen-era type runs none of today's HVM Linux images.
            throw Ec2Errors.invalidParameterCombination(
                    "Non-Windows instances with a virtualization type of 'hvm' are currently not supported for this instance type.");
        }
        InstanceType type = InstanceTypes.find(typeName).orElseThrow(() ->
                Ec2Errors.invalidParameterValue("Invalid value '" + typeName + "' for InstanceType."));
        if (!type.architecture().equals(image.architecture())) {
            throw Ec2Errors.invalidParameterValue("The architecture '" + type.architecture() + "' of the specified instance type "
                    + "does not match the architecture '" + image.architecture() + "' of the specified AMI. Specify an instance type "
                    + "and an AMI that have matching architectures, and try again. You can use 'describe-instance-types' or "
                    + "'describe-images' to discover the architecture of the instance type or AMI.");
        }
        if (request.privateIpAddress() != null && max > 1) {
            throw Ec2Errors.invalidParameterCombination("Cannot specify a private IP address when launching more than one instance.");
        }
        Instant now = backend.now();
        synchronized (state) {
            if (request.keyName() != null) {
                backend.keyPairs().find(state, request.keyName());
            }
            Subnet subnet = chooseSubnet(state, request.subnetId());
            List<Instance.GroupRef> groups = chooseGroups(state, subnet, request);
            int used = 0;
            for (Instance instance : state.instances.values()) {
                if (instance.state(now, backend.timings()).holdsNetwork()) {
                    used += InstanceTypes.find(instance.instanceType()).map(InstanceType::vcpus).orElse(1);
                }
            }
            int fits = (VCPU_LIMIT - used) / type.vcpus();
            int count = Math.min(max, fits);
            if (count < min) {
                throw AwsException.badRequest("VcpuLimitExceeded", "You have requested more vCPU capacity than your current vCPU limit of "
                        + VCPU_LIMIT + " allows for the instance bucket that the specified instance type belongs to. "
                        + "Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.");
            }
            if (request.privateIpAddress() != null) {
                checkPrivateIp(state, subnet, request.privateIpAddress());
            }
            if (request.dryRun()) {
                throw Ec2Errors.dryRun();
            }
            String reservationId = Ec2Ids.next("r");
            List<Instance> launched = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String privateIp;
                if (request.privateIpAddress() != null) {
                    privateIp = request.privateIpAddress();
                    state.reserveAddress(subnet.id(), privateIp);
                } else {
                    privateIp = state.allocateAddress(subnet);
                }
                Instance instance = new Instance(Ec2Ids.next("i"), reservationId, image.id(), type.name(), image.architecture(),
                        image.platformDetails(), request.keyName(), subnet.id(), subnet.vpcId(), subnet.availabilityZone(),
                        privateIp, subnet.mapPublicIpOnLaunch() ? publicAddress() : null, i, state.accountId, groups, now);
                state.instances.put(instance.id(), instance);
                state.tags.put(instance.id(), request.instanceTags());
                launched.add(instance);
            }
            return launched;
        }
    }

    private static void checkPrivateIp(RegionState state, Subnet subnet, String address) {
        int value;
        try {
            value = Ipv4Cidr.parseAddress(address);
        } catch (IllegalArgumentException e) {
            throw Ec2Errors.invalidParameterValue("Invalid value '" + address + "' for privateIpAddress.");
        }
        Ipv4Cidr block = subnet.block();
        if (!block.contains(value) || value - block.network() < 4 || value == block.address(block.size() - 1)) {
            throw Ec2Errors.invalidParameterValue("Address " + address + " does not fall within the subnet's address range");
        }
        if (state.usedAddresses.getOrDefault(subnet.id(), Set.of()).contains(value)) {
            throw AwsException.badRequest("InvalidIPAddress.InUse", "Address " + address + " is in use.");
        }
    }

    private static Subnet chooseSubnet(RegionState state, String subnetId) {
        if (subnetId != null) {
            Subnet subnet = state.subnets.get(subnetId);
            if (subnet == null) {
                throw Ec2Errors.subnetNotFound(subnetId);
            }
            return subnet;
        }
        return state.subnets.values().stream()
                .filter(s -> s.defaultForAz() && s.vpcId().equals(state.defaultVpcId)).findFirst()
                .orElseThrow(() -> AwsException.badRequest("MissingInput", "No subnets found for the default VPC '"
                        + state.defaultVpcId + "'. Please specify a subnet."));
    }

    private List<Instance.GroupRef> chooseGroups(RegionState state, Subnet subnet, LaunchRequest request) {
        Set<SecurityGroup> chosen = new LinkedHashSet<>();
        for (String id : request.securityGroupIds()) {
            SecurityGroup group = backend.securityGroups().byId(state, id);
            if (!group.vpcId().equals(subnet.vpcId())) {
                throw AwsException.badRequest("InvalidParameter", "Security group " + id + " and subnet " + subnet.id()
                        + " belong to different networks.");
            }
            chosen.add(group);
        }
        for (String name : request.securityGroupNames()) {
            chosen.add(backend.securityGroups().byName(state, subnet.vpcId(), name));
        }
        if (chosen.isEmpty()) {
            state.groups.values().stream().filter(g -> g.isDefault() && g.vpcId().equals(subnet.vpcId())).findFirst().ifPresent(chosen::add);
        }
        return chosen.stream().map(g -> new Instance.GroupRef(g.id(), g.name())).toList();
    }

    /** A public address from one of AWS's ranges; good enough to look real, never routed anywhere. */
    static String publicAddress() {
        int[] firstOctets = {3, 18, 34, 35, 44, 52, 54};
        int first = firstOctets[RANDOM.nextInt(firstOctets.length)];
        return first + "." + (1 + RANDOM.nextInt(254)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }
}
