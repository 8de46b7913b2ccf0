package io.awstutor.sandbox.s3.blob;

import io.awstutor.durable.DurableFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Object bodies on disk. Every body is streamed to a {@link DurableFiles} draft (hashing as it
 * goes), published (fsync'd, with its folder, when the store is durable) under its final name: a random id, so no key (with
 * {@code ..}, {@code %}, slashes or unicode) ever becomes part of a path. A blob is only
 * visible once the object metadata naming it is committed; blobs no metadata names (a crash
 * between the two steps) are removed by {@link #retainOnly}.
 */
public final class BlobStore {
    private static final int BUFFER = 64 * 1024;

    /** In memory (no data folder): a body up to this size is kept as bytes ... */
    static final int MEMORY_BODY_LIMIT = 8 * 1024 * 1024;
    /** ... while all bodies kept so together stay under this; the rest spill to files. */
    static final long MEMORY_BUDGET = 256L * 1024 * 1024;

    private final BlobFolder folder;
    private final boolean durable;
    private final int memoryBodyLimit;
    private final long memoryBudget;
    private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
    private final AtomicLong memoryBytes = new AtomicLong();

    /** Where body files go: made on demand, so an in-memory store that never spills touches no disk. */
    @FunctionalInterface
    public interface FolderSource {
        Path make() throws IOException;
    }

    /** The bodies of a data folder: files under {@code root}, fsync'd, leftovers of a crash removed now. */
    public static BlobStore durable(Path root) {
        BlobStore store = new BlobStore(() -> root, true, 0, 0);
        try {
            store.folder.path();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store;
    }

    /**
     * Bodies in memory; the folder for those that spill is asked of {@code folder} when the first
     * one does (the sandbox's start made and swept a temp folder it then never used).
     */
    public static BlobStore inMemory(FolderSource folder) {
        return new BlobStore(folder, false, MEMORY_BODY_LIMIT, MEMORY_BUDGET);
    }

    /**
     * {@code durable}: bodies are files, fsync'd (a data folder). Otherwise bodies live in
     * memory up to {@code memoryBodyLimit} each and {@code memoryBudget} together, and only
     * bigger ones (or those past the budget) go to files in the folder, so a lesson's
     * hundred small objects touch no disk and a 1 GiB multipart upload stays out of the heap.
     */
    BlobStore(FolderSource source, boolean durable, int memoryBodyLimit, long memoryBudget) {
        this.folder = new BlobFolder(source);
        this.durable = durable;
        this.memoryBodyLimit = durable ? 0 : memoryBodyLimit;
        this.memoryBudget = durable ? 0 : memoryBudget;
    }

    /** The folder of body files, if this store has made one. */
    public java.util.Optional<Path> madeFolder() {
        return folder.ifMade();
    }

    public boolean durable() {
        return durable;
    }

    /** Thrown when the body ended before the length the request announced. */
    public static final class IncompleteBody extends IOException {
        private static final long serialVersionUID = 1L;
        public final long received;

        IncompleteBody(long received) {
            super("incomplete body: " + received);
            this.received = received;
        }
    }

    /**
     * Streams {@code in} into a new blob, computing MD5 and the given checksums.
     * {@code expectedLength} &lt; 0 means unknown.
     */
    public StoredBlob write(InputStream in, Set<ChecksumAlgorithm> algorithms, long expectedLength) throws IOException {
        return write(in, algorithms, expectedLength, Long.MAX_VALUE);
    }

    public StoredBlob write(InputStream in, Set<ChecksumAlgorithm> algorithms, long expectedLength, long limit) throws IOException {
        // unique, not secret: UUID.randomUUID's SecureRandom is one lock all uploads queued on
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String id = HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
        MessageDigest md5 = md5();
        Map<ChecksumAlgorithm, ChecksumAlgorithm.Hasher> hashers = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm algorithm : algorithms) {
            hashers.put(algorithm, algorithm.newHasher());
        }
        long size = 0;
        try (Sink sink = new Sink(id, expectedLength)) {
            byte[] buffer = new byte[expectedLength >= 0 && expectedLength < BUFFER ? (int) expectedLength + 1 : BUFFER];
            int n;
            while ((n = readBody(in, buffer, size, expectedLength)) >= 0) {
                if (n == 0) {
                    continue;
                }
                size += n;
                if (size > limit) {
                    throw new IOException("body exceeds " + limit);
                }
                md5.update(buffer, 0, n);
                for (ChecksumAlgorithm.Hasher h : hashers.values()) {
                    h.update(buffer, 0, n);
                }
                sink.write(buffer, n);
            }
            if (expectedLength >= 0 && size < expectedLength) {
                throw new IncompleteBody(size);
            }
            sink.publish();
        }
        Map<ChecksumAlgorithm, String> sums = new EnumMap<>(ChecksumAlgorithm.class);
        hashers.forEach((a, h) -> sums.put(a, h.base64()));
        return new StoredBlob(id, size, md5.digest(), sums);
    }

    /** Where one body goes while it arrives: bytes in memory while they fit, else a draft file. */
    private final class Sink implements AutoCloseable {
        private final String id;
        private final long cap;
        private java.io.ByteArrayOutputStream held;
        private DurableFiles.Draft draft;

        Sink(String id, long expectedLength) throws IOException {
            this.id = id;
            this.cap = Math.min(memoryBodyLimit, memoryBudget - memoryBytes.get());
            if (cap > 0) {
                held = new java.io.ByteArrayOutputStream(expectedLength >= 0 && expectedLength <= cap ? (int) expectedLength : 32);
            } else {
                draft = DurableFiles.draft(folder.drafts(), id);
            }
        }

        void write(byte[] buffer, int n) throws IOException {
            if (held != null && held.size() + (long) n <= cap) {
                held.write(buffer, 0, n);
                return;
            }
            if (draft == null) {
                draft = DurableFiles.draft(folder.drafts(), id);
                writeAll(draft.channel(), held.toByteArray(), held.size());
                held = null;
            }
            writeAll(draft.channel(), buffer, n);
        }

        void publish() throws IOException {
            if (draft != null) {
                draft.publish(pathOf(id), durable);
            } else {
                byte[] bytes = held.toByteArray();
                memoryBytes.addAndGet(bytes.length);
                memory.put(id, bytes);
            }
        }

        @Override
        public void close() throws IOException {
            if (draft != null) {
                draft.close();
            }
        }

        private void writeAll(FileChannel channel, byte[] bytes, int n) throws IOException {
            ByteBuffer wrap = ByteBuffer.wrap(bytes, 0, n);
            while (wrap.hasRemaining()) {
                channel.write(wrap);
            }
        }
    }

    /** One segment's bytes from {@code skip} on, from memory or from its file. */
    InputStream openSegment(BlobSegment segment, long skip) throws IOException {
        byte[] held = memory.get(segment.id());
        if (held != null) {
            return new java.io.ByteArrayInputStream(held, (int) skip, held.length - (int) skip);
        }
        try {
            FileChannel channel = FileChannel.open(pathOf(segment.id()), StandardOpenOption.READ);
            channel.position(skip);
            return java.nio.channels.Channels.newInputStream(channel);
        } catch (NoSuchFileException e) {
            throw new IOException("blob " + segment.id() + " is gone", e);
        }
    }

    /**
     * A read of the request body. The HTTP layer reports a client that hung up before sending
     * the length it announced as an IOException; that is S3's IncompleteBody (400), not a
     * failure of the sandbox.
     */
    private static int readBody(InputStream in, byte[] buffer, long size, long expectedLength) throws IOException {
        try {
            return in.read(buffer);
        } catch (IncompleteBody e) {
            throw e;
        } catch (IOException e) {
            if (expectedLength >= 0 && size < expectedLength) {
                throw new IncompleteBody(size);
            }
            throw e;
        }
    }

    /** Writes bytes {@code [from, from+length)} of the segments to {@code out}. */
    public void copyRange(List<BlobSegment> segments, long from, long length, OutputStream out) throws IOException {
        long skip = from;
        long remaining = length;
        byte[] buffer = null;
        for (BlobSegment segment : segments) {
            if (remaining <= 0) {
                break;
            }
            if (skip >= segment.size()) {
                skip -= segment.size();
                continue;
            }
            byte[] held = memory.get(segment.id());
            if (held != null) { // straight from memory: no buffer, no stream
                int take = (int) Math.min(remaining, held.length - skip);
                out.write(held, (int) skip, take);
                remaining -= take;
                skip = 0;
                continue;
            }
            if (buffer == null) {
                buffer = new byte[BUFFER];
            }
            try (InputStream in = openSegment(segment, skip)) {
                long take = Math.min(remaining, segment.size() - skip);
                while (take > 0) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, take));
                    if (n < 0) {
                        throw new IOException("blob " + segment.id() + " is shorter than recorded");
                    }
                    out.write(buffer, 0, n);
                    take -= n;
                    remaining -= n;
                }
            }
            skip = 0;
        }
    }

    /** Why a segment cannot be read (its file is gone or shorter than recorded), or empty when all can. */
    public java.util.Optional<String> firstMissing(List<BlobSegment> segments) {
        for (BlobSegment segment : segments) {
            if (memory.containsKey(segment.id())) {
                continue;
            }
            Path file = null;
            try {
                file = pathOf(segment.id());
                if (Files.size(file) < segment.size()) {
                    return java.util.Optional.of("the body file " + file + " is shorter than recorded");
                }
            } catch (IOException e) {
                return java.util.Optional.of("the body file " + (file != null ? file : segment.id()) + " is missing");
            }
        }
        return java.util.Optional.empty();
    }

    /** A stream over a range of the segments (for copies and UploadPartCopy). */
    public InputStream openRange(List<BlobSegment> segments, long from, long length) {
        return new SegmentInputStream(this, segments, from, length);
    }

    public void delete(Collection<BlobSegment> segments) {
        for (BlobSegment segment : segments) {
            byte[] held = memory.remove(segment.id());
            if (held != null) {
                memoryBytes.addAndGet(-held.length);
                continue;
            }
            try {
                Files.deleteIfExists(pathOf(segment.id()));
            } catch (IOException ignored) {
                // an unreferenced blob is harmless; retainOnly removes it at the next start
            }
        }
    }

    /** Removes every blob not in {@code referenced} (leftovers of a crash). */
    public void retainOnly(Set<String> referenced) throws IOException {
        java.util.Optional<Path> made = folder.ifMade();
        if (made.isEmpty()) {
            return; // no body was ever a file
        }
        Path drafts = made.get().resolve(BlobFolder.DRAFTS);
        try (Stream<Path> files = Files.walk(made.get())) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && !p.startsWith(drafts) && !referenced.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    Path pathOf(String id) throws IOException {
        if (!id.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a blob id: " + id);
        }
        return folder.path().resolve(id.substring(0, 2)).resolve(id);
    }

    /** Copied for every body (a provider look-up per PutObject otherwise); never used itself, so nothing shared changes. */
    private static final MessageDigest MD5_PROTOTYPE = newMd5();

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest md5() {
        try {
            return (MessageDigest) MD5_PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return newMd5();
        }
    }

    /** Deletes everything (the in-memory sandbox's temp folder on close). */
    public void destroy() {
        memory.clear();
        memoryBytes.set(0);
        java.util.Optional<Path> made = folder.ifMade();
        if (made.isEmpty()) {
            return;
        }
        try (Stream<Path> files = Files.walk(made.get())) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp folder
        }
    }
}
