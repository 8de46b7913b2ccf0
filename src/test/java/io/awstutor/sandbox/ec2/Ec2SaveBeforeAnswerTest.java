package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16: EC2 answers a change only once it is saved, and a failed save is the request's error and is undone. */
class Ec2SaveBeforeAnswerTest {

    @Test
    void aChangeIsOnDiskWhenItIsAnswered(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ec2/ec2.json");
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            Ec2Client ec2 = box.ec2();
            for (int i = 0; i < 20; i++) {
                String name = "group-" + i;
                String id = ec2.createSecurityGroup(r -> r.groupName(name).description("d")).groupId();
                assertTrue(Files.readString(file).contains(id), name + " was answered before it was saved");
            }
        }
    }

    @Test
    void aSaveThatFailsIsTheRequestsError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ec2/ec2.json");
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            Ec2Client ec2 = box.ec2();
            ec2.createSecurityGroup(r -> r.groupName("first").description("d"));
            Files.delete(file);
            Files.writeString(Files.createDirectories(file).resolve("blocker"), "x");
            Ec2Exception e = assertThrows(Ec2Exception.class, () -> ec2.createSecurityGroup(r -> r.groupName("second").description("d")));
            assertEquals(500, e.statusCode());
            assertEquals(List.of("default", "first"), groupNames(ec2), "the change that could not be saved is undone");
            Files.delete(file.resolve("blocker"));
            Files.delete(file);
            ec2.createSecurityGroup(r -> r.groupName("third").description("d"));
            assertEquals(List.of("default", "first", "third"), groupNames(ec2));
        }
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            assertEquals(List.of("default", "first", "third"), groupNames(box.ec2()), "a restart shows what was answered");
        }
    }

    private static List<String> groupNames(Ec2Client ec2) {
        return ec2.describeSecurityGroups().securityGroups().stream().map(SecurityGroup::groupName).sorted().toList();
    }
}
