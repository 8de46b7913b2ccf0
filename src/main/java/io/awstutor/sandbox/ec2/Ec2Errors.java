package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.AwsException;

import java.util.List;

/** The EC2 errors that several operations share, with AWS's codes and wording. */
public final class Ec2Errors {
    private Ec2Errors() {
    }

    public static AwsException invalidParameterValue(String message) {
        return AwsException.badRequest("InvalidParameterValue", message);
    }

    public static AwsException invalidParameterCombination(String message) {
        return AwsException.badRequest("InvalidParameterCombination", message);
    }

    public static AwsException missingParameter(String name) {
        return AwsException.badRequest("MissingParameter", "The request must contain the parameter " + name);
    }

    public static AwsException malformed(String code, String id, String prefix) {
        return AwsException.badRequest(code, "Invalid id: \"" + id + "\" (expecting \"" + prefix + "-...\")");
    }

    public static AwsException dryRun() {
        return new AwsException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
    }

    public static AwsException groupNotFound(String groupId) {
        return AwsException.badRequest("InvalidGroup.NotFound", "The security group '" + groupId + "' does not exist");
    }

    /** AWS's text names the default VPC as such; a learner's own VPC must not be called the default one. */
    public static AwsException groupNameNotFound(String name, String vpcId, boolean defaultVpc) {
        return AwsException.badRequest("InvalidGroup.NotFound",
                "The security group '" + name + "' does not exist in " + (defaultVpc ? "default " : "") + "VPC '" + vpcId + "'");
    }

    public static AwsException vpcNotFound(String vpcId) {
        return AwsException.badRequest("InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
    }

    public static AwsException subnetNotFound(String subnetId) {
        return AwsException.badRequest("InvalidSubnetID.NotFound", "The subnet ID '" + subnetId + "' does not exist");
    }

    public static AwsException instancesNotFound(List<String> ids) {
        if (ids.size() == 1) {
            return AwsException.badRequest("InvalidInstanceID.NotFound", "The instance ID '" + ids.get(0) + "' does not exist");
        }
        return AwsException.badRequest("InvalidInstanceID.NotFound", "The instance IDs '" + String.join(", ", ids) + "' do not exist");
    }

    public static AwsException incorrectInstanceState(String instanceId, String verb) {
        return AwsException.badRequest("IncorrectInstanceState",
                "The instance '" + instanceId + "' is not in a state from which it can be " + verb + ".");
    }
}
