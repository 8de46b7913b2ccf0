package io.awstutor.cli;

import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
}
