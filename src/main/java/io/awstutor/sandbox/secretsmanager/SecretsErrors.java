package io.awstutor.sandbox.secretsmanager;

import io.awstutor.sandbox.protocol.AwsException;

/** Secrets Manager's error codes and messages as AWS words them (every one HTTP 400 in its JSON protocol). */
final class SecretsErrors {
    private SecretsErrors() {
    }

    static AwsException notFound() {
        return AwsException.badRequest("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    static AwsException noValue(String what, String which) {
        return AwsException.badRequest("ResourceNotFoundException",
                "Secrets Manager can't find the specified secret value for " + what + ": " + which);
    }

    static AwsException exists(String name) {
        return AwsException.badRequest("ResourceExistsException", "The operation failed because the secret " + name + " already exists.");
    }

    static AwsException markedForDeletion() {
        return invalidRequest("You can't perform this operation on the secret because it was marked for deletion.");
    }

    static AwsException invalidParameter(String message) {
        return AwsException.badRequest("InvalidParameterException", message);
    }

    static AwsException invalidRequest(String message) {
        return AwsException.badRequest("InvalidRequestException", message);
    }
}
