package io.awstutor.sandbox.rdsdata;

import io.awstutor.sandbox.rds.DatabaseEngines;
import io.awstutor.sandbox.rds.WriterResumingException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How the Data API reaches a cluster's engine: from inside AWS's network, so straight to the
 * engine as the secret's user (the sandbox's engine fleet), or not at all when the sandbox
 * runs no engines.
 */
@FunctionalInterface
public interface EngineConnector {
    EngineConnector NONE = (ref, user, password, database) -> Optional.empty();

    /**
     * A new connection, or empty when no engine runs behind {@code ref}; {@code database} null
     * for the engine's default.
     *
     * @throws WriterResumingException the cluster's Serverless v2 writer is paused; its resume has begun
     */
    Optional<Connection> connect(DatabaseEngines.Ref ref, String user, String password, String database) throws SQLException;

    /** Work on a connection already open (a transaction's) is activity too: it keeps a Serverless v2 writer from pausing. */
    default void touch(DatabaseEngines.Ref ref) {
    }

    /**
     * A connection the Data API keeps open (a running statement's, an open transaction's) is an
     * open connection to the writer, which Aurora never pauses: held until the returned release
     * runs (running it again does nothing).
     */
    default Runnable hold(DatabaseEngines.Ref ref) {
        return () -> { };
    }
}
