package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Filter;
import io.awstutor.sandbox.protocol.AwsException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The instance lifecycle: start/stop/reboot/terminate, the attributes that change on a live
 * instance, and describe with filters and pages (launching, with its checks, is
 * {@link InstanceLauncher}'s). Terminated instances stay visible for about an hour, then disappear.
 */
public final class Instances {
    private final Ec2Backend backend;
    private final InstanceLauncher launcher;

    Instances(Ec2Backend backend) {
        this.backend = backend;
        this.launcher = new InstanceLauncher(backend);
    }

    public record StateChange(String instanceId, InstanceStateName previous, InstanceStateName current) {
    }

    /** RunInstances: see {@link InstanceLauncher}. */
    public List<Instance> run(RegionState state, LaunchRequest request) {
        return launcher.run(state, request);
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

    public List<Instance> describe(RegionState state, List<String> ids, List<Filter> filters) {
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
            Instance instance = modifiable(state, instanceId);
            InstanceStateName current = stateOf(instance);
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
            Instance instance = modifiable(state, instanceId);
            InstanceStateName current = stateOf(instance);
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

    /** The instance named, while it can still be changed (not shutting down or terminated); call holding the state's lock. */
    private Instance modifiable(RegionState state, String instanceId) {
        Instance instance = select(state, List.of(instanceId)).get(0);
        InstanceStateName current = stateOf(instance);
        if (current == InstanceStateName.TERMINATED || current == InstanceStateName.SHUTTING_DOWN) {
            throw Ec2Errors.incorrectInstanceState(instanceId, "modified");
        }
        return instance;
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
                        instance.setPublicIp(InstanceLauncher.publicAddress());
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
