package io.awstutor.sandbox.rds;

import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;

/**
 * How a database is reached besides its endpoint: the master password RDS manages in Secrets
 * Manager (ManageMasterUserPassword on create and modify) and an Aurora cluster's HTTP
 * endpoint for the Data API (EnableHttpEndpoint). Called by {@link RdsBackend} with its lock held.
 */
final class DataAccessOperations {
    /** Characters of a generated password: none of the '/', '@', '"' and space RDS refuses, nor quotes. */
    private static final String PASSWORD_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-.:;<=>?[]^_{|}~";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RdsBackend backend;

    DataAccessOperations(RdsBackend backend) {
        this.backend = backend;
    }

    /** What a call asks of the managed password: manage it (with this new password), stop managing it, or nothing. */
    record SecretChange(Boolean manage, String kmsKeyId, String password) {
        static final SecretChange NONE = new SecretChange(null, null, null);

        @Override
        public String toString() {
            return "SecretChange[" + manage + ", password " + (password == null ? "absent" : "****") + "]";
        }
    }

    /** A password as RDS generates one for a secret it manages: 28 characters. */
    static String generatePassword() {
        StringBuilder out = new StringBuilder(28);
        for (int i = 0; i < 28; i++) {
            out.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return out.toString();
    }

    DbInstance instance(RegionState state, String id, SecretChange change) {
        DbInstance db = state.instances.get(RdsNames.nameOf(id));
        if (db == null) {
            throw RdsErrors.instanceNotFound(id);
        }
        // An instance's password was set through its own create or modify: the secret only records it.
        db.masterUserSecret = apply(state, "db", db.arn, db.masterUsername, db.masterUserSecret, change);
        return db;
    }

    DbCluster cluster(RegionState state, String id, Boolean httpEndpoint, SecretChange change, boolean setEnginePassword) {
        DbCluster c = state.clusters.get(RdsNames.nameOf(id));
        if (c == null) {
            throw RdsErrors.clusterNotFound(id);
        }
        MasterUserSecret before = c.masterUserSecret;
        c.masterUserSecret = apply(state, "cluster", c.arn, c.masterUsername, before, change);
        if (setEnginePassword && change.password() != null) {
            backend.engines().passwordChanged(backend.ref(state, RdsBackend.CLUSTER_PREFIX + c.identifier), c.masterUsername,
                    change.password());
        }
        if (httpEndpoint != null) {
            c.httpEndpointEnabled = httpEndpoint;
        }
        return c;
    }

    private MasterUserSecret apply(RegionState state, String kind, String arn, String username, MasterUserSecret current,
                                   SecretChange change) {
        if (Boolean.TRUE.equals(change.manage()) && current == null) {
            String name = "rds!" + kind + "-" + UUID.randomUUID();
            String description = "Secret associated with primary RDS DB " + ("db".equals(kind) ? "instance" : "cluster") + ": " + arn;
            Map<String, String> tags = Map.of("db".equals(kind) ? "aws:rds:primaryDBInstanceArn" : "aws:rds:primaryDBClusterArn", arn,
                    "aws:secretsmanager:owningService", "rds");
            MasterUserSecrets.Created created = backend.secrets().create(state.accountId, state.region, name, description, username,
                    change.password(), change.kmsKeyId(), tags);
            return new MasterUserSecret(created.arn(), created.kmsKeyId());
        }
        if (Boolean.FALSE.equals(change.manage()) && current != null) {
            backend.secrets().delete(state.accountId, state.region, current.secretArn());
            return null;
        }
        return current;
    }
}
