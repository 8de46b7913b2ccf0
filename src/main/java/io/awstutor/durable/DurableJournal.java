package io.awstutor.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A state kept as a snapshot file plus an append-only log of the changes made since it, so a
 * change costs a write of that change (one line, forced to disk) instead of a rewrite of the
 * whole state; {@link #compact} folds the log into a new snapshot when the log has grown to
 * the snapshot's size, so the two together never take more than about twice the state.
 *
 * <p>Each log entry is one line ending in {@code \n}. A line without its end is an append a
 * crash cut off (never acknowledged: the caller answers only after {@link #append} returned)
 * and is dropped when the journal is read and cut from the file before anything is appended.
 * The snapshot and a compacted log are written by {@link DurableFiles} (atomic replace), and
 * the caller numbers its entries and records in the snapshot the last number it contains, so
 * a crash between writing the snapshot and replacing the log replays nothing twice.
 * Not thread-safe: its one writer at a time is the caller's group commit.
 */
public final class DurableJournal {
    private final Path snapshot;
    private final Path log;
    // read by the caller's changes (wantsCompaction) while its writer thread updates them
    private volatile long logBytes;
    private volatile long snapshotBytes;
    /** An append failed and could not be cut back: the log is only trusted again after a compaction. */
    private volatile boolean broken;

    /** What is on disk: the snapshot (if one was written) and the complete log lines after it, in order. */
    public record Contents(Optional<byte[]> snapshot, List<byte[]> entries) {
    }

    public DurableJournal(Path snapshot, Path log) throws IOException {
        this.snapshot = snapshot.toAbsolutePath();
        this.log = log.toAbsolutePath();
        DurableFiles.removeLeftoversOf(this.snapshot);
        DurableFiles.removeLeftoversOf(this.log);
    }

    public Path snapshotPath() {
        return snapshot;
    }

    public Path logPath() {
        return log;
    }

    /** Reads the snapshot and the log's complete lines; a torn last line is dropped (and cut from the file before the next append). */
    public Contents read() throws IOException {
        Optional<byte[]> saved;
        try {
            saved = Optional.of(Files.readAllBytes(snapshot));
        } catch (NoSuchFileException e) {
            saved = Optional.empty();
        }
        snapshotBytes = saved.map(b -> (long) b.length).orElse(0L);
        List<byte[]> entries = new ArrayList<>();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(log);
        } catch (NoSuchFileException e) {
            bytes = new byte[0];
        }
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i > start) {
                    entries.add(java.util.Arrays.copyOfRange(bytes, start, i));
                }
                start = i + 1;
            }
        }
        logBytes = start;
        return new Contents(saved, entries);
    }

    /** Appends the entries (one line each; they must not contain a line break) and forces them to disk. */
    public void append(List<byte[]> entries) throws IOException {
        if (broken) {
            throw new IOException("the log " + log + " holds a failed append; it is written again whole at the next change");
        }
        int size = 0;
        for (byte[] entry : entries) {
            size += entry.length + 1;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] entry : entries) {
            buffer.put(entry).put((byte) '\n');
        }
        buffer.flip();
        // opened for each append (microseconds beside the fsync): a log replaced or removed under
        // us is noticed instead of written into a file nobody will read
        try (FileChannel out = open()) {
            try {
                while (buffer.hasRemaining()) {
                    out.write(buffer, logBytes + buffer.position());
                }
                out.force(false);
                logBytes += size;
            } catch (IOException | RuntimeException e) {
                try {
                    out.truncate(logBytes);
                    out.force(false);
                } catch (IOException | RuntimeException cut) {
                    broken = true;
                    e.addSuppressed(cut);
                }
                throw e;
            }
        }
    }

    /**
     * Replaces the snapshot with {@code state}, which must contain every entry of the log, then
     * empties the log. The snapshot's replacement is the one step that counts: once it is on
     * disk the change is durable, so a log that cannot be emptied afterwards is only left to
     * grow (the caller's numbers in the snapshot tell the reader to skip its old entries).
     */
    public void compact(byte[] state) throws IOException {
        DurableFiles.write(snapshot, state);
        snapshotBytes = state.length;
        try {
            DurableFiles.write(log, new byte[0]);
            logBytes = 0;
            broken = false;
        } catch (IOException e) {
            // the entries left in the log are all in the snapshot; appending after them stays correct
        }
    }

    /** Whether the next write should be a {@link #compact}: the log outgrew the snapshot (and a floor), or an append left it untrusted. */
    public boolean wantsCompaction(long floorBytes) {
        return broken || logBytes > Math.max(floorBytes, snapshotBytes);
    }

    private FileChannel open() throws IOException {
        if (!Files.isDirectory(log.getParent())) {
            // not on every append: createDirectories tries mkdir first, a syscall and an exception each time
            Files.createDirectories(log.getParent());
        }
        boolean created = !Files.exists(log);
        FileChannel out = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            long size = out.size();
            if (size < logBytes) {
                throw new IOException("the log " + log + " is shorter than what was written to it (" + size + " < "
                        + logBytes + " bytes): it was replaced or cut by something else");
            }
            if (size > logBytes) {
                // a torn tail (a crash, or an append that failed half-way) goes before anything follows it
                out.truncate(logBytes);
            }
            if (created) {
                DurableFiles.ownerOnly(log);
                DurableFiles.syncFolder(log.getParent());
            }
            return out;
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

}
