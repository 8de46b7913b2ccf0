package io.awstutor.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The one way awstutor writes a file it must keep (sandbox state, S3 bodies and metadata,
 * the cost ledger, progress): the content goes to a temporary file in the target's own
 * folder, is forced to disk, renamed over the target in one atomic step, and then the folder
 * itself is forced so the rename survives a power cut. A crash leaves the old file or the new
 * one, never half of either; a failed write removes its temporary file; files are readable by
 * their owner only (they hold secret keys and passwords); and the temporary
 * files a killed process left behind are removed by {@link #removeLeftovers} at the next start.
 *
 * <p>Temporary files are named {@code .<target name>.~<random>.tmp}: hidden, never mistaken
 * for a state file, and recognisable by {@link #isLeftover}. This package depends on nothing
 * else in awstutor, so the shell's stores and the sandbox both use it.
 */
public final class DurableFiles {
    private static final String MARK = ".~";
    private static final String SUFFIX = ".tmp";
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");

    private DurableFiles() {
    }

    /** Replaces {@code file} with {@code content} durably, creating its folder if needed. */
    public static void write(Path file, byte[] content) throws IOException {
        try (Draft draft = draft(file.toAbsolutePath().getParent(), file.getFileName().toString())) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                draft.channel().write(buffer);
            }
            draft.publish(file, true);
        }
    }

    /**
     * A temporary file in {@code folder} to stream into (S3 bodies), published under its final
     * name by {@link Draft#publish}; closing an unpublished draft deletes it.
     */
    public static Draft draft(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + name + MARK + UUID.randomUUID().toString().replace("-", "") + SUFFIX);
        // owner-only, as Files.createTempFile made them: state files hold secret keys and passwords
        java.util.Set<java.nio.file.OpenOption> options = java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel channel = temp.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? FileChannel.open(temp, options, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : FileChannel.open(temp, options);
        return new Draft(temp, channel);
    }

    /** Makes a file this class did not create through a draft (an append-only log) owner-only too. */
    public static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /** Removes {@code file} and makes the removal durable (a deleted object must stay deleted after a crash). */
    public static boolean delete(Path file) throws IOException {
        boolean existed = Files.deleteIfExists(file);
        if (existed) {
            syncFolder(file.toAbsolutePath().getParent());
        }
        return existed;
    }

    /** Whether a file name is a temporary file of this class (what a killed writer leaves). */
    public static boolean isLeftover(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.contains(MARK) && name.endsWith(SUFFIX);
    }

    /** Deletes every leftover temporary file under {@code root} (at start, before anything is written); returns how many. */
    public static int removeLeftovers(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (isLeftover(p) && Files.isRegularFile(p) && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Deletes the leftover temporary files of one file (its siblings named after it), leaving the rest of its folder alone. */
    public static void removeLeftoversOf(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        // also the ".name.123.tmp" of the writers this class replaced
        String prefix = "." + file.getFileName() + ".";
        try (Stream<Path> siblings = Files.list(folder)) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(SUFFIX)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Forces a folder's entries (renames, creations, deletions) to disk; skipped only where the platform cannot (Windows). */
    public static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                throw e instanceof IOException io ? io : new IOException("cannot force folder " + folder, e);
            }
        }
    }

    /** A temporary file being written; see {@link #draft}. */
    public static final class Draft implements AutoCloseable {
        private final Path temp;
        private final FileChannel channel;
        private boolean published;

        private Draft(Path temp, FileChannel channel) {
            this.temp = temp;
            this.channel = channel;
        }

        public FileChannel channel() {
            return channel;
        }

        public Path path() {
            return temp;
        }

        /**
         * Forces the content (when {@code durable}), renames it to {@code target} atomically
         * (replacing what is there) and forces the target's folder, and the folder above it
         * when that folder had to be created. {@code durable == false} is for throwaway data
         * (the in-memory sandbox's spilled bodies): same rename, no fsync.
         */
        public void publish(Path target, boolean durable) throws IOException {
            if (durable) {
                channel.force(true);
            }
            channel.close();
            Path folder = target.toAbsolutePath().getParent();
            boolean created = !Files.isDirectory(folder);
            Files.createDirectories(folder);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            published = true;
            if (durable) {
                syncFolder(folder);
                if (created && folder.getParent() != null) {
                    syncFolder(folder.getParent());
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (!published) {
                try {
                    channel.close();
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }
}
