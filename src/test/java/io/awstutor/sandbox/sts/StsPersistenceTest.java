package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a data folder, temporary credentials a learner holds survive a sandbox restart. */
class StsPersistenceTest {

    @Test
    void sessionsSurviveARestart(@TempDir Path data) {
        Credentials session;
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data).withTimeScale(0))) {
            session = box.sts().getSessionToken(r -> r.durationSeconds(900)).credentials();
        }
        assertTrue(Files.exists(data.resolve("sts").resolve("sessions.json")));
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data).withTimeScale(0))) {
            var creds = TestSandbox.credentials(session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
            assertEquals("arn:aws:iam::000000000000:root", box.sts(creds).getCallerIdentity().arn());
            var forged = TestSandbox.credentials(session.accessKeyId(), session.secretAccessKey(), "forged");
            assertEquals("InvalidClientTokenId", assertThrows(AwsServiceException.class,
                    () -> box.sts(forged).getCallerIdentity()).awsErrorDetails().errorCode());
        }
    }

    @Test
    void aCorruptSessionsFileIsAClearError(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("sts"));
        Files.writeString(data.resolve("sts").resolve("sessions.json"), "{not json");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> TestSandbox.start(SandboxOptions.inMemory().withDataDir(data)));
        assertTrue(e.getMessage().contains("corrupt state file") && e.getMessage().contains("sessions.json"), e.getMessage());
    }
}
