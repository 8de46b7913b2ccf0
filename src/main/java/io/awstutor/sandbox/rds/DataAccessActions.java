package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.QueryParams;
import io.awstutor.sandbox.rds.DataAccessOperations.SecretChange;

import java.util.Map;

/**
 * The parameters of CreateDB* and ModifyDB* that decide how a database is reached besides
 * its endpoint: ManageMasterUserPassword (with MasterUserSecretKmsKeyId), and a cluster's
 * EnableHttpEndpoint for the Data API. The create and modify actions call in before and
 * after their own work.
 */
final class DataAccessActions {
    private final RdsBackend backend;

    DataAccessActions(RdsBackend backend) {
        this.backend = backend;
    }

    /** CreateDB*'s master password: the one given or, when RDS is to manage it, one RDS generates for the secret. */
    String createPassword(QueryParams p) {
        if (!RdsParams.flag(p, "ManageMasterUserPassword")) {
            return p.get("MasterUserPassword");
        }
        if (p.get("MasterUserPassword") != null) {
            throw bothPasswords();
        }
        return DataAccessOperations.generatePassword();
    }

    DbInstance created(ServiceCall call, QueryParams p, DbInstance db, String password) {
        if (!RdsParams.flag(p, "ManageMasterUserPassword")) {
            return db;
        }
        return backend.changeInstanceSecret(call.accountId(), call.region(), db.identifier, manage(p, password));
    }

    DbCluster created(ServiceCall call, QueryParams p, DbCluster c, String password) {
        boolean manage = RdsParams.flag(p, "ManageMasterUserPassword");
        Boolean http = RdsParams.bool(p, "EnableHttpEndpoint");
        if (!manage && http == null) {
            return c;
        }
        return backend.changeClusterAccess(call.accountId(), call.region(), c.identifier, http,
                manage ? manage(p, password) : SecretChange.NONE, false);
    }

    /**
     * ModifyDBInstance's new master password: the one given; one RDS generates when it starts
     * managing the password; none when it manages it already.
     */
    String modifyPassword(ServiceCall call, QueryParams p) {
        Boolean manage = RdsParams.bool(p, "ManageMasterUserPassword");
        String given = p.get("MasterUserPassword");
        MasterUserSecret current = backend.describeInstances(call.accountId(), call.region(), p.required("DBInstanceIdentifier"),
                Map.of(), null, null).items().get(0).masterUserSecret;
        return newPassword(manage, given, current);
    }

    DbInstance modified(ServiceCall call, QueryParams p, DbInstance db, String password) {
        Boolean manage = RdsParams.bool(p, "ManageMasterUserPassword");
        if (manage == null) {
            return db;
        }
        return backend.changeInstanceSecret(call.accountId(), call.region(), db.identifier,
                new SecretChange(manage, RdsParams.optional(p, "MasterUserSecretKmsKeyId"), password));
    }

    /** ModifyDBCluster's master password (managed or given, set in the engine too) and HTTP endpoint. */
    DbCluster modified(ServiceCall call, QueryParams p, DbCluster c) {
        Boolean manage = RdsParams.bool(p, "ManageMasterUserPassword");
        Boolean http = RdsParams.bool(p, "EnableHttpEndpoint");
        String given = p.get("MasterUserPassword");
        if (manage == null && http == null && given == null) {
            return c;
        }
        if (given != null) {
            InstanceRules.masterPassword(InstanceRules.engine(backend.catalog(), c.engine), given);
        }
        String password = newPassword(manage, given, c.masterUserSecret);
        SecretChange change = new SecretChange(manage, RdsParams.optional(p, "MasterUserSecretKmsKeyId"), password);
        return backend.changeClusterAccess(call.accountId(), call.region(), c.identifier, http, change, password != null);
    }

    /** Deleting a database deletes the secret RDS managed for it. */
    void deleted(ServiceCall call, MasterUserSecret secret) {
        if (secret != null) {
            backend.secrets().delete(call.accountId(), call.region(), secret.secretArn());
        }
    }

    private static String newPassword(Boolean manage, String given, MasterUserSecret current) {
        if (Boolean.TRUE.equals(manage)) {
            if (given != null) {
                throw bothPasswords();
            }
            return current == null ? DataAccessOperations.generatePassword() : null;
        }
        if (Boolean.FALSE.equals(manage) && current != null && given == null) {
            throw RdsErrors.invalidCombination("You must specify MasterUserPassword when you turn off ManageMasterUserPassword.");
        }
        if (manage == null && current != null && given != null) {
            throw RdsErrors.invalidCombination("You can't specify MasterUserPassword because RDS manages the master user password "
                    + "in Secrets Manager. Turn off ManageMasterUserPassword to set it yourself.");
        }
        return given;
    }

    private static SecretChange manage(QueryParams p, String password) {
        return new SecretChange(true, RdsParams.optional(p, "MasterUserSecretKmsKeyId"), password);
    }

    private static io.awstutor.sandbox.protocol.AwsException bothPasswords() {
        return RdsErrors.invalidCombination("You can't specify both MasterUserPassword and ManageMasterUserPassword.");
    }
}
