package io.awstutor.progress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressStoreTest {

    @Test
    void savesAndLoadsProgress(@TempDir Path home) throws Exception {
        ProgressStore store = new ProgressStore(home);
        Progress progress = Progress.fresh();
        progress.markDone("getting-started", "ask-aws-who-you-are");
        progress.moveTo("getting-started", "read-the-answer");
        store.save(progress);
        Progress loaded = store.load(System.err);
        assertEquals(progress.learnerPrefix, loaded.learnerPrefix);
        assertTrue(loaded.isDone("getting-started", "ask-aws-who-you-are"));
        assertEquals("read-the-answer", loaded.currentStep);
        try (var files = Files.list(home)) {
            assertEquals(1, files.count(), "no temp files left behind");
        }
    }

    @Test
    void aFileANewerAwstutorWroteIsReadAndKeptBeforeThisOneSavesOverIt(@TempDir Path home) throws Exception {
        String newer = """
                {"version": 2, "learnerPrefix": "learn-ab12", "currentLesson": "s3", "currentStep": "upload",
                 "lessons": {"s3": {"done": ["make-a-bucket"]}}, "badges": ["first-bucket"]}
                """;
        Files.writeString(home.resolve("progress.json"), newer);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressStore store = new ProgressStore(home);
        Progress progress = store.load(new PrintStream(err, true));
        assertEquals("learn-ab12", progress.learnerPrefix);
        assertTrue(progress.isDone("s3", "make-a-bucket"), "what this version knows is read");
        assertEquals("warning: " + home.resolve("progress.json") + " was written by a newer awstutor (format 2; this one writes"
                + " format 1); a copy of it is kept as progress.json.format-2.", err.toString().strip());
        store.save(progress);
        assertEquals(newer, Files.readString(home.resolve("progress.json.format-2")), "the newer fields ('badges') are not lost");
        assertEquals(1, new ProgressStore(home).load(new PrintStream(new ByteArrayOutputStream(), true)).version,
                "once saved by this version, the file is this version's format");
    }

    @Test
    void aCorruptFileIsMovedAsideWithOneWarning(@TempDir Path home) throws Exception {
        Files.writeString(home.resolve("progress.json"), "{\"lessons\": [not json");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Progress progress = new ProgressStore(home).load(new PrintStream(err, true));
        assertTrue(progress.lessons.isEmpty());
        String warning = err.toString();
        assertEquals(1, warning.lines().count(), warning);
        assertTrue(warning.startsWith("warning: ") && warning.contains("moved to progress.json.corrupt-"), warning);
        assertTrue(warning.contains("could not be read (line 1, column 13: 'lessons' has the wrong type)"), "where, not Jackson's notes: " + warning);
        assertTrue(!warning.contains("REDACTED") && !warning.contains("StreamReadFeature"), warning);
        try (var files = Files.list(home)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("progress.json.corrupt-")).findFirst().orElseThrow();
            assertEquals("{\"lessons\": [not json", Files.readString(aside), "the corrupt content is kept, not lost");
        }
    }

    @Test
    void prefixesAreShortAndSafeForBucketNames() {
        for (int i = 0; i < 50; i++) {
            assertTrue(Progress.fresh().learnerPrefix.matches("learn-[a-z0-9]{4}"));
        }
    }
}
