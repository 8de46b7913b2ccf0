package io.awstutor.cli;

import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Targets in a scripted shell: the endpoint target against {@code awstutor sandbox} running
 * as a separate process (by --endpoint-url and by AWS_ENDPOINT_URL), /target switching to it
 * mid-session, /cost and /cleanup through the ledger, and secrets kept out of the history.
 */
class TargetSessionTest {
    private static Process sandbox;
    private static URI endpoint;

    @BeforeAll
    static void startSeparateSandbox(@TempDir Path home) throws Exception {
        int port = ExternalTools.freePort();
        sandbox = CliProcess.start(home, Map.of(), "sandbox", "--port", String.valueOf(port));
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        assertTrue(first != null && first.contains("listening on"), "sandbox did not start: " + first);
        endpoint = URI.create("http://127.0.0.1:" + port);
    }

    @AfterAll
    static void stopSeparateSandbox() throws Exception {
        sandbox.destroy();
        if (!sandbox.waitFor(10, TimeUnit.SECONDS)) {
            sandbox.destroyForcibly();
        }
    }

    private static IamClient iam() {
        return IamClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build();
    }

    private static boolean userExists(String name) {
        try (IamClient iam = iam()) {
            return iam.listUsers().users().stream().anyMatch(u -> u.userName().equals(name));
        }
    }

    @Test
    void theEmbeddedSandboxFilesResourcesUnderItsRootAccount(@TempDir Path home) throws Exception {
        // the shell knows the embedded sandbox's account without asking STS (its own first SDK call)
        String session = """
                s3.createBucket(b -> b.bucket("embedded-ledger-bucket"));
                /target
                /cost
                """;
        CliProcess.Result result = CliProcess.run(home, session);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("(region us-east-1, account 000000000000)"), out);
        assertTrue(out.contains("(account 000000000000):"), out);
        assertTrue(out.contains("embedded-ledger-bucket"), out);
    }

    @Test
    void theEndpointTargetWorksAgainstASeparateSandboxAndCleanupEmptiesIt(@TempDir Path home) throws Exception {
        String session = """
                iam.createUser(b -> b.userName("ep-alice"));
                iam.createAccessKey(b -> b.userName("ep-alice"));
                s3.createBucket(b -> b.bucket("ep-bucket-one"));
                /target
                /cost
                /cleanup
                /cleanup yes
                /cost
                """;
        CliProcess.Result result = CliProcess.run(home, session, "--target", "endpoint", "--endpoint-url", endpoint.toString());
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("target: endpoint " + endpoint + " (region us-east-1, account 000000000000)"), out);
        assertTrue(out.contains("Alive on endpoint " + endpoint + " (account 000000000000):"), out);
        assertTrue(out.matches("(?s).*IAM user ep-alice\\s+since .*not billed by the hour.*"), out);
        assertTrue(out.contains("Nothing deleted. (In a script: /cleanup yes)"), "a script is not asked: " + out);
        assertTrue(out.contains("- removed from IAM user ep-alice: access key"), out);
        assertTrue(out.contains("- deleted IAM user ep-alice"), out);
        assertTrue(out.contains("- deleted S3 bucket ep-bucket-one"), out);
        assertTrue(out.contains("Cleanup: 2 deleted, nothing left."), out);
        assertTrue(out.contains("Nothing the tutor created is alive on endpoint " + endpoint), out);
        assertFalse(userExists("ep-alice"));
        assertFalse(Files.readString(home.resolve("ledger.json")).contains("ep-alice"));
    }

    @Test
    void awsEndpointUrlChoosesTheEmulatorOfTheEndpointTarget(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of("AWS_ENDPOINT_URL", endpoint.toString()),
                "iam.createUser(b -> b.userName(\"env-bob\"));\n/target\n", "--target", "endpoint");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.stdout().contains("target: endpoint " + endpoint), result.stdout());
        assertTrue(userExists("env-bob"), result::toString);
    }

    @Test
    void slashTargetSwitchesTheClientsAndTheChecksMidSession(@TempDir Path home) throws Exception {
        String session = """
                /target endpoint %s
                iam.createUser(b -> b.userName("switch-carol"));
                /target
                /target sandbox
                iam.listUsers().users().size()
                """.formatted(endpoint);
        CliProcess.Result result = CliProcess.run(home, session);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.contains("Now on endpoint " + endpoint + ": a fresh Java session"), out);
        assertTrue(userExists("switch-carol"), "the learner's client pointed at the endpoint: " + out);
        assertTrue(out.contains("Now on sandbox"), out);
        assertTrue(out.contains("==> 0"), "back on a fresh sandbox, no users: " + out);
    }

    @Test
    void anUnknownTargetAndAMissingUrlGetOneClearLine(@TempDir Path home) throws Exception {
        CliProcess.Result unknown = CliProcess.run(home, "", "--target", "mars");
        assertEquals(1, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.stderr().contains("awstutor: unknown target 'mars' (sandbox, endpoint, moto, container, aws)"), unknown::toString);
        CliProcess.Result noUrl = CliProcess.run(home, "", "--target", "endpoint");
        assertEquals(1, noUrl.exitCode(), noUrl::toString);
        assertTrue(noUrl.stderr().contains("--target endpoint needs --endpoint-url URL (or AWS_ENDPOINT_URL)"), noUrl::toString);
    }

    @Test
    void theContainerTargetSaysClearlyThatNoDockerDaemonAnswers(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"), "",
                "--target", "container", "--image", "floci/floci");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("--target container needs Docker, and no Docker daemon answers here"), result::toString);
        assertFalse(result.stderr().contains("\tat "), "no stack trace: " + result);
    }
}
