package io.awstutor.cli;

import io.awstutor.sandbox.persist.StateFile;
import io.awstutor.web.Browser;
import io.awstutor.workshop.StepRef;
import io.awstutor.workshop.Workshop;
import io.awstutor.workshop.WorkshopReport;
import io.awstutor.workshop.join.Membership;
import io.awstutor.workshop.web.WorkshopServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workshop as a class lives it: the instructor's server, three learners' shells (separate
 * processes, non-terminal mode) joining with the code, working, failing, asking for hints and
 * the solution; the instructor's broadcast and hold reaching them; the report saying what they
 * did; the dashboard in a real browser changing when a learner passes a step; accounts
 * isolated; refusals without data; a restart losing nothing.
 */
class WorkshopEndToEndTest {
    private static final Path LESSONS = Path.of("src/test/resources/workshop-lessons");
    private static final StepRef BUCKET_STEP = new StepRef("warm-up", "a-bucket-of-your-own");
    private static final String CARA = "<script>alert('cara')</script>";

    @Test
    void aClassOfThree(@TempDir Path data, @TempDir Path homes) throws Exception {
        WorkshopServer.Options options = WorkshopServer.Options.defaults().withLessons(LESSONS).withData(data)
                .withName("Cloud 101").withTimeScale(0);
        int port;
        String token;
        try (WorkshopServer server = WorkshopServer.start(options, Clock.systemUTC())) {
            port = server.port();
            token = server.workshop().instructorToken();
            String join = server.joinUrl();

            CliProcess.Result ana = CliProcess.run(homes.resolve("ana"), lines(
                    "var x = 1;",
                    "s3.getObject(b -> b.bucket(\"no-such-bucket-anywhere\").key(\"k\"));",
                    "/hint",
                    "s3.createBucket(b -> b.bucket(prefix + \"-notes\"));",
                    "s3.putObject(b -> b.bucket(prefix + \"-notes\").key(\"hello.txt\"), RequestBody.fromString(\"hi\"));",
                    "/workshop"), "--join", join, "--name", "Ana");
            assertEquals(0, ana.exitCode(), ana.toString());
            assertTrue(ana.stdout().contains("✓ Step done: A bucket of your own."), ana.toString());
            assertTrue(ana.stdout().contains("✓ Step done: A note in it."), ana.toString());
            assertTrue(ana.stdout().contains("Workshop “Cloud 101”"), "/workshop names it: " + ana);

            server.workshop().broadcast("Coffee break at 11, back at 11:15");
            server.workshop().hold(BUCKET_STEP);
            CliProcess.Result ben = CliProcess.run(homes.resolve("ben"), lines(
                    "/hint",
                    "/solution",
                    "s3.createBucket(b -> b.bucket(prefix + \"-notes\"));",
                    "/workshop"), "--join", join, "--name", "Ben");
            assertEquals(0, ben.exitCode(), ben.toString());
            assertTrue(ben.stdout().contains("📣 Coffee break at 11, back at 11:15"), "the broadcast shows in the shell: " + ben);
            assertTrue(ben.stdout().contains("The instructor holds the class at “Workshop warm-up”, step 1"), ben.toString());
            server.workshop().release();

            CliProcess.Result cara = CliProcess.run(homes.resolve("cara"), lines("var y = 2;"), "--join", join, "--name", CARA);
            assertEquals(0, cara.exitCode(), cara.toString());
            assertTrue(cara.stdout().contains("📣 Coffee break"), "a latecomer reads what was announced: " + cara);

            WorkshopReport report = report(port, token);
            assertEquals(List.of("Ana", "Ben", CARA), report.learners().stream().map(WorkshopReport.LearnerStep::learner).distinct().toList());
            WorkshopReport.LearnerStep anaBucket = row(report, "Ana", "a-bucket-of-your-own");
            assertTrue(anaBucket.passed());
            assertEquals(3, anaBucket.attempts(), "two failed checks, then the pass");
            assertEquals(1, anaBucket.hints());
            assertFalse(anaBucket.solutionUsed());
            assertTrue(row(report, "Ana", "a-note-in-it").passed());
            WorkshopReport.LearnerStep benBucket = row(report, "Ben", "a-bucket-of-your-own");
            assertTrue(benBucket.passed());
            assertTrue(benBucket.solutionUsed(), "Ben saw the solution first");
            WorkshopReport.LearnerStep caraBucket = row(report, CARA, "a-bucket-of-your-own");
            assertFalse(caraBucket.passed());
            assertEquals(1, caraBucket.attempts());
            WorkshopReport.StepSummary bucketStep = report.steps().get(0);
            assertEquals(2, bucketStep.passed());
            assertEquals(3, bucketStep.learners());
            assertEquals(2.0 / 3, bucketStep.completionRate(), 0.001);

            // each learner works in an account of their own: Ana's keys on Ben's bucket are AccessDenied
            Membership anaMember = membership(homes.resolve("ana"));
            Membership benMember = membership(homes.resolve("ben"));
            assertFalse(anaMember.accountId().equals(benMember.accountId()));
            try (S3Client anaS3 = s3(server, anaMember)) {
                String bensBucket = s3(server, benMember).listBuckets().buckets().get(0).name();
                S3Exception denied = assertThrows(S3Exception.class, () -> anaS3.listObjectsV2(b -> b.bucket(bensBucket)));
                assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
            }

            refusals(server);
            dashboardFollowsTheClass(server, token, join, homes);
        }

        // a restart with the same data loses no learner, event or resource
        try (WorkshopServer again = WorkshopServer.start(options.withPort(port), Clock.systemUTC())) {
            List<Workshop.LearnerEvents> learners = again.workshop().snapshot();
            assertEquals(3, learners.size());
            assertEquals(token, again.workshop().instructorToken());
            Membership anaMember = membership(homes.resolve("ana"));
            try (S3Client anaS3 = s3(again, anaMember)) {
                assertEquals("hi", anaS3.getObjectAsBytes(b -> b.bucket(anaS3.listBuckets().buckets().get(0).name()).key("hello.txt")).asUtf8String());
            }
            WorkshopReport after = report(port, token);
            assertTrue(row(after, CARA, "a-bucket-of-your-own").passed(), "Cara's pass (after the first server's report) is still there");
        }
    }

    private void refusals(WorkshopServer server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : List.of("/_workshop/", "/_workshop/board", "/_workshop/api/report", "/_workshop/report.csv")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + page)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, response.statusCode(), page);
            assertFalse(response.body().contains("Ana"), page + " shows no learner without the token");
        }
        HttpResponse<String> wrongCode = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/_workshop/api/join"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("code=AAA-AAA&name=Eve")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrongCode.statusCode());
        assertFalse(wrongCode.body().contains("secretAccessKey"), wrongCode.body());

        CliProcess.Result eve = CliProcess.run(Path.of(System.getProperty("java.io.tmpdir")).resolve("eve-" + System.nanoTime()), "",
                "--join", server.learnerUrl() + "/AAA-AAA", "--name", "Eve");
        assertEquals(1, eve.exitCode(), eve.toString());
        assertTrue(eve.stderr().contains("refused to let you in: That join code is not this workshop's"), eve.toString());
        assertEquals(3, server.workshop().snapshot().size(), "a wrong code makes no learner");
    }

    private void dashboardFollowsTheClass(WorkshopServer server, String token, String join, Path homes) throws Exception {
        try (Browser browser = Browser.open(1400, 900)) {
            browser.get(server.dashboardUrl().toString());
            browser.find("#token").sendKeys(token);
            browser.find("form button[type=submit]").click();
            browser.waitFor(10, "the class grid", d -> d.findElements(By.cssSelector("table.w-grid tbody tr")).size() == 3);
            String grid = browser.text("table.w-grid");
            assertTrue(grid.contains("Ana") && grid.contains("Ben") && grid.contains(CARA), grid);
            assertTrue(browser.text("table.w-steps").contains("There is no bucket named"), "the failing check's message is counted");
            assertTrue(browser.text("table.w-steps").contains("NoSuchBucket (S3 GetObject)"), "the AWS error is counted");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver();
            js.executeScript("window.stillTheSamePage = true;");
            String caraFirst = "tr:nth-child(3) td.w-cell";
            assertTrue(browser.find("table.w-grid tbody " + caraFirst).getAttribute("class").contains("current"));
            browser.screenshot("workshop-dashboard-before");

            CliProcess.Result cara = CliProcess.run(homes.resolve("cara"), lines("s3.createBucket(b -> b.bucket(prefix + \"-notes\"));"),
                    "--join", join);
            assertEquals(0, cara.exitCode(), cara.toString());
            assertFalse(cara.stdout().contains("📣 Coffee break"), "a broadcast shows once per learner: " + cara);
            browser.waitFor(20, "Cara's first step turning done without a reload",
                    d -> d.findElement(By.cssSelector("table.w-grid tbody " + caraFirst)).getAttribute("class").contains("done"));
            assertEquals(Boolean.TRUE, js.executeScript("return window.stillTheSamePage === true;"), "updated live, not reloaded");
            browser.screenshot("workshop-dashboard-after");
            assertEquals(1, server.workshop().snapshot().stream().filter(l -> l.learner().name().equals(CARA)).count(),
                    "Cara came back as herself (remembered name and membership), not as a new learner");
        }
    }

    private static WorkshopReport report(int port, String token) throws Exception {
        CliProcess.Result result = CliProcess.run(Path.of(System.getProperty("java.io.tmpdir")), Map.of("AWSTUTOR_WORKSHOP_TOKEN", token), "",
                "workshop", "report", "--from", "http://127.0.0.1:" + port, "--format", "json");
        assertEquals(0, result.exitCode(), result.toString());
        return WorkshopReport.fromJson(result.stdout());
    }

    private static WorkshopReport.LearnerStep row(WorkshopReport report, String learner, String step) {
        return report.learners().stream().filter(r -> r.learner().equals(learner) && r.step().equals(step)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + learner + " on " + step + " in " + report.learners()));
    }

    private static Membership membership(Path home) throws Exception {
        return new StateFile(home.resolve("workshop").resolve("membership.json")).load(Membership.class).orElseThrow();
    }

    private static S3Client s3(WorkshopServer server, Membership member) {
        return S3Client.builder().endpointOverride(server.sandbox().endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(member.accessKeyId(), member.secretAccessKey())))
                .build();
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
