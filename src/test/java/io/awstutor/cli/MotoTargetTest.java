package io.awstutor.cli;

import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --target moto}: awstutor starts moto_server itself on a free loopback port and
 * stops it on exit. The lessons whose operations moto supports verify on it as on the sandbox.
 */
class MotoTargetTest {

    @Test
    void gettingStartedVerifiesOnMoto(@TempDir Path home) throws Exception {
        ExternalTools.motoServer();
        CliProcess.Result result = CliProcess.run(home, "", "verify", "--target", "moto", "getting-started");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().contains("All 5 steps verified."), result::toString);
    }

    @Test
    void theShellRunsOnMotoAndTheChecksLookThere(@TempDir Path home) throws Exception {
        ExternalTools.motoServer();
        String session = """
                /lesson getting-started 5
                iam.createUser(b -> b.userName(prefix + "-alice"));
                /target
                """;
        CliProcess.Result result = CliProcess.run(home, session, "--target", "moto");
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("✓ Step done: Create an IAM user."), out);
        assertTrue(out.matches("(?s).*target: moto http://127\\.0\\.0\\.1:\\d+ \\(region us-east-1, account 123456789012\\).*"), out);
    }

    /** A step that connects to its database: moto keeps RDS as records, so no connection can answer. */
    private static final String ENGINE_LESSON = """
            ---
            id: engine-demo
            title: Engine demo
            summary: A step that needs a real database.
            order: 1
            ---

            ## Connect

            Create a PostgreSQL instance and query it.

            ```needs
            engine
            ```

            ```hint
            `DriverManager.getConnection(url, user, password)`
            ```

            ```java solution
            rds.createDBInstance(b -> b.dbInstanceIdentifier(prefix + "-pg").engine("postgres").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("learner").masterUserPassword("first-pass-1").publiclyAccessible(true));
            var ep = rds.describeDBInstances(b -> b.dbInstanceIdentifier(prefix + "-pg")).dbInstances().get(0).endpoint();
            Connection db = DriverManager.getConnection("jdbc:postgresql://" + ep.address() + ":" + ep.port() + "/postgres?connectTimeout=2&loginTimeout=3", "learner", "first-pass-1");
            var answer = SqlTable.query(db, "SELECT 1 AS one");
            ```

            ```check
            - variable: {name: answer, type: SqlTable, contains: "1 row"}
            ```
            """;

    @Test
    void aStepThatNeedsADatabaseEngineSaysSoOnMotoInsteadOfFailingObscurely(@TempDir Path home) throws Exception {
        ExternalTools.motoServer();
        Path lessons = java.nio.file.Files.createDirectories(home.resolve("lessons"));
        java.nio.file.Files.writeString(lessons.resolve("engine-demo.md"), ENGINE_LESSON);
        CliProcess.Result verified = CliProcess.run(home, "", "verify", "--target", "moto", "--lessons", lessons.toString());
        assertEquals(0, verified.exitCode(), verified::toString);
        assertTrue(verified.stdout().contains("✓ engine-demo 1 connect: not verified here: This step needs a real database engine "
                + "behind its RDS endpoints, which the moto target does not run"), verified::toString);

        CliProcess.Result shell = CliProcess.run(home, "/check\n", "--target", "moto", "--lessons", lessons.toString());
        String out = shell.stdout().replaceAll("\\s+", " ");
        assertTrue(out.contains("⚠ This step needs a real database engine behind its RDS endpoints, which the moto target "
                + "does not run"), out);
        assertTrue(out.contains("(This step needs a real database engine"), "a failing check says why too: " + out);
    }

    @Test
    void withoutMotoTheMessageNamesTheInstallCommand(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString(),
                "PYENV_ROOT", home.resolve("no-pyenv").toString()), "", "--target", "moto");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("--target moto needs moto_server, which is not installed"), result::toString);
        assertTrue(result.stderr().contains("python3 -m pip install 'moto[server]'"), result::toString);
    }
}
