package io.awstutor.workshop;

import io.awstutor.sandbox.persist.StateFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a workshop with {@code --data DIR} keeps itself, each file written atomically and
 * owner-only: {@code settings.json} (name, join code, instructor token), {@code class.json}
 * (broadcasts, hold), and one {@code learners/ID.json} per learner with their events, so a
 * learner's batch rewrites only their own file.
 */
public final class WorkshopStore {
    /** What survives a restart unchanged: the code learners have, the token the instructor has. */
    public record Settings(String name, String code, String instructorToken, long created) {
        @Override
        public String toString() {
            return "Settings[" + name + ", " + code + "]";
        }
    }

    public record ClassState(List<Broadcast> broadcasts, StepRef hold) {
    }

    public record LearnerFile(Learner learner, List<WorkshopEvent> events) {
    }

    private final Path folder;

    public WorkshopStore(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    public Optional<Settings> settings() {
        return load(new StateFile(folder.resolve("settings.json")), Settings.class);
    }

    public void save(Settings settings) {
        save(new StateFile(folder.resolve("settings.json")), settings);
    }

    public Optional<ClassState> classState() {
        return load(new StateFile(folder.resolve("class.json")), ClassState.class);
    }

    public void save(ClassState state) {
        save(new StateFile(folder.resolve("class.json")), state);
    }

    public void save(LearnerFile learner) {
        save(learnerFile(learner.learner().id()), learner);
    }

    public List<LearnerFile> learners() {
        Path dir = folder.resolve("learners");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<LearnerFile> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                load(new StateFile(file), LearnerFile.class).ifPresent(all::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the workshop's learners could not be read from " + dir + ": " + e.getMessage(), e);
        }
        return all;
    }

    private StateFile learnerFile(String id) {
        return new StateFile(folder.resolve("learners").resolve(id + ".json"));
    }

    private static <T> Optional<T> load(StateFile file, Class<T> type) {
        try {
            return file.load(type);
        } catch (IOException e) {
            throw new UncheckedIOException("the workshop's " + file.path().getFileName() + " could not be read: " + e.getMessage(), e);
        }
    }

    private static void save(StateFile file, Object state) {
        try {
            file.save(state);
        } catch (IOException e) {
            throw new UncheckedIOException("the workshop could not save " + file.path() + ": " + e.getMessage(), e);
        }
    }
}
