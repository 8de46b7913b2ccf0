package io.awstutor.sandbox.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IAM's journal folds itself into a new snapshot once it outgrows it (here after 2 KiB), and
 * what a reader finds is the same whichever of the two holds a change, including when a crash
 * left the new snapshot beside the old journal.
 */
class IamJournalTest {

    private static IamUser user(String name) {
        return new IamUser(name, "/", "AIDA" + name.toUpperCase(java.util.Locale.ROOT), Instant.parse("2026-12-06T00:00:00Z"),
                List.of(), null, Permissions.none());
    }

    /** Writes as IamBackend does: change, stage under the (here single-threaded) lock, await. */
    private static void write(IamStateFile file, Map<String, IamAccount> accounts, java.util.function.Consumer<IamAccount> change) {
        IamAccount account = accounts.computeIfAbsent("000000000000", id -> new IamAccount(id, Instant.EPOCH));
        change.accept(account);
        file.awaitDurable(file.stage(account, accounts));
    }

    private static List<String> names(Map<String, IamAccount> accounts) {
        return List.copyOf(accounts.get("000000000000").users.keySet());
    }

    @Test
    void theJournalIsCompactedAndReadsBackTheSame(@TempDir Path dir) throws Exception {
        IamStateFile file = new IamStateFile(dir, 2048);
        Map<String, IamAccount> accounts = new TreeMap<>(file.load());
        for (int i = 0; i < 40; i++) {
            String name = String.format("user-%02d", i);
            write(file, accounts, a -> a.users.put(name, user(name)));
            if (i % 3 == 0) {
                write(file, accounts, a -> a.users.remove(name));
            }
        }
        assertTrue(Files.exists(dir.resolve("iam.json")), "compacted into a snapshot");
        assertTrue(Files.size(dir.resolve("iam.journal")) < 4096, "the journal was emptied by the compaction");
        List<String> expected = names(accounts);
        assertEquals(26, expected.size());
        assertEquals(expected, names(new IamStateFile(dir, 2048).load()));

        // a crash after a compaction replaced the snapshot and before it emptied the journal:
        // the old journal's lines are all in the new snapshot and must not be applied again
        Path snapshot = dir.resolve("iam.json");
        Path journal = dir.resolve("iam.journal");
        boolean compacted = false;
        for (int i = 40; i < 200 && !compacted; i++) {
            String name = String.format("user-%02d", i);
            byte[] snapshotBefore = Files.readAllBytes(snapshot);
            byte[] journalBefore = Files.readAllBytes(journal);
            write(file, accounts, a -> {
                a.users.put(name, user(name));
                a.users.remove("user-01");
            });
            if (!java.util.Arrays.equals(snapshotBefore, Files.readAllBytes(snapshot))) {
                compacted = true;
                Files.write(journal, journalBefore);
            }
        }
        assertTrue(compacted);
        assertEquals(names(accounts), names(new IamStateFile(dir, 2048).load()));
    }
}
