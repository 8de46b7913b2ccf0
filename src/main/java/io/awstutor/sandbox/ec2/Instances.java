package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.AwsException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * RunInstances and the instance lifecycle: launch checks (image, type, architecture, key
 * pair, groups, subnet, vCPU quota), start/stop/reboot/terminate, and describe with filters
 * and pages. Terminated instances stay visible for about an hour, then disappear.
 */
public final class Instances {
    /** An account's default On-Demand vCPU quota for standard instances. */
    static final int VCPU_LIMIT = 64;
    /** What RunInstances launches when the request names no instance type. */
    static final String DEFAULT_INSTANCE_TYPE = "m1.small";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ec2Backend backend;

    Instances(Ec2Backend backend) {
        this.backend = backend;
    }

    public record StateChange(String instanceId, InstanceStateName previous, InstanceStateName current) {
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
    private static String publicAddress() {
        int[] firstOctets = {3, 18, 34, 35, 44, 52, 54};
        int first = firstOctets[RANDOM.nextInt(firstOctets.length)];
        return first + "." + (1 + RANDOM.nextInt(254)) + "." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** The instances named (all must exist), or every visible instance. Purges expired terminated ones. */
    public List<Instance> select(RegionState state, List<String> ids) {
        Instant now = backend.now();
        synchronized (state) {
            state.instances.values().removeIf(i -> {
                boolean gone = i.expired(now, backend.timings());
                if (gone) {
                    state.tags.forget(i.id());
                }
                return gone;
            });
            if (ids.isEmpty()) {
                return new ArrayList<>(state.instances.values());
            }
            List<String> missing = new ArrayList<>();
            List<Instance> found = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String id : ids) {
                if (!Ec2Ids.wellFormed(id, "i")) {
                    throw AwsException.badRequest("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
                }
                Instance instance = state.instances.get(id);
                if (instance == null) {
                    missing.add(id);
                } else if (seen.add(id)) {
                    found.add(instance);
                }
            }
            if (!missing.isEmpty()) {
                throw Ec2Errors.instancesNotFound(missing);
            }
            return found;
        }
    }

    public List<Instance> describe(RegionState state, List<String> ids, List<Ec2Filter> filters) {
        Predicate<Instance> predicate = InstanceFilters.matcher(state, backend).predicate(filters);
        List<Instance> selected = select(state, ids);
        synchronized (state) {
            selected.removeIf(predicate.negate());
        }
        return selected;
    }

    public InstanceStateName stateOf(Instance instance) {
        return instance.state(backend.now(), backend.timings());
    }

    public List<StateChange> stop(RegionState state, List<String> ids, boolean dryRun) {
        return transition(state, ids, dryRun, Instance.Command.STOP);
    }

    public List<StateChange> start(RegionState state, List<String> ids, boolean dryRun) {
        return transition(state, ids, dryRun, Instance.Command.START);
    }

    public List<StateChange> terminate(RegionState state, List<String> ids, boolean dryRun) {
        return transition(state, ids, dryRun, Instance.Command.TERMINATE);
    }

    public void reboot(RegionState state, List<String> ids, boolean dryRun) {
        Instant now = backend.now();
        synchronized (state) {
            for (Instance instance : select(state, requireIds(ids))) {
                InstanceStateName current = instance.state(now, backend.timings());
                if (current != InstanceStateName.RUNNING && current != InstanceStateName.PENDING) {
                    throw Ec2Errors.incorrectInstanceState(instance.id(), "rebooted");
                }
            }
            if (dryRun) {
                throw Ec2Errors.dryRun();
            }
        }
    }

    /**
     * ModifyInstanceAttribute for what a learner changes: the security groups (any time; they
     * must belong to the instance's VPC) and the instance type (only while stopped, and only
     * to a type of the image's architecture).
     */
    public void modify(RegionState state, String instanceId, List<String> groupIds, String newType, boolean dryRun) {
        if (instanceId == null) {
            throw Ec2Errors.missingParameter("InstanceId");
        }
        if (groupIds.isEmpty() && newType == null) {
            throw Ec2Errors.missingParameter("Attribute");
        }
        synchronized (state) {
            Instance instance = select(state, List.of(instanceId)).get(0);
            InstanceStateName current = stateOf(instance);
            if (current == InstanceStateName.TERMINATED || current == InstanceStateName.SHUTTING_DOWN) {
                throw Ec2Errors.incorrectInstanceState(instanceId, "modified");
            }
            List<Instance.GroupRef> groups = new ArrayList<>();
            for (String groupId : groupIds) {
                SecurityGroup group = backend.securityGroups().byId(state, groupId);
                if (!group.vpcId().equals(instance.vpcId())) {
                    throw AwsException.badRequest("InvalidGroup.NotFound", "The security group '" + groupId
                            + "' does not exist in VPC '" + instance.vpcId() + "'");
                }
                groups.add(new Instance.GroupRef(group.id(), group.name()));
            }
            InstanceType type = null;
            if (newType != null) {
                type = InstanceTypes.find(newType).orElseThrow(() ->
                        Ec2Errors.invalidParameterValue("Invalid value '" + newType + "' for InstanceType."));
                if (current != InstanceStateName.STOPPED) {
                    throw AwsException.badRequest("IncorrectInstanceState",
                            "The instance '" + instanceId + "' is not in the 'stopped' state.");
                }
                if (!type.architecture().equals(instance.architecture())) {
                    throw Ec2Errors.invalidParameterValue("The instance type '" + newType + "' does not support the architecture '"
                            + instance.architecture() + "' of the instance's AMI.");
                }
            }
            if (dryRun) {
                throw Ec2Errors.dryRun();
            }
            if (!groups.isEmpty()) {
                instance.setGroups(groups);
            }
            if (type != null) {
                instance.setInstanceType(type.name());
            }
        }
    }

    /**
     * ModifyInstanceAttribute for the settings of {@link InstanceSettings} and the user data
     * (which AWS changes only while the instance is stopped).
     */
    public void configure(RegionState state, String instanceId, java.util.Map<String, String> changes, boolean dryRun) {
        if (instanceId == null) {
            throw Ec2Errors.missingParameter("InstanceId");
        }
        synchronized (state) {
            Instance instance = select(state, List.of(instanceId)).get(0);
            InstanceStateName current = stateOf(instance);
            if (current == InstanceStateName.TERMINATED || current == InstanceStateName.SHUTTING_DOWN) {
                throw Ec2Errors.incorrectInstanceState(instanceId, "modified");
            }
            InstanceSettings settings = instance.settings();
            for (var change : changes.entrySet()) {
                String value = change.getValue();
                settings = switch (change.getKey()) {
                    case "disableApiTermination" -> settings.withDisableApiTermination(bool(change.getKey(), value));
                    case "disableApiStop" -> settings.withDisableApiStop(bool(change.getKey(), value));
                    case "sourceDestCheck" -> settings.withSourceDestCheck(bool(change.getKey(), value));
                    case "instanceInitiatedShutdownBehavior" -> settings.withShutdownBehavior(value);
                    default -> settings;
                };
            }
            if (changes.containsKey("userData") && current != InstanceStateName.STOPPED) {
                throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + instanceId + "' is not in the 'stopped' state.");
            }
            if (dryRun) {
                throw Ec2Errors.dryRun();
            }
            instance.setSettings(settings);
            if (changes.containsKey("userData")) {
                instance.setUserData(changes.get("userData"));
            }
        }
    }

    private static boolean bool(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw Ec2Errors.invalidParameterValue("Value (" + value + ") for parameter " + name + " is invalid. Expected: 'true' or 'false'.");
        }
        return Boolean.parseBoolean(value);
    }

    private static InstanceStateName inBetween(Instance.Command command) {
        return switch (command) {
            case STOP -> InstanceStateName.STOPPING;
            case TERMINATE -> InstanceStateName.SHUTTING_DOWN;
            case LAUNCH, START -> InstanceStateName.PENDING;
        };
    }

    private static List<String> requireIds(List<String> ids) {
        if (ids.isEmpty()) {
            throw Ec2Errors.missingParameter("InstanceId");
        }
        return ids;
    }

    private List<StateChange> transition(RegionState state, List<String> ids, boolean dryRun, Instance.Command command) {
        Instant now = backend.now();
        synchronized (state) {
            List<Instance> targets = select(state, requireIds(ids));
            for (Instance instance : targets) {
                InstanceStateName current = instance.state(now, backend.timings());
                boolean allowed = switch (command) {
                    case STOP -> current == InstanceStateName.RUNNING || current == InstanceStateName.STOPPING
                            || current == InstanceStateName.STOPPED;
                    case START -> current == InstanceStateName.STOPPED || current == InstanceStateName.RUNNING
                            || current == InstanceStateName.PENDING;
                    case TERMINATE, LAUNCH -> true;
                };
                if (!allowed) {
                    throw Ec2Errors.incorrectInstanceState(instance.id(), command == Instance.Command.STOP ? "stopped" : "started");
                }
                if (command == Instance.Command.TERMINATE && instance.settings().disableApiTermination()) {
                    throw AwsException.badRequest("OperationNotPermitted", "The instance '" + instance.id()
                            + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
                }
                if (command == Instance.Command.STOP && instance.settings().disableApiStop()) {
                    throw AwsException.badRequest("OperationNotPermitted", "The instance '" + instance.id()
                            + "' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");
                }
            }
            if (dryRun) {
                throw Ec2Errors.dryRun();
            }
            List<StateChange> changes = new ArrayList<>();
            for (Instance instance : targets) {
                InstanceStateName before = instance.state(now, backend.timings());
                boolean effective = switch (command) {
                    case STOP -> before == InstanceStateName.RUNNING;
                    case START -> before == InstanceStateName.STOPPED;
                    case TERMINATE -> before != InstanceStateName.TERMINATED && before != InstanceStateName.SHUTTING_DOWN;
                    case LAUNCH -> false;
                };
                if (effective) {
                    String reason = switch (command) {
                        case STOP -> "User initiated";
                        case TERMINATE -> "User initiated";
                        default -> null;
                    };
                    instance.apply(command, now, reason);
                    if (command == Instance.Command.STOP || command == Instance.Command.TERMINATE) {
                        instance.setPublicIp(null);
                    }
                    if (command == Instance.Command.TERMINATE) {
                        state.releaseAddress(instance.subnetId(), instance.privateIp());
                    }
                    if (command == Instance.Command.START && state.subnets.containsKey(instance.subnetId())
                            && state.subnets.get(instance.subnetId()).mapPublicIpOnLaunch()) {
                        instance.setPublicIp(publicAddress());
                    }
                }
                // the answer shows the state the instance is in at the moment of the call, the in-between one,
                // even when the time scale makes the next read see where it ends up
                changes.add(new StateChange(instance.id(), before, effective ? inBetween(command) : instance.state(now, backend.timings())));
            }
            return changes;
        }
    }
}
