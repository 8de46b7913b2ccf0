package io.awstutor.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a new learner met in an 80×24 terminal (issue 18), replayed through the shell's
 * non-terminal mode: every test types what the learner typed and reads what they read.
 */
class LearnerExperienceTest {

    private static String run(Path home, Map<String, String> env, String session) throws Exception {
        CliProcess.Result result = CliProcess.run(home, env, session);
        assertEquals(0, result.exitCode(), result::toString);
        return result.stdout();
    }

    /** Item 1: a waiter says what it waits for, the status, the time, and how to stop it; and what AWS would take. */
    @Test
    void aWaiterShowsWhatItWaitsForAtTheShellsPace(@TempDir Path home) throws Exception {
        // the waiter is the script's last line: the end of input must not stop it before its second poll
        String out = run(home, Map.of("AWSTUTOR_END_OF_INPUT_GRACE", "120"), """
                rds.createDBInstance(b -> b.dbInstanceIdentifier(prefix + "-wait").engine("mysql").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("change-me-2024")); rds.waiter().waitUntilDBInstanceAvailable(b -> b.dbInstanceIdentifier(prefix + "-wait")).matched().response().isPresent()
                """);
        assertTrue(out.matches("(?s).*\\n… waiting for DB instance learn-[a-z0-9]{4}-wait: creating \\(\\d+ s; Ctrl-C stops waiting\\)\\n.*"), out);
        assertTrue(ShellSessionTest.unwrapped(out).contains("(On AWS this takes about 5 minutes; the sandbox runs at 1/50 of AWS's pace,"
                + " but the waiter still asks only every 30 s, as on AWS.)"), out);
        assertTrue(out.matches("(?s).*\\n… DB instance learn-[a-z0-9]{4}-wait: available \\(\\d+ s\\)\\n.*"), out);
        assertTrue(out.contains("==> true"), out);
    }

    /** Item 2: after a restart, a "delete it" step is not done by a sandbox that never had the thing. */
    @Test
    void aStepThatWantsSomethingGoneNeedsTheLearnerToDeleteIt(@TempDir Path home) throws Exception {
        String out = run(home, Map.of("AWSTUTOR_SANDBOX_TIME_SCALE", "0.01"), """
                /lesson cloudfront 7
                sts.getCallerIdentity().account()
                /check
                """);
        assertFalse(out.contains("✓ Step done: Delete it"), out);
        assertFalse(out.contains("★ Lesson complete"), out);
        assertTrue(ShellSessionTest.unwrapped(out).matches("(?s).*· Not yet: There is no distribution in front of learn-[a-z0-9]{4}-cdn"
                + "\\.s3\\.amazonaws\\.com to delete here \\(a sandbox starts empty each session\\): /catchup builds it again.*"), out);
    }

    private static String solution(String lessonId, int step) {
        return io.awstutor.lesson.LessonCatalog.bundled().find(lessonId).orElseThrow().steps().get(step - 1).solution().orElseThrow();
    }

    /**
     * Item 3: the database of ec2-rds, still being deleted (at AWS's pace), does not block the
     * one security-groups creates: the lessons' own solutions, typed one after the other.
     */
    @Test
    void lessonsDoNotShareADatabaseName(@TempDir Path home) throws Exception {
        String out = run(home, Map.of("AWSTUTOR_SANDBOX_TIME_SCALE", "1"), "/lesson ec2-rds 6\n" + solution("ec2-rds", 6)
                + "\n/lesson ec2-rds 9\n" + solution("ec2-rds", 9) + "\n/lesson security-groups 4\n"
                + "String dbSg = ec2.createSecurityGroup(b -> b.groupName(prefix + \"-dbsg\").description(\"db\")).groupId();\n"
                + solution("security-groups", 4) + "\n");
        assertTrue(out.matches("(?s).*\\n- delete DB instance learn-[a-z0-9]{4}-\\S+ \\(us-east-1\\)\\n.*")
                || out.matches("(?s).*\\n- DB instance learn-[a-z0-9]{4}-\\S+ \\(us-east-1\\)\\n.*"), out);
        assertFalse(out.contains("DBInstanceAlreadyExists"), out);
        assertTrue(out.matches("(?s).*\\n\\+ DB instance learn-[a-z0-9]{4}-db \\(us-east-1\\)\\n.*"), out);
    }

    /** Item 4: revoking a rule the group does not have removes nothing, and the change line says so. */
    @Test
    void revokingARuleThatIsNotThereSaysNothingWasRemoved(@TempDir Path home) throws Exception {
        String out = run(home, Map.of(), """
                String sg = ec2.createSecurityGroup(b -> b.groupName(prefix + "-lone").description("lone")).groupId();
                ec2.revokeSecurityGroupIngress(b -> b.groupId(sg).ipPermissions(p -> p.ipProtocol("tcp").fromPort(3307).toPort(3307).ipRanges(r -> r.cidrIp("203.0.113.5/32"))));
                """);
        assertFalse(out.contains("- ingress rule on"), out);
        assertTrue(ShellSessionTest.unwrapped(out).matches("(?s).*\\n= no ingress rule on sg-[0-9a-f]+ matched tcp/3307 from"
                + " 203\\.0\\.113\\.5/32: nothing removed \\(us-east-1\\)\\n.*"), out);
    }

    /** Item 5: the cost note of a Multi-AZ database doubles instance and storage, and says so once. */
    @Test
    void theMultiAzCostNoteAgreesWithItself(@TempDir Path home) throws Exception {
        String out = ShellSessionTest.unwrapped(run(home, Map.of(), """
                rds.createDBInstance(b -> b.dbInstanceIdentifier(prefix + "-mz").engine("mysql").dbInstanceClass("db.t3.micro").allocatedStorage(20).masterUsername("admin").masterUserPassword("change-me-2024").multiAZ(true));
                """));
        assertTrue(out.contains("(cost note) RDS CreateDBInstance — on a real account: 1 × db.t3.micro RDS database"), out);
        assertTrue(out.contains("(Multi-AZ): about USD 0.0340 an hour, USD 24.82 a month if left running (plus 20 GB of storage,"
                + " USD 4.60 a month;"), out);
        assertTrue(out.contains("; Multi-AZ is twice Single-AZ, instance and storage)"), out);
        assertFalse(out.contains("Single-AZ MySQL prices"), out);
        assertFalse(out.contains("Rds CreateDBInstance"), out);
    }

    /** Item 7: finishing a lesson leaves its end on screen; the next lesson opens on /next. */
    @Test
    void aLessonsEndStaysOnScreenUntilNext(@TempDir Path home) throws Exception {
        String out = run(home, Map.of(), """
                var me = sts.getCallerIdentity();
                String account = me.account();
                var user = iam.getUser().user();
                /answer 2
                iam.createUser(b -> b.userName(prefix + "-alice"));
                """);
        assertTrue(out.endsWith("✓ Step done: Create an IAM user.\n★ Lesson complete: Getting started.\n"
                + "Next: IAM — who may do what — /next opens it.\n"), out);
        String next = run(home, Map.of(), "/next\n");
        assertTrue(next.contains("━━ IAM — who may do what ━━"), next);
    }

    /** Item 11: "keep the newest image" meets a choice: several dated releases, both architectures, several families. */
    @Test
    void theImageCatalogOffersSeveralReleasesOfEachFamily(@TempDir Path home) throws Exception {
        String out = run(home, Map.of(), """
                ec2.describeImages(b -> b.owners("amazon").filters(f -> f.name("name").values("al2023-ami-2023*-x86_64"))).images().size()
                ec2.describeImages(b -> b.filters(f -> f.name("architecture").values("arm64"))).images().stream().map(i -> i.name().split("[-/]")[0]).distinct().sorted().toList()
                ec2.describeImages(b -> b.filters(f -> f.name("name").values("Windows_Server-2025*", "debian-12-*"))).images().stream().map(Image::name).sorted().toList()
                """);
        assertTrue(out.contains("$1 ==> 3\n"), out);
        assertTrue(out.contains("$2 ==> [al2023, amzn2, debian, ubuntu]"), out);
        assertTrue(ShellSessionTest.unwrapped(out).contains("Windows_Server-2025-English-Full-Base-2026.10.15,"), out);
        assertTrue(out.contains("debian-12-arm64-20261102-2283"), out);
    }

    /** Item 12: an object action granted on the bucket alone is refused as AWS refuses it. */
    @Test
    void aBucketPolicyWhoseActionFitsNoResourceIsRefused(@TempDir Path home) throws Exception {
        String out = ShellSessionTest.unwrapped(run(home, Map.of(), """
                s3.createBucket(b -> b.bucket(prefix + "-pol"));
                s3.putBucketPolicy(b -> b.bucket(prefix + "-pol").policy("{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Principal\\":{\\"AWS\\":\\"arn:aws:iam::000000000000:root\\"},\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"arn:aws:s3:::" + prefix + "-pol\\"}]}"));
                """));
        assertTrue(out.contains("S3 refused PutBucketPolicy: MalformedPolicy (HTTP 400) — Action does not apply to any resource(s)"
                + " in statement"), out);
    }

    /** Item 6: the tutor's check does not visit the page first, so the learner's first visit is a Miss. */
    @Test
    void theChecksVisitDoesNotWarmTheLearnersCache(@TempDir Path home) throws Exception {
        String out = run(home, Map.of(), """
                /lesson cloudfront 3
                /catchup
                String distributionId = created.distribution().id();
                String url = clients.distributionUrl(created.distribution().domainName());
                java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(url)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Cache").orElse("none")
                """);
        assertTrue(out.contains("✓ Step done: Visit it through the edge."), out);
        assertTrue(out.contains("==> \"Miss from cloudfront\""), out);
    }

    /** Item 9: Filter and Tag, which several services have, mean the one of the client called; a builder lambda's typo gets a suggestion. */
    @Test
    void sharedModelNamesFollowTheClientAndLambdaTyposGetASuggestion(@TempDir Path home) throws Exception {
        String out = run(home, Map.of(), """
                ec2.describeInstances(b -> b.filters(Filter.builder().name("instance-state-name").values("running").build())).reservations().size()
                rds.describeDBInstances(b -> b.filters(Filter.builder().name("engine").values("mysql").build())).dbInstances().size()
                s3.createBucket(b -> b.bucked(prefix + "-typo"));
                """);
        assertFalse(out.contains("is ambiguous"), out);
        assertTrue(out.contains("$1 ==> 0\n"), out);
        assertTrue(out.contains("$2 ==> 0\n"), out);
        assertTrue(out.contains("Did you mean bucket(...)?"), out);
    }
}
