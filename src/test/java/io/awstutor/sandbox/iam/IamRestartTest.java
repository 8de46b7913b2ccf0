package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a data folder, IAM's state survives a restart of the sandbox: users, keys that still sign, policies. */
class IamRestartTest {
    @Test
    void stateSurvivesARestart(@TempDir Path dir) throws Exception {
        AwsCredentials alice;
        String secret;
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withDataDir(dir))) {
            box.iam().createUser(r -> r.userName("alice").path("/kept/"));
            box.iam().attachUserPolicy(r -> r.userName("alice").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
            AccessKey key = box.iam().createAccessKey(r -> r.userName("alice")).accessKey();
            secret = key.secretAccessKey();
            alice = TestSandbox.credentials(key.accessKeyId(), secret);
        }
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withDataDir(dir))) {
            assertEquals("arn:aws:iam::000000000000:user/kept/alice", box.iam(alice).getUser().user().arn());
            assertEquals(1, box.iam(alice).listAttachedUserPolicies(r -> r.userName("alice")).attachedPolicies().size());
        }
        try (var files = Files.walk(dir)) {
            // a snapshot (iam.json) once the journal of changes (iam.journal) has grown; here only the journal
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("iam.journal")));
        }
        try (var files = Files.walk(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }
}
