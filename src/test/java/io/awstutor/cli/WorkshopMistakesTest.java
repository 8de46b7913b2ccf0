package io.awstutor.cli;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workshop as it goes wrong: an instructor's learners file as it comes (a name with
 * characters IAM will not tag, a user left from an earlier class), where provisioning never
 * loses the keys it has already made; a learner given an address where nothing answers.
 */
class WorkshopMistakesTest {

    @Test
    void aNameIamCannotTagIsProvisionedAndAStopHalfwayStillWritesTheCards(@TempDir Path home, @TempDir Path out) throws Exception {
        try (TestSandbox box = TestSandbox.start();
             IamClient iam = IamClient.builder().endpointOverride(box.endpoint()).region(Region.AWS_GLOBAL)
                     .credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root())).build()) {
            iam.createUser(b -> b.userName("ws-ben")); // left over from last week's class
            Path learners = out.resolve("learners.txt");
            Files.writeString(learners, "<Ana>\nBen\nCleo\n");
            CliProcess.Result result = CliProcess.run(home, Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"), "",
                    "workshop", "provision", "--target", "endpoint", "--endpoint-url", box.endpoint().toString(),
                    "--region", "eu-west-1", "--tag", "cloud101", "--learners", learners.toString(), "--out", out.toString());
            assertEquals(1, result.exitCode(), result::toString);
            assertTrue(result.stdout().contains("created user ws-ana for <Ana>"), "a name with < > is tagged as IAM allows:\n" + result);
            assertTrue(result.stderr().contains("provisioning stopped at Ben: "), result::toString);
            assertTrue(result.stderr().contains("1 learner(s) were provisioned before it stopped"), result::toString);
            String csv = Files.readString(out.resolve("workshop-cloud101-credentials.csv"));
            String ana = csv.lines().filter(l -> l.startsWith("\"<Ana>\",ws-ana,")).findFirst().orElseThrow(() -> new AssertionError(csv));
            String secret = ana.substring(ana.lastIndexOf(',') + 1);
            assertEquals(40, secret.length(), "Ana's secret key is on her card, the only place it exists: " + ana);
            assertFalse(result.stdout().contains(secret) || result.stderr().contains(secret), "never printed");
            assertFalse(csv.contains("ws-ben") || csv.contains("ws-cleo"), csv);
            assertTrue(result.stderr().contains("to start again, awstutor workshop teardown --target endpoint --endpoint-url "
                    + box.endpoint() + " --region eu-west-1 --tag cloud101 removes what was made."), "a line that works:\n" + result);
        }
    }

    @Test
    void joiningOrReportingFromAServerThatIsNotThereSaysSoInWords(@TempDir Path home) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CliProcess.Result result = CliProcess.run(home, "", "--join", "http://127.0.0.1:" + port + "/KX4-92P", "--name", "Zed");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.stderr().contains("cannot be reached (nothing answers at that address and port); check the address"),
                "not '(null)':\n" + result);
        CliProcess.Result report = CliProcess.run(home, "", "workshop", "report", "--from", "http://127.0.0.1:" + port, "--token", "t");
        assertEquals(1, report.exitCode(), report::toString);
        assertTrue(report.stderr().contains("cannot be reached: nothing answers at that address and port"), "not 'null':\n" + report);
        // HOST:PORT typed without http:// is taken as http, for the report as for joining
        CliProcess.Result bare = CliProcess.run(home, "", "workshop", "report", "--from", "127.0.0.1:" + port, "--token", "t");
        assertTrue(bare.stderr().contains("the workshop at http://127.0.0.1:" + port + " cannot be reached"),
                "not picocli's URISyntaxException:\n" + bare);
        CliProcess.Result bareJoin = CliProcess.run(home, "", "--join", "127.0.0.1:" + port + "/KX4-92P", "--name", "Zed");
        assertTrue(bareJoin.stderr().contains("cannot be reached (nothing answers at that address and port)"), bareJoin::toString);
        CliProcess.Result garbage = CliProcess.run(home, "", "workshop", "report", "--from", "not an address", "--token", "t");
        assertEquals(1, garbage.exitCode(), garbage::toString);
        assertTrue(garbage.stderr().contains("'not an address' is not a workshop's address: like http://192.168.1.20:4566"),
                garbage::toString);
    }
}
