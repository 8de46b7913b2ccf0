package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Arns;
import java.time.Instant;
import java.util.List;

/**
 * An EC2 instance. Its state is not stored but derived from the last command and when it
 * was given (launched, stopped, started, terminated) and the timings, so moving the clock
 * moves the instance along; no timers run. Mutable fields change under the region's lock.
 */
public final class Instance {

    /** The last lifecycle command and its time. */
    public enum Command { LAUNCH, STOP, START, TERMINATE }

    public record GroupRef(String groupId, String groupName) {
    }

    private final String id;
    private final String reservationId;
    private final String imageId;
    private volatile String instanceType;
    private final String architecture;
    private final String platformDetails;
    private final String keyName;
    private final String subnetId;
    private final String vpcId;
    private final String availabilityZone;
    private final String privateIp;
    private final int launchIndex;
    private final String ownerId;
    private volatile List<GroupRef> groups;
    private volatile String publicIp;
    private volatile Instant launchTime;
    private volatile Command command = Command.LAUNCH;
    private volatile Instant commandAt;
    private volatile String stateReason;
    /** RunInstances' UserData as sent (base64), which DescribeInstanceAttribute gives back. */
    private volatile String userData;
    private volatile InstanceSettings settings = InstanceSettings.DEFAULTS;

    public Instance(String id, String reservationId, String imageId, String instanceType, String architecture,
                    String platformDetails, String keyName, String subnetId, String vpcId, String availabilityZone,
                    String privateIp, String publicIp, int launchIndex, String ownerId, List<GroupRef> groups,
                    Instant launchTime) {
        this.id = id;
        this.reservationId = reservationId;
        this.imageId = imageId;
        this.instanceType = instanceType;
        this.architecture = architecture;
        this.platformDetails = platformDetails;
        this.keyName = keyName;
        this.subnetId = subnetId;
        this.vpcId = vpcId;
        this.availabilityZone = availabilityZone;
        this.privateIp = privateIp;
        this.publicIp = publicIp;
        this.launchIndex = launchIndex;
        this.ownerId = ownerId;
        this.groups = List.copyOf(groups);
        this.launchTime = launchTime;
        this.commandAt = launchTime;
    }

    public InstanceStateName state(Instant now, InstanceTimings timings) {
        Instant since = commandAt;
        return switch (command) {
            case LAUNCH, START -> now.isBefore(since.plus(timings.boot())) ? InstanceStateName.PENDING : InstanceStateName.RUNNING;
            case STOP -> now.isBefore(since.plus(timings.stop())) ? InstanceStateName.STOPPING : InstanceStateName.STOPPED;
            case TERMINATE -> now.isBefore(since.plus(timings.shutdown())) ? InstanceStateName.SHUTTING_DOWN : InstanceStateName.TERMINATED;
        };
    }

    /** A terminated instance disappears from DescribeInstances about an hour after it ended. */
    public boolean expired(Instant now, InstanceTimings timings) {
        return command == Command.TERMINATE
                && !now.isBefore(commandAt.plus(timings.shutdown()).plus(timings.terminatedVisible()));
    }

    void apply(Command newCommand, Instant at, String reason) {
        this.command = newCommand;
        this.commandAt = at;
        this.stateReason = reason;
        if (newCommand == Command.START) {
            this.launchTime = at;
        }
    }

    void restoreLaunchTime(Instant time) {
        this.launchTime = time;
    }

    void setPublicIp(String address) {
        this.publicIp = address;
    }

    void setSettings(InstanceSettings settings) {
        this.settings = settings == null ? InstanceSettings.DEFAULTS : settings;
    }

    void setUserData(String base64) {
        this.userData = base64;
    }

    void setInstanceType(String type) {
        this.instanceType = type;
    }

    void setGroups(List<GroupRef> newGroups) {
        this.groups = List.copyOf(newGroups);
    }

    public String id() { return id; }
    public String reservationId() { return reservationId; }
    public String imageId() { return imageId; }
    public String instanceType() { return instanceType; }
    public String architecture() { return architecture; }
    public String platformDetails() { return platformDetails; }
    public String keyName() { return keyName; }
    public String subnetId() { return subnetId; }
    public String vpcId() { return vpcId; }
    public String availabilityZone() { return availabilityZone; }
    public String privateIp() { return privateIp; }
    public String publicIp() { return publicIp; }
    public int launchIndex() { return launchIndex; }
    public String ownerId() { return ownerId; }
    public List<GroupRef> groups() { return groups; }
    public Instant launchTime() { return launchTime; }
    public Command command() { return command; }
    public Instant commandAt() { return commandAt; }
    public String stateReason() { return stateReason; }
    public String userData() { return userData; }
    public InstanceSettings settings() { return settings; }

    /** The root EBS volume every instance boots from; it goes with the instance (DeleteOnTermination). */
    public String rootVolumeId() {
        return Ec2Ids.stable("vol", "vol/" + id);
    }

    public List<String> groupIds() {
        return groups.stream().map(GroupRef::groupId).toList();
    }

    public String arn(String region) {
        return Arns.regional("ec2", region, ownerId, "instance/" + id);
    }
}
