package io.awstutor.sandbox.ec2;

/**
 * The attributes a learner (or Terraform) may set on an instance beyond its type and groups:
 * termination and stop protection, what an OS shutdown does, and the source/destination check.
 */
public record InstanceSettings(boolean disableApiTermination, boolean disableApiStop, String shutdownBehavior,
                               boolean sourceDestCheck) {

    public static final InstanceSettings DEFAULTS = new InstanceSettings(false, false, "stop", true);

    InstanceSettings withDisableApiTermination(boolean value) {
        return new InstanceSettings(value, disableApiStop, shutdownBehavior, sourceDestCheck);
    }

    InstanceSettings withDisableApiStop(boolean value) {
        return new InstanceSettings(disableApiTermination, value, shutdownBehavior, sourceDestCheck);
    }

    InstanceSettings withShutdownBehavior(String value) {
        if (!value.equals("stop") && !value.equals("terminate")) {
            throw Ec2Errors.invalidParameterValue("Value (" + value + ") for parameter instanceInitiatedShutdownBehavior is invalid. "
                    + "Valid values are 'stop' and 'terminate'.");
        }
        return new InstanceSettings(disableApiTermination, disableApiStop, value, sourceDestCheck);
    }

    InstanceSettings withSourceDestCheck(boolean value) {
        return new InstanceSettings(disableApiTermination, disableApiStop, shutdownBehavior, value);
    }
}
