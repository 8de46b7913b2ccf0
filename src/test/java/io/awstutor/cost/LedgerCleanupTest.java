package io.awstutor.cost;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.jshell.agent.CallRecord;
import io.awstutor.jshell.agent.CallRecorder;
import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.target.ClientFactory;
import io.awstutor.target.TargetSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger follows what the learner's clients create and delete (from the same call
 * records the shell reads), and cleanup removes all of it from the sandbox in dependency order.
 */
class LedgerCleanupTest {
    private static final LedgerRecorder.Place PLACE = new LedgerRecorder.Place("sandbox", Sandbox.ROOT_ACCOUNT, "cleanup-lesson");

    @Test
    void cleanupRemovesEverythingAcrossIamS3Ec2AndRdsInDependencyOrder(@TempDir Path home) throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            Learner on = Learner.of(box, home);
            Path events = on.events();
            TargetSettings settings = on.settings();
            ClientFactory learner = on.clients();
            Ledger ledger = on.ledger();
            LedgerRecorder recorder = new LedgerRecorder(ledger, PriceTable.bundled(), Clock.systemUTC());

            var iam = learner.iam();
            iam.createUser(b -> b.userName("alice"));
            iam.createAccessKey(b -> b.userName("alice"));
            iam.createGroup(b -> b.groupName("devs"));
            iam.addUserToGroup(b -> b.groupName("devs").userName("alice"));
            String policyArn = iam.createPolicy(b -> b.policyName("read-bucket").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"))
                    .policy().arn();
            iam.attachUserPolicy(b -> b.userName("alice").policyArn(policyArn));
            iam.attachGroupPolicy(b -> b.groupName("devs").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
            iam.putUserPolicy(b -> b.userName("alice").policyName("inline").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"*\"}]}"));

            var s3 = learner.s3();
            s3.createBucket(b -> b.bucket("learn-photos"));
            s3.putBucketVersioning(b -> b.bucket("learn-photos").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            s3.putObject(b -> b.bucket("learn-photos").key("a.txt"), RequestBody.fromString("one"));
            s3.putObject(b -> b.bucket("learn-photos").key("a.txt"), RequestBody.fromString("two"));
            s3.deleteObject(b -> b.bucket("learn-photos").key("a.txt"));

            var ec2 = learner.ec2();
            String ami = ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            String sg = ec2.createSecurityGroup(b -> b.groupName("web").description("web servers")).groupId();
            ec2.runInstances(b -> b.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1).securityGroupIds(sg));
            learner.rds().createDBInstance(b -> b.dbInstanceIdentifier("shop-db").engine("mysql").dbInstanceClass("db.t3.micro")
                    .allocatedStorage(20).masterUsername("admin").masterUserPassword("correct-horse-battery").vpcSecurityGroupIds(sg));

            recorder.record(PLACE, read(events));
            List<LedgerEntry> alive = ledger.alive("sandbox", Sandbox.ROOT_ACCOUNT);
            assertEquals(List.of(ResourceKind.EC2_INSTANCE, ResourceKind.RDS_INSTANCE, ResourceKind.SECURITY_GROUP,
                    ResourceKind.S3_BUCKET, ResourceKind.IAM_USER, ResourceKind.IAM_GROUP, ResourceKind.IAM_POLICY),
                    alive.stream().map(LedgerEntry::kind).toList(), alive::toString);
            assertEquals(0.0104, alive.get(0).hourlyUsd(), 1e-9);
            String saved = Files.readString(home.resolve("ledger.json"));
            assertTrue(saved.contains("\"lesson\" : \"cleanup-lesson\""), saved);
            assertFalse(saved.contains("correct-horse"), "no password in the ledger");

            List<String> report = new ArrayList<>();
            ClientFactory checks = new ClientFactory(settings);
            Cleaner.Result result = new Cleaner(checks, ledger, report::add, Duration.ofMillis(50), Duration.ofSeconds(30))
                    .clean(alive, true);
            assertEquals(new Cleaner.Result(7, 0), result, String.join("\n", report));
            assertBefore(report, "- terminated EC2 instance", "- deleted security group");
            assertBefore(report, "- deleted RDS database shop-db", "- deleted security group");
            assertBefore(report, "- emptied S3 bucket learn-photos (3 object versions)", "- deleted S3 bucket learn-photos");
            assertBefore(report, "- removed from IAM user alice: access key", "- deleted IAM user alice");
            assertTrue(report.stream().anyMatch(l -> l.contains("no final snapshot")), String.join("\n", report));

            assertTrue(ledger.alive("sandbox", Sandbox.ROOT_ACCOUNT).isEmpty());
            assertTrue(box.iam().listUsers().users().isEmpty());
            assertTrue(box.iam().listGroups().groups().isEmpty());
            assertTrue(box.iam().listPolicies(b -> b.scope("Local")).policies().isEmpty());
            assertTrue(box.s3().listBuckets().buckets().isEmpty());
            assertTrue(box.ec2().describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                    .allMatch(i -> i.state().name() == InstanceStateName.TERMINATED));
            assertTrue(box.ec2().describeSecurityGroups().securityGroups().stream().allMatch(g -> g.groupName().equals("default")));
            assertTrue(box.rds().describeDBInstances().dbInstances().isEmpty());
        }
    }

    /** A secret is billed by the month until deleted: the ledger keeps it, cleanup deletes it at once, its value stays out. */
    @Test
    void aSecretIsInTheLedgerAndCleanupDeletesIt(@TempDir Path home) throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            Learner on = Learner.of(box, home);
            String arn = on.clients().secretsmanager().createSecret(b -> b.name("app-login").secretString("{\"password\":\"tiger-lily\"}")).arn();
            new LedgerRecorder(on.ledger(), PriceTable.bundled(), Clock.systemUTC()).record(PLACE, read(on.events()));
            List<LedgerEntry> alive = on.ledger().alive("sandbox", Sandbox.ROOT_ACCOUNT);
            assertEquals(List.of(ResourceKind.SECRET), alive.stream().map(LedgerEntry::kind).toList());
            assertEquals(arn, alive.get(0).id());
            assertFalse(Files.readString(home.resolve("ledger.json")).contains("tiger-lily"), "no secret value in the ledger");

            List<String> report = new ArrayList<>();
            new Cleaner(new ClientFactory(on.settings()), on.ledger(), report::add, Duration.ofMillis(50), Duration.ofSeconds(30)).clean(alive, true);
            assertTrue(box.secretsmanager().listSecrets(b -> b.includePlannedDeletion(true)).secretList().isEmpty(), String.join("\n", report));
            assertTrue(on.ledger().alive("sandbox", Sandbox.ROOT_ACCOUNT).isEmpty());
        }
    }

    @Test
    void deletingThroughTheClientsTakesResourcesOutOfTheLedger(@TempDir Path home) throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            Learner on = Learner.of(box, home);
            LedgerRecorder recorder = new LedgerRecorder(on.ledger(), PriceTable.bundled(), Clock.systemUTC());
            on.clients().iam().createUser(b -> b.userName("bob"));
            on.clients().s3().createBucket(b -> b.bucket("learn-tmp"));
            on.clients().iam().deleteUser(b -> b.userName("bob"));
            recorder.record(PLACE, read(on.events()));
            assertEquals(List.of("learn-tmp"), on.ledger().alive("sandbox", Sandbox.ROOT_ACCOUNT).stream().map(LedgerEntry::id).toList());
            // a new ledger object reads the same file back
            assertEquals(1, Ledger.open(home, System.err).entries().size());
        }
    }

    @Test
    void anUnreadableLedgerIsSetAsideNotLost(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("ledger.json"), "{ not json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ledger ledger = Ledger.open(home, new PrintStream(err, true));
        assertTrue(ledger.entries().isEmpty());
        String warning = err.toString();
        assertEquals(1, warning.lines().count(), warning);
        assertTrue(warning.matches("awstutor: the ledger \\S+ledger.json could not be read \\(line 1, column 3: Unexpected character .*"
                + "\\); it was kept as ledger.json.corrupt-\\d{8}-\\d{6} and a new one started.\\s*"), warning);
        try (var files = Files.list(home)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("ledger.json.corrupt-")));
        }
    }

    @Test
    void oneEntryThatCannotBeReadCostsOnlyThatEntry(@TempDir Path home) throws Exception {
        // a kind from a newer awstutor, beside an instance that may still be billing on AWS
        Files.writeString(home.resolve("ledger.json"), """
                {"resources": [
                  {"target": "aws", "account": "123456789012", "region": "us-east-1", "kind": "EC2_INSTANCE",
                   "id": "i-0abc", "detail": "t3.micro", "createdAt": "2026-11-30T10:00:00Z", "hourlyUsd": 0.0104, "lesson": "ec2-rds"},
                  {"target": "aws", "account": "123456789012", "region": "us-east-1", "kind": "LAMBDA_FUNCTION",
                   "id": "fn", "createdAt": "2026-11-30T10:00:00Z"}
                ]}""");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Ledger ledger = Ledger.open(home, new PrintStream(err, true));
        assertEquals(List.of("i-0abc"), ledger.entries().stream().map(LedgerEntry::id).toList(), err.toString());
        assertTrue(err.toString().contains("1 entry of the ledger") && err.toString().contains("(#2 LAMBDA_FUNCTION fn)"),
                err.toString());
        try (var files = Files.list(home)) {
            Path aside = files.filter(p -> p.getFileName().toString().startsWith("ledger.json.corrupt-")).findFirst().orElseThrow();
            assertTrue(Files.readString(aside).contains("LAMBDA_FUNCTION"), "the skipped entry is kept in the copy");
        }
    }

    private static void assertBefore(List<String> report, String first, String second) {
        int a = indexOf(report, first);
        int b = indexOf(report, second);
        assertTrue(a >= 0 && b >= 0 && a < b, "'" + first + "' must come before '" + second + "':\n" + String.join("\n", report));
    }

    private static int indexOf(List<String> report, String prefix) {
        for (int i = 0; i < report.size(); i++) {
            if (report.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    /** The learner's clients on the sandbox, their call log, and the ledger in the tutor's home. */
    private record Learner(Path events, TargetSettings settings, ClientFactory clients, Ledger ledger) {
        static Learner of(TestSandbox box, Path home) throws Exception {
            Path events = Files.createTempFile(home, "calls", ".jsonl");
            TargetSettings settings = TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, box.endpoint(), "us-east-1",
                    Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY);
            return new Learner(events, settings, new ClientFactory(settings, List.of(new CallRecorder(events))),
                    Ledger.open(home, System.err));
        }
    }

    private static List<CallRecord> read(Path events) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<CallRecord> calls = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            if (!line.isBlank()) {
                calls.add(json.readValue(line, CallRecord.class));
            }
        }
        return calls;
    }
}
