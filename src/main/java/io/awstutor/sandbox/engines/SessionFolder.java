package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * This sandbox's folder under {@code ENGINE_CACHE/sessions/session-PID}: the pid of every
 * engine it runs (one file each, naming the engine's data) and, without --data, the engines'
 * data itself. A sandbox that died without closing (kill -9) leaves its folder behind; the
 * next one to start ends whatever engine is still listed there and removes the folder, so no
 * engine and no data outlives its sandbox for long, even where --pdeathsig is not available.
 */
final class SessionFolder implements AutoCloseable {
    private final Path folder;
    private final Path root;

    private SessionFolder(Path folder, Path root) {
        this.folder = folder;
        this.root = root;
    }

    /** Where every sandbox on the machine keeps its session folder, for engines cached in {@code cache}. */
    static Path base(Path cache, EngineUser user) throws IOException {
        return user.reachable(cache.resolve("sessions"), "sessions");
    }

    static SessionFolder open(Path cache, Optional<Path> dataDir, EngineUser user) throws IOException {
        Path base = base(cache, user);
        Files.createDirectories(base);
        sweep(base);
        Path folder = base.resolve("session-" + ProcessHandle.current().pid());
        Files.createDirectories(folder.resolve("pids"));
        Path root;
        if (dataDir.isPresent()) {
            Path preferred = dataDir.get().toAbsolutePath().resolve("rds-engines");
            root = user.reachable(preferred, "data-" + Integer.toHexString(preferred.toString().hashCode()));
        } else {
            root = folder.resolve("data");
        }
        Files.createDirectories(root);
        return new SessionFolder(folder, root);
    }

    Path root() {
        return root;
    }

    void record(long pid, Path dataFolder) {
        try {
            Files.writeString(folder.resolve("pids").resolve(String.valueOf(pid)), dataFolder.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("awstutor sandbox: engines: could not record pid " + pid + ": " + e.getMessage());
        }
    }

    void forget(long pid) {
        try {
            Files.deleteIfExists(folder.resolve("pids").resolve(String.valueOf(pid)));
        } catch (IOException ignored) {
            // the sweep of a later session removes it
        }
    }

    /** Ends the engines of sandboxes whose process is gone and removes their folders. */
    static void sweep(Path base) {
        try (Stream<Path> sessions = Files.list(base)) {
            for (Path session : sessions.toList()) {
                String name = session.getFileName().toString();
                if (!name.startsWith("session-")) {
                    continue;
                }
                long owner;
                try {
                    owner = Long.parseLong(name.substring("session-".length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                endListedEngines(session.resolve("pids"));
                DataFolders.delete(session);
            }
        } catch (IOException e) {
            System.err.println("awstutor sandbox: engines: could not clean up " + base + ": " + e.getMessage());
        }
    }

    private static void endListedEngines(Path pids) throws IOException {
        if (!Files.isDirectory(pids)) {
            return;
        }
        try (Stream<Path> files = Files.list(pids)) {
            for (Path file : files.toList()) {
                long pid = Long.parseLong(file.getFileName().toString());
                String dataFolder = Files.readString(file, StandardCharsets.UTF_8);
                // Only a process still running on that data: a pid reused by something else is left alone.
                ProcessHandle.of(pid).filter(p -> p.info().arguments().map(List::of).orElse(List.of()).stream()
                        .anyMatch(a -> a.startsWith(dataFolder))).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    @Override
    public void close() {
        try {
            DataFolders.delete(folder);
        } catch (IOException e) {
            System.err.println("awstutor sandbox: engines: could not remove " + folder + ": " + e.getMessage());
        }
    }
}
