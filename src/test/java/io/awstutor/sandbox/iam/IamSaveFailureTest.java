package io.awstutor.sandbox.iam;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.User;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IAM with a data folder writes each change to a journal before it answers (issue 16). A change
 * that cannot be saved is the client's error and is undone, as RDS does: what IAM answers
 * afterwards is what a restart shows. The save is made to fail the way a full or broken disk
 * would, by putting a folder where the journal is (tests run as root, so permissions would not).
 */
class IamSaveFailureTest {

    private static List<String> userNames(IamClient iam) {
        return iam.listUsers().users().stream().map(User::userName).toList();
    }

    @Test
    void aChangeThatCannotBeSavedIsAnErrorAndIsUndone(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("iam/iam.journal");
        Path aside = dir.resolve("iam-journal-aside");
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            IamClient iam = box.iam();
            iam.createUser(r -> r.userName("kept"));
            Files.move(journal, aside);
            Files.writeString(Files.createDirectories(journal).resolve("blocker"), "x");

            IamException e = assertThrows(IamException.class, () -> iam.createUser(r -> r.userName("lost")));
            assertEquals(500, e.statusCode());
            assertThrows(IamException.class, () -> iam.tagUser(r -> r.userName("kept").tags(t -> t.key("k").value("v"))));
            assertEquals(List.of("kept"), userNames(iam), "the failed CreateUser is undone");
            assertTrue(iam.listUserTags(r -> r.userName("kept")).tags().isEmpty(), "the failed TagUser is undone");

            Files.delete(journal.resolve("blocker"));
            Files.delete(journal);
            Files.move(aside, journal);
            iam.createUser(r -> r.userName("after"));
            assertEquals(List.of("after", "kept"), userNames(iam));
        }
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            assertEquals(List.of("after", "kept"), userNames(box.iam()), "a restart shows what was answered");
        }
    }

    @Test
    void aJournalLineCutOffByACrashIsDroppedAndWrittenOver(@TempDir Path dir) throws Exception {
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            for (String name : new String[] {"ann", "bob", "cy"}) {
                box.iam().createUser(r -> r.userName(name));
            }
            box.iam().deleteUser(r -> r.userName("bob"));
        }
        // what kill -9 in the middle of an append leaves: the start of a line, never acknowledged
        Files.write(dir.resolve("iam/iam.journal"), "{\"seq\":99,\"accountId\":\"0000".getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.APPEND);
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            assertEquals(List.of("ann", "cy"), userNames(box.iam()));
            box.iam().createUser(r -> r.userName("dee"));
        }
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            assertEquals(List.of("ann", "cy", "dee"), userNames(box.iam()));
        }
    }
}
