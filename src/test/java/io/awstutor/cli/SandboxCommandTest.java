package io.awstutor.cli;

import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `awstutor sandbox` in its own process, used by the AWS CLI as a learner would after pasting its exports. */
class SandboxCommandTest {

    @Test
    void theAwsCliTalksToAwstutorSandbox(@TempDir Path home) throws Exception {
        ExternalTools.aws();
        int port = ExternalTools.freePort();
        Process sandbox = CliProcess.start(home, Map.of(), "sandbox", "--port", String.valueOf(port));
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
            String endpoint = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("export AWS_ENDPOINT_URL=")) {
                    endpoint = line.substring("export AWS_ENDPOINT_URL=".length());
                }
                if (line.startsWith("# Ctrl-C")) {
                    break;
                }
            }
            assertNotNull(endpoint, "the sandbox prints the endpoint to export");
            assertEquals("http://127.0.0.1:" + port, endpoint);

            ExternalTools.Result who = ExternalTools.runAws(URI.create(endpoint), "test", "test", "us-east-1",
                    "sts", "get-caller-identity");
            assertEquals(0, who.exitCode(), who::toString);
            assertTrue(who.stdout().contains("\"Account\": \"000000000000\""), who::toString);
            assertTrue(who.stdout().contains("\"Arn\": \"arn:aws:iam::000000000000:root\""), who::toString);

            ExternalTools.Result user = ExternalTools.runAws(URI.create(endpoint), "test", "test", "us-east-1",
                    "iam", "get-user");
            assertEquals(0, user.exitCode(), user::toString);
            assertTrue(user.stdout().contains("arn:aws:iam::000000000000:root"), user::toString);

            ExternalTools.Result wrong = ExternalTools.runAws(URI.create(endpoint), "test", "not-the-secret", "us-east-1",
                    "sts", "get-caller-identity");
            assertTrue(wrong.exitCode() != 0, wrong::toString);
            assertTrue(wrong.stderr().contains("SignatureDoesNotMatch"), wrong::toString);
        } finally {
            sandbox.destroy();
            sandbox.waitFor();
        }
    }

    /**
     * AWS CLI v1 sends `aws rds` in us-east-1 to https://rds.amazonaws.com whatever AWS_ENDPOINT_URL says, so the
     * banner must tell the learner to pass --endpoint-url there, and the command it suggests must work.
     */
    @Test
    void theBannerTellsAwsRdsUsersInUsEast1ToPassTheEndpoint(@TempDir Path home) throws Exception {
        ExternalTools.aws();
        int port = ExternalTools.freePort();
        Process sandbox = CliProcess.start(home, Map.of(), "sandbox", "--port", String.valueOf(port), "--time-scale", "0");
        try {
            List<String> banner = banner(sandbox);
            assertEquals("# awstutor sandbox listening on http://127.0.0.1:" + port + " (state in memory, delays x0.0)", banner.get(0));
            String endpoint = "http://127.0.0.1:" + port;
            assertTrue(banner.contains("# AWS CLI v1 in us-east-1: add --endpoint-url " + endpoint + " to `aws rds` commands"),
                    () -> String.join("\n", banner));

            ExternalTools.Result rds = ExternalTools.runAws(URI.create(endpoint), "test", "test", "us-east-1",
                    "rds", "describe-db-instances");
            assertEquals(0, rds.exitCode(), rds::toString);
            assertTrue(rds.stdout().contains("\"DBInstances\": []"), rds::toString);

            // --time-scale 0: the database is available at once, so the CLI's waiter returns straight away
            ExternalTools.Result created = ExternalTools.runAws(URI.create(endpoint), "test", "test", "us-east-1",
                    "rds", "create-db-instance", "--db-instance-identifier", "quick", "--engine", "postgres",
                    "--db-instance-class", "db.t3.micro", "--allocated-storage", "20",
                    "--master-username", "postgres", "--master-user-password", "Secret1234");
            assertEquals(0, created.exitCode(), created::toString);
            ExternalTools.Result waited = ExternalTools.runAws(URI.create(endpoint), "test", "test", "us-east-1",
                    "rds", "wait", "db-instance-available", "--db-instance-identifier", "quick");
            assertEquals(0, waited.exitCode(), waited::toString);
        } finally {
            sandbox.destroy();
            sandbox.waitFor();
        }
    }

    private static List<String> banner(Process sandbox) throws java.io.IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            lines.add(line);
            if (line.startsWith("# Ctrl-C")) {
                break;
            }
        }
        return lines;
    }

    @Test
    void aNegativeTimeScaleIsRefusedInOneLine(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, "", "sandbox", "--time-scale", "-1");
        assertTrue(result.exitCode() != 0, result::toString);
        assertTrue(result.stderr().contains("--time-scale must be a number of at least 0, e.g. 0.1"), result::toString);
    }

    @Test
    void theBannerAnnouncesTheConsoleAndSesAutoVerifyKeepsTheInstantBehaviour(@TempDir Path home) throws Exception {
        int port = ExternalTools.freePort();
        Process sandbox = CliProcess.start(home, Map.of(), "sandbox", "--port", String.valueOf(port), "--ses-auto-verify");
        try {
            List<String> banner = banner(sandbox);
            String console = "http://127.0.0.1:" + port + "/_console/";
            assertTrue(banner.stream().anyMatch(l -> l.startsWith("# the console (what you built, the SES mailbox and its verification links): "
                    + console)), () -> String.join("\n", banner));
            var http = java.net.http.HttpClient.newHttpClient();
            var page = http.send(java.net.http.HttpRequest.newBuilder(URI.create(console)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Sandbox console"), page.body());
            try (var ses = software.amazon.awssdk.services.ses.SesClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")).build()) {
                ses.verifyEmailIdentity(b -> b.emailAddress("script@example.com"));
                assertEquals("Success", ses.getIdentityVerificationAttributes(b -> b.identities("script@example.com"))
                        .verificationAttributes().get("script@example.com").verificationStatusAsString(),
                        "--ses-auto-verify: verified at once, as other emulators do");
            }
        } finally {
            sandbox.destroy();
            sandbox.waitFor();
        }
    }
}
