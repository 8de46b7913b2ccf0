package io.awstutor.sandbox.rdsdata;

import io.awstutor.sandbox.rds.DatabaseEngines;

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

    /** A new connection, or empty when no engine runs behind {@code ref}; {@code database} null for the engine's default. */
    Optional<Connection> connect(DatabaseEngines.Ref ref, String user, String password, String database) throws SQLException;
}
