package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Where engines keep data: {@code ROOT/ACCOUNT/REGION/db/ID} for an instance (its server's
 * {@code data} folder and the admin's password file) and {@code .../snapshot/ID} for a DB
 * snapshot ({@code .../cluster-snapshot/ID} for a cluster's), which is a copy of an instance's folder taken while
 * its server was stopped.
 */
final class DataFolders {
    static final String ADMIN_SECRET = "admin.secret";
    private final Path root;

    DataFolders(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path instance(io.awstutor.sandbox.rds.DatabaseEngines.Ref ref) {
        return root.resolve(ref.account()).resolve(ref.region()).resolve("db").resolve(ref.id());
    }

    /**
     * Snapshots are named "snapshot:ID" (DB snapshots) and "cluster-snapshot:ID" in their Ref,
     * so they never collide with each other or with the instances.
     */
    Path snapshot(io.awstutor.sandbox.rds.DatabaseEngines.Ref ref) {
        int colon = ref.id().indexOf(':');
        String kind = colon < 0 ? "snapshot" : ref.id().substring(0, colon);
        return root.resolve(ref.account()).resolve(ref.region()).resolve(kind).resolve(ref.id().substring(colon + 1));
    }

    static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (p.getFileName().toString().equals("postmaster.pid")) {
                    continue;
                }
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        StandardCopyOption.REPLACE_EXISTING, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static long size(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}
