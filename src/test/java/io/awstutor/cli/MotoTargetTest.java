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

    @Test
    void withoutMotoTheMessageNamesTheInstallCommand(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString(),
                "PYENV_ROOT", home.resolve("no-pyenv").toString()), "", "--target", "moto");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("--target moto needs moto_server, which is not installed"), result::toString);
        assertTrue(result.stderr().contains("python3 -m pip install 'moto[server]'"), result::toString);
    }
}
