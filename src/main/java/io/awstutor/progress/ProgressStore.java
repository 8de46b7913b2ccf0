package io.awstutor.progress;

import io.awstutor.json.JsonMappers;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.awstutor.durable.DurableFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps progress in {@code progress.json} under the tutor's home folder. Writes are atomic
 * ({@link DurableFiles}: temp file, fsync, rename, fsync of the folder), so a crash never leaves half a file. A file that cannot be
 * read is moved aside with a one-line warning and the learner starts clean: nothing is
 * deleted, nothing stops the shell.
 */
public final class ProgressStore {
    private final Path file;
    private final ObjectMapper json = JsonMappers.mapper();

    public ProgressStore(Path home) {
        this.file = home.resolve("progress.json");
    }

    public Path file() {
        return file;
    }

    public Progress load(PrintStream warnings) {
        try {
            DurableFiles.removeLeftoversOf(file);
        } catch (IOException e) {
            // a stray temp file costs nothing; the progress itself is what matters
        }
        if (!Files.exists(file)) {
            return Progress.fresh();
        }
        try {
            Progress progress = json.readValue(file.toFile(), Progress.class);
            if (progress == null || progress.lessons == null) {
                throw new IOException("no progress object in the file");
            }
            if (progress.learnerPrefix == null || !progress.learnerPrefix.matches("[a-z0-9-]{3,40}")) {
                progress.learnerPrefix = Progress.fresh().learnerPrefix;
            }
            if (progress.version > Progress.FORMAT) {
                keepNewerFormat(progress.version, warnings);
                progress.version = Progress.FORMAT;
            }
            return progress;
        } catch (IOException e) {
            Path aside = TutorHome.asideOf(file);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                warnings.println("warning: " + file + " could not be read (" + TutorHome.problemOf(e)
                        + "); it was moved to " + aside.getFileName() + " and you start with fresh progress.");
            } catch (IOException moveFailed) {
                warnings.println("warning: " + file + " could not be read and could not be moved aside ("
                        + moveFailed.getMessage() + "); progress will not be saved over it.");
                throw new IllegalStateException("progress file unreadable and immovable: " + file, moveFailed);
            }
            return Progress.fresh();
        }
    }

    /**
     * A file a newer awstutor wrote (after a downgrade, or two versions sharing a home): this
     * one reads what it knows, but its next save would drop what it does not, so the file is
     * first copied beside itself, once per format.
     */
    private void keepNewerFormat(int version, PrintStream warnings) throws IOException {
        Path copy = file.resolveSibling(file.getFileName() + ".format-" + version);
        if (!Files.exists(copy)) {
            Files.copy(file, copy);
        }
        warnings.println("warning: " + file + " was written by a newer awstutor (format " + version + "; this one writes format "
                + Progress.FORMAT + "); a copy of it is kept as " + copy.getFileName() + ".");
    }

    public void save(Progress progress) throws IOException {
        DurableFiles.write(file, JsonMappers.pretty().writeValueAsBytes(progress));
    }
}
