package io.awstutor.durable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one durable write: whole or not at all, even when the writing process is killed. */
class DurableFilesTest {

    @Test
    void aWriteReplacesTheFileAndLeavesNothingElse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sub/state.json");
        DurableFiles.write(file, "one".getBytes(StandardCharsets.UTF_8));
        DurableFiles.write(file, "two".getBytes(StandardCharsets.UTF_8));
        assertEquals("two", Files.readString(file));
        assertEquals(List.of(file), list(dir));
    }

    @Test
    void aFailedWriteRemovesItsTemporaryFile(@TempDir Path dir) throws IOException {
        Path occupied = Files.createDirectories(dir.resolve("state.json"));
        Files.writeString(occupied.resolve("inside"), "x");
        assertThrows(IOException.class, () -> DurableFiles.write(occupied, "new".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(occupied.resolve("inside")), list(dir));
    }

    @Test
    void leftoversOfAKilledWriterAreRemovedAtStartAndNothingElse(@TempDir Path dir) throws IOException {
        Path kept = Files.writeString(dir.resolve("state.json"), "{}");
        Path hidden = Files.writeString(dir.resolve(".hidden"), "user's");
        Path leftover;
        try (DurableFiles.Draft draft = DurableFiles.draft(dir.resolve("a/b"), "state.json")) {
            leftover = Files.copy(draft.path(), draft.path().resolveSibling(draft.path().getFileName() + ".copy.tmp"));
            Path second = Files.copy(draft.path(), dir.resolve(".state.json.~abc.tmp"));
            assertTrue(DurableFiles.isLeftover(second));
        }
        assertTrue(DurableFiles.isLeftover(leftover));
        assertEquals(2, DurableFiles.removeLeftovers(dir));
        assertEquals(List.of(hidden, kept), list(dir).stream().sorted().toList());
    }

    /**
     * A real process writes versions as fast as it can and is killed (SIGKILL) at a random
     * moment, ten times: the file always holds one whole version, at least the last one the
     * process acknowledged.
     */
    @Test
    void aKilledWriterLeavesAWholeFileAtLeastAsNewAsItsLastAcknowledgement(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.txt");
        for (int round = 0; round < 10; round++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    DurableWriterProcess.class.getName(), file.toString()).redirectErrorStream(true).start();
            long lastAcked = 0;
            long killAfter = 5 + ThreadLocalRandom.current().nextInt(60);
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    assertTrue(line.startsWith("acked "), line);
                    lastAcked = Long.parseLong(line.substring(6));
                    if (lastAcked >= killAfter) {
                        writer.destroyForcibly();
                        break;
                    }
                }
            }
            assertTrue(writer.waitFor(10, TimeUnit.SECONDS));
            String[] content = Files.readString(file).split("\n", 2);
            long version = Long.parseLong(content[0]);
            assertTrue(version >= lastAcked, "version " + version + " < acknowledged " + lastAcked);
            assertEquals(String.valueOf(version % 10).repeat(64 * 1024), content[1], "a torn file in round " + round);
            DurableFiles.removeLeftovers(dir);
            assertEquals(List.of(file), list(dir));
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void deletingIsDurableAndQuietForAMissingFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x"), "1");
        assertTrue(DurableFiles.delete(file));
        assertFalse(DurableFiles.delete(file));
    }
}
