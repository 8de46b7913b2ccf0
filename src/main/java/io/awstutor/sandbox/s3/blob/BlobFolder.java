package io.awstutor.sandbox.s3.blob;

import io.awstutor.durable.DurableFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where body files go: a data folder's {@code blobs}, or for an in-memory sandbox a temp folder
 * made at the first body that spills (most sandboxes never: the start made, listed and swept
 * one it then never used). Its {@code tmp} holds bodies still arriving; what a killed process
 * left there, or half-written, is removed when the folder is first used.
 */
final class BlobFolder {
    /** The sub-folder of bodies still arriving. */
    static final String DRAFTS = "tmp";

    private final BlobStore.FolderSource source;
    private volatile Path made;

    BlobFolder(BlobStore.FolderSource source) {
        this.source = source;
    }

    /** The folder, made (and cleared of a killed process's drafts) now if not yet. */
    Path path() throws IOException {
        Path folder = made;
        if (folder != null) {
            return folder;
        }
        synchronized (this) {
            if (made == null) {
                Path fresh = source.make();
                Path drafts = fresh.resolve(DRAFTS);
                Files.createDirectories(drafts);
                try (Stream<Path> leftovers = Files.list(drafts)) {
                    for (Path p : (Iterable<Path>) leftovers::iterator) {
                        Files.deleteIfExists(p);
                    }
                }
                DurableFiles.removeLeftovers(fresh);
                made = fresh;
            }
            return made;
        }
    }

    /** Where bodies still arriving are written. */
    Path drafts() throws IOException {
        return path().resolve(DRAFTS);
    }

    /** The folder if it was made: what is to clean up or walk, never a reason to make it. */
    Optional<Path> ifMade() {
        return Optional.ofNullable(made);
    }
}
