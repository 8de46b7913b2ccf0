package io.awstutor.sandbox.rdsdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.awstutor.json.JsonMappers;
import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.JsonCodec;
import io.awstutor.sandbox.rds.DatabaseEngines;
import io.awstutor.sandbox.rds.DbCluster;
import io.awstutor.sandbox.rds.RdsBackend;
import io.awstutor.sandbox.rds.WriterResumingException;
import io.awstutor.sandbox.secretsmanager.SecretsManagerBackend;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RDS Data API's rules: a call names an Aurora cluster (resourceArn) whose HTTP endpoint
 * is enabled and a Secrets Manager secret (secretArn) holding a user name and password; the
 * statement runs on the cluster's real engine as that user, with named parameters, and its
 * rows come back as typed Fields. Transactions are connections held by their id. No HTTP here.
 */
public final class RdsDataBackend implements AutoCloseable {
    private static final Pattern CLUSTER_ARN = Pattern.compile("arn:aws[a-z-]*:rds:([a-z0-9-]+):(\\d{12}):cluster:(.+)");

    private final SandboxContext context;
    private final RdsBackend rds;
    private final SecretsManagerBackend secrets;
    private final EngineConnector connector;
    private final Transactions transactions;

    public RdsDataBackend(SandboxContext context, RdsBackend rds, SecretsManagerBackend secrets, EngineConnector connector) {
        this.context = context;
        this.transactions = new Transactions(context::now);
        this.rds = rds;
        this.secrets = secrets;
        this.connector = connector;
    }

    /** Which cluster, as whom (the secret), in which database (null: the engine's default). */
    public record Target(String account, String region, String resourceArn, String secretArn, String database) {
    }

    /** A named parameter: its Field (as the API's JSON) and its type hint, if any. */
    public record Parameter(String name, JsonNode value, String typeHint) {
    }

    /** The cluster's engine and the secret's credentials. */
    private record Database(DatabaseEngines.Ref ref, String clusterId, String status, boolean postgres, String user,
                            String password, String database) {
        @Override
        public String toString() {
            return "Database[" + ref.key() + ", " + user + ", password ****]";
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection, boolean postgres) throws SQLException;
    }

    public StatementResult execute(Target target, String sql, List<Parameter> parameters, String transactionId,
                                   SqlFields.Options options) {
        return within(target, transactionId, (c, postgres) -> run(c, postgres, sql, parameters, options));
    }

    /** BatchExecuteStatement: the statement once per parameter set; each set's generated fields. */
    public List<ArrayNode> batch(Target target, String sql, List<List<Parameter>> parameterSets, String transactionId) {
        return within(target, transactionId, (c, postgres) -> {
            List<ArrayNode> generated = new ArrayList<>();
            for (List<Parameter> set : parameterSets.isEmpty() ? List.of(List.<Parameter>of()) : parameterSets) {
                generated.add(run(c, postgres, sql, set, SqlFields.Options.DEFAULT).generatedFields());
            }
            return parameterSets.isEmpty() ? List.of() : generated;
        });
    }

    public String begin(Target target) {
        Database db = resolve(target);
        // held from before the connect: the writer must not pause between the connect and the transaction's first statement
        Runnable release = connector.hold(db.ref());
        Connection c;
        try {
            c = connect(db);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            closeQuietly(c);
            release.run();
            throw DataApiErrors.database(e);
        }
        return transactions.begin(c, release, target.resourceArn(), target.secretArn(), context.now());
    }

    /** Commits, or rolls back; answers the transaction's status as AWS words it. */
    public String end(Target target, String transactionId, boolean commit) {
        connector.touch(resolve(target).ref());
        Transactions.Open tx = transactions.find(transactionId, target.resourceArn(), context.now());
        transactions.end(transactionId);
        synchronized (tx) {
            try (Connection c = tx.connection) {
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
            } catch (SQLException e) {
                throw DataApiErrors.database(e);
            } finally {
                tx.release.run();
            }
        }
        return commit ? "Transaction Committed" : "Rollback Complete";
    }

    private <T> T within(Target target, String transactionId, Work<T> work) {
        Database db = resolve(target);
        try {
            if (transactionId != null && !transactionId.isEmpty()) {
                Transactions.Open tx = transactions.find(transactionId, target.resourceArn(), context.now());
                connector.touch(db.ref());
                synchronized (tx) {
                    return work.run(tx.connection, db.postgres());
                }
            }
            // a statement running longer than SecondsUntilAutoPause keeps the writer awake, as its connection would
            Runnable release = connector.hold(db.ref());
            try (Connection c = connect(db)) {
                return work.run(c, db.postgres());
            } finally {
                release.run();
            }
        } catch (SQLException e) {
            if ((transactionId == null || transactionId.isEmpty()) && engineWentAway(e)) {
                answerResumingIfPaused(db);
            }
            throw DataApiErrors.database(e);
        }
    }

    /** The server ended the session (shutdown, pause) or the connection broke: PostgreSQL's 57P0x, class 08. */
    private static boolean engineWentAway(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("57P") || state.startsWith("08"));
    }

    /**
     * A Serverless v2 writer can pause between a call's connect and its statement (the pause saw
     * no connection yet). AWS answers such a call DatabaseResumingException, and so does this:
     * a new connect, tried while the engine finishes stopping (up to 5 s: a PostgreSQL shutdown
     * on a busy machine took more than the 1 s once allowed, and the call then answered the
     * engine's "connection attempt failed"), says whether the writer is paused (and starts its
     * resume); if it is not, the engine's own error stands.
     */
    private void answerResumingIfPaused(Database db) {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                connector.connect(db.ref(), db.user(), db.password(), db.database()).ifPresent(RdsDataBackend::closeQuietly);
                return;
            } catch (WriterResumingException paused) {
                throw DataApiErrors.resuming(paused.getMessage());
            } catch (SQLException stillStopping) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static StatementResult run(Connection c, boolean postgres, String sql, List<Parameter> parameters,
                                       SqlFields.Options options) throws SQLException {
        Map<String, Parameter> byName = new LinkedHashMap<>();
        parameters.forEach(p -> byName.put(p.name(), p));
        NamedParameters named = NamedParameters.of(sql, byName.keySet());
        // PostgreSQL's driver would rewrite the statement to RETURNING *: Aurora PostgreSQL gives no generated fields either.
        try (PreparedStatement ps = postgres ? c.prepareStatement(named.sql())
                : c.prepareStatement(named.sql(), Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < named.order().size(); i++) {
                Parameter p = byName.get(named.order().get(i));
                SqlFields.bind(ps, i + 1, p.name(), p.value(), p.typeHint(), postgres);
            }
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    ArrayNode records = JsonCodec.array();
                    while (rs.next()) {
                        ArrayNode row = records.addArray();
                        for (int col = 1; col <= md.getColumnCount(); col++) {
                            row.add(SqlFields.read(rs, col, md.getColumnType(col), options));
                        }
                    }
                    return new StatementResult(records, SqlFields.metadata(md), 0, JsonCodec.array());
                }
            }
            long updated = Math.max(0, ps.getUpdateCount());
            ArrayNode generated = JsonCodec.array();
            if (!postgres) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    while (keys.next()) {
                        for (int col = 1; col <= keys.getMetaData().getColumnCount(); col++) {
                            generated.add(SqlFields.read(keys, col, keys.getMetaData().getColumnType(col), SqlFields.Options.DEFAULT));
                        }
                    }
                }
            }
            return new StatementResult(null, null, updated, generated);
        }
    }

    /** The cluster (HTTP endpoint enabled, a writer that runs) and the secret's credentials. */
    private Database resolve(Target target) {
        String arn = target.resourceArn();
        Matcher m = CLUSTER_ARN.matcher(arn);
        if (!m.matches()) {
            throw DataApiErrors.badRequest(arn.matches("arn:aws[a-z-]*:rds:.*:db:.*")
                    ? "The Data API works with Aurora DB clusters, and " + arn + " is a DB instance."
                    : "Invalid resourceArn: " + arn + " is not the ARN of a DB cluster.");
        }
        if (!m.group(1).equals(target.region()) || !m.group(2).equals(target.account())) {
            throw DataApiErrors.notFound("The resourceArn " + arn + " can't be found in this account and region.");
        }
        DbCluster cluster;
        try {
            cluster = rds.describeClusters(target.account(), target.region(), m.group(3), Map.of(), null, null).items().get(0);
        } catch (AwsException notFound) {
            throw DataApiErrors.notFound("The resourceArn " + arn + " can't be found: no DB cluster " + m.group(3) + ".");
        }
        if (!cluster.httpEndpointEnabled()) {
            throw DataApiErrors.httpEndpointNotEnabled(arn);
        }
        DatabaseEngines.Ref ref = new DatabaseEngines.Ref(target.account(), target.region(),
                RdsBackend.CLUSTER_PREFIX + cluster.identifier());
        RdsBackend.EngineDemand demand = rds.engineDemand(ref).orElseThrow(() -> DataApiErrors.notFound(
                "The resourceArn " + arn + " can't be found."));
        if (demand.networkId() == null) {
            throw DataApiErrors.noInstance(cluster.identifier());
        }
        JsonNode credentials = credentials(target);
        return new Database(ref, cluster.identifier(), demand.status(), cluster.engine().contains("postgres"),
                credentials.get("username").asText(), credentials.get("password").asText(), target.database());
    }

    private JsonNode credentials(Target target) {
        SecretsManagerBackend.Value value;
        try {
            value = secrets.value(target.account(), target.region(), target.secretArn(), null, null);
        } catch (AwsException e) {
            throw DataApiErrors.secrets("The secret " + target.secretArn() + " could not be read: " + e.getMessage());
        }
        JsonNode json = null;
        try {
            String text = value.version().secretString();
            json = text == null ? null : JsonMappers.mapper().readTree(text);
        } catch (java.io.IOException notJson) {
            // reported below, without the value
        }
        if (json == null || !json.path("username").isTextual() || !json.path("password").isTextual()) {
            throw DataApiErrors.invalidSecret("The secret " + target.secretArn()
                    + " must hold JSON with a \"username\" and a \"password\", as RDS's own secrets do.");
        }
        return json;
    }

    private Connection connect(Database db) {
        try {
            return connector.connect(db.ref(), db.user(), db.password(), db.database()).orElseThrow(() -> DataApiErrors.unavailable(
                    "available".equals(db.status())
                            ? "No database engine runs behind DB cluster " + db.clusterId() + " in this sandbox; "
                            + "DescribeEvents says why."
                            : "The writer instance of DB cluster " + db.clusterId() + " isn't available (" + db.status() + ")."));
        } catch (WriterResumingException e) {
            throw DataApiErrors.resuming(e.getMessage());
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                throw DataApiErrors.badRequest("The database refused the secret's user name and password: " + e.getMessage());
            }
            throw DataApiErrors.database(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure: the failure is what the caller hears of
        }
    }

    @Override
    public void close() {
        transactions.close();
    }
}
