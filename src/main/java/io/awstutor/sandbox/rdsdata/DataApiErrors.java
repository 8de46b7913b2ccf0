package io.awstutor.sandbox.rdsdata;

import io.awstutor.sandbox.protocol.AwsException;

import java.sql.SQLException;

/** The Data API's errors (its service model's codes and statuses). */
final class DataApiErrors {
    private DataApiErrors() {
    }

    static AwsException badRequest(String message) {
        return AwsException.badRequest("BadRequestException", message);
    }

    static AwsException notFound(String message) {
        return AwsException.notFound("NotFoundException", message);
    }

    static AwsException httpEndpointNotEnabled(String clusterArn) {
        return AwsException.badRequest("HttpEndpointNotEnabledException", "HTTP endpoint isn't enabled for " + clusterArn
                + ". Enable it with ModifyDBCluster and EnableHttpEndpoint.");
    }

    static AwsException secrets(String message) {
        return AwsException.badRequest("SecretsErrorException", message);
    }

    static AwsException invalidSecret(String message) {
        return AwsException.badRequest("InvalidSecretException", message);
    }

    static AwsException noInstance(String clusterId) {
        return AwsException.notFound("DatabaseNotFoundException", "The DB cluster " + clusterId + " doesn't have a DB instance.");
    }

    static AwsException unavailable(String message) {
        return new AwsException("DatabaseUnavailableException", message, 504, false);
    }

    static AwsException transactionNotFound(String id) {
        return AwsException.notFound("TransactionNotFoundException", "Transaction " + id + " is not found");
    }

    /** A statement the engine refused, with the engine's own words and SQLSTATE. */
    static AwsException database(SQLException e) {
        return AwsException.badRequest("DatabaseErrorException", e.getMessage() + "; SQLState: " + e.getSQLState());
    }
}
