package io.awstutor.cli;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cost guard in a scripted session: the {@code aws} target pointed at a sandbox through
 * AWS_ENDPOINT_URL keeps the guard on (it cannot know the endpoint is not AWS), so a billable
 * call is refused before it leaves, unless the session was started with --allow-billable.
 */
class CostGuardSessionTest {

    private static final String LAUNCH = """
            var ami = ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
            ec2.runInstances(b -> b.imageId(ami).instanceType("t3.micro").minCount(1).maxCount(1));
            """;

    private static Map<String, String> awsViaSandbox(TestSandbox box) {
        return Map.of("AWS_ENDPOINT_URL", box.endpoint().toString(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true");
    }

    private static long running(TestSandbox box) {
        return box.ec2().describeInstances(b -> b.filters(Filter.builder().name("instance-state-name")
                        .values(InstanceStateName.PENDING.toString(), InstanceStateName.RUNNING.toString()).build()))
                .reservations().stream().mapToLong(r -> r.instances().size()).sum();
    }

    @Test
    void aScriptedSessionOnAwsIsRefusedBeforeTheCallLeaves(@TempDir Path home) throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            CliProcess.Result result = CliProcess.run(home, awsViaSandbox(box), LAUNCH, "--target", "aws");
            String out = result.stdout();
            assertEquals(0, result.exitCode(), result::toString);
            String flowed = out.replaceAll("\\s+", " "); // long messages are wrapped to the terminal's width
            assertTrue(flowed.contains("⚠ EC2 RunInstances is billable on aws via " + box.endpoint()), out);
            assertTrue(flowed.contains("1 × t3.micro EC2 instance: about USD 0.0104 an hour, USD 7.59 a month if left running"), out);
            assertTrue(flowed.contains("free tier: covered"), out);
            assertTrue(flowed.contains("awstutor's cost guard stopped EC2 RunInstances before it left this machine"), out);
            assertTrue(flowed.contains("start awstutor with --allow-billable to let billable calls through"), out);
            assertEquals(0, running(box), "nothing was launched");
        }
    }

    @Test
    void allowBillableLetsItThroughAndTagsTheInstance(@TempDir Path home) throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            CliProcess.Result result = CliProcess.run(home, awsViaSandbox(box), LAUNCH, "--target", "aws", "--allow-billable");
            String out = result.stdout();
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(out.contains("Going ahead: this session was started with --allow-billable."), out);
            assertFalse(out.contains("stopped EC2 RunInstances"), out);
            assertEquals(1, running(box), out);
            var tags = box.ec2().describeInstances().reservations().get(0).instances().get(0).tags();
            assertTrue(tags.stream().anyMatch(t -> t.key().equals("awstutor:lesson") && t.value().equals("getting-started")),
                    "tagged with the lesson: " + tags);
            // leaving with a billable instance alive on the (would-be) real account warns and offers cleanup
            assertTrue(out.contains("⚠ Still running on aws via " + box.endpoint() + ", billed by the hour (about USD 0.0104 an hour"), out);
            assertTrue(out.contains("They keep running. `awstutor cleanup --target aws` deletes them later."), out);

            CliProcess.Result unasked = CliProcess.run(home, awsViaSandbox(box), "", "cleanup", "--target", "aws");
            assertEquals(1, unasked.exitCode(), unasked::toString);
            assertTrue(unasked.stderr().contains("add --yes"), unasked::toString);
            assertEquals(1, running(box), "nothing deleted without a yes");

            CliProcess.Result cleanup = CliProcess.run(home, awsViaSandbox(box), "", "cleanup", "--target", "aws", "--yes");
            assertEquals(0, cleanup.exitCode(), cleanup::toString);
            assertTrue(cleanup.stdout().matches("(?s).*- terminated EC2 instance i-[0-9a-f]+ \\(t3\\.micro\\) in us-east-1.*"), cleanup::toString);
            assertTrue(cleanup.stdout().contains("Cleanup: 1 deleted, nothing left."), cleanup::toString);
            assertEquals(0, running(box));
        }
    }

    @Test
    void onTheSandboxTheEstimateIsInformationOnly(@TempDir Path home) throws Exception {
        CliProcess.Result result = CliProcess.run(home, LAUNCH);
        String out = result.stdout();
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(out.replaceAll("\\s+", " ").contains("(cost note) EC2 RunInstances — on a real account: 1 × t3.micro EC2 instance"), out);
        assertFalse(out.contains("stopped EC2 RunInstances"), out);
    }

    @Test
    void aBillableStepWarnsBeforeItBeginsOnAws(@TempDir Path home) throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            CliProcess.Result onAws = CliProcess.run(home, awsViaSandbox(box), "/lesson ec2-rds 4\n", "--target", "aws");
            assertEquals(0, onAws.exitCode(), onAws::toString);
            String flowed = onAws.stdout().replaceAll("\\s+", " ");
            assertTrue(flowed.contains("⚠ This step is billable on aws via " + box.endpoint() + ": One t3.micro on-demand instance"), onAws.stdout());
            assertTrue(flowed.contains("The cost guard asks before the billable call leaves"), onAws.stdout());
        }
        CliProcess.Result onSandbox = CliProcess.run(home, "/lesson ec2-rds 4\n");
        assertTrue(onSandbox.stdout().contains("Cost on a real account: One t3.micro"), onSandbox::toString);
        assertFalse(onSandbox.stdout().contains("⚠ This step is billable"), onSandbox::toString);
    }
}
