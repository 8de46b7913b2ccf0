package io.awstutor.durable;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary files and folders that belong to this process: their names carry its PID
 * ({@code PREFIX<pid>-<random>}), so whoever creates the next one removes those a killed
 * process left behind (its PID no longer alive), which nothing else would ever remove.
 */
public final class OwnedTempFiles {
    private OwnedTempFiles() {
    }

    public static Path createFile(String prefix, String suffix) throws IOException {
        Path tmp = tempRoot();
        sweep(tmp, prefix);
        Path file = Files.createTempFile(tmp, prefix + ProcessHandle.current().pid() + "-", suffix);
        file.toFile().deleteOnExit();
        return file;
    }

    public static Path createDirectory(String prefix) throws IOException {
        Path tmp = tempRoot();
        sweep(tmp, prefix);
        return Files.createTempDirectory(tmp, prefix + ProcessHandle.current().pid() + "-");
    }

    private static Path tempRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** Removes what processes no longer running left under {@code prefix}; what cannot be removed stays. */
    static void sweep(Path folder, String prefix) {
        Pattern owned = Pattern.compile(Pattern.quote(prefix) + "(\\d+)-.*");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, prefix + "*")) {
            for (Path entry : entries) {
                Matcher m = owned.matcher(entry.getFileName().toString());
                if (m.matches() && !alive(m.group(1))) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up after others is a courtesy: it never stops this process from starting
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a PID we wrote: leave it
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // another process's file we may not remove: leave it
                }
            });
        } catch (IOException | RuntimeException ignored) {
            // gone already, or not ours to walk
        }
    }
}
