package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.protocol.AwsException;

/** IAM's error codes, statuses and message texts, as AWS words them. */
public final class IamErrors {
    private IamErrors() {
    }

    public static AwsException noSuchEntity(String message) {
        return AwsException.notFound("NoSuchEntity", message);
    }

    public static AwsException noSuchUser(String name) {
        return noSuchEntity("The user with name " + name + " cannot be found.");
    }

    public static AwsException noSuchGroup(String name) {
        return noSuchEntity("The group with name " + name + " cannot be found.");
    }

    public static AwsException noSuchRole(String name) {
        return noSuchEntity("The role with name " + name + " cannot be found.");
    }

    public static AwsException alreadyExists(String message) {
        return AwsException.conflict("EntityAlreadyExists", message);
    }

    public static AwsException deleteConflict(String message) {
        return AwsException.conflict("DeleteConflict", message);
    }

    public static AwsException limitExceeded(String message) {
        return AwsException.conflict("LimitExceeded", message);
    }

    public static AwsException invalidInput(String message) {
        return AwsException.badRequest("InvalidInput", message);
    }

    public static AwsException malformedPolicy(String message) {
        return AwsException.badRequest("MalformedPolicyDocument", message);
    }
}
