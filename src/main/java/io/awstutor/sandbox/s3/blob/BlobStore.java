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
import java.util.UUID;
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

    private final Path root;
    private final Path tmp;
    private final boolean durable;

    public BlobStore(Path root, boolean durable) {
        this.root = root;
        this.tmp = root.resolve("tmp");
        this.durable = durable;
        try {
            Files.createDirectories(tmp);
            // bodies a killed process was still receiving: never named by any object
            try (Stream<Path> leftovers = Files.list(tmp)) {
                for (Path p : (Iterable<Path>) leftovers::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            DurableFiles.removeLeftovers(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
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
        String id = UUID.randomUUID().toString().replace("-", "");
        MessageDigest md5 = md5();
        Map<ChecksumAlgorithm, ChecksumAlgorithm.Hasher> hashers = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm algorithm : algorithms) {
            hashers.put(algorithm, algorithm.newHasher());
        }
        long size = 0;
        try (DurableFiles.Draft draft = DurableFiles.draft(tmp, id)) {
            FileChannel channel = draft.channel();
            byte[] buffer = new byte[BUFFER];
            ByteBuffer wrap = ByteBuffer.wrap(buffer);
            int n;
            while ((n = in.read(buffer)) >= 0) {
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
                wrap.clear().limit(n);
                while (wrap.hasRemaining()) {
                    channel.write(wrap);
                }
            }
            if (expectedLength >= 0 && size < expectedLength) {
                throw new IncompleteBody(size);
            }
            draft.publish(pathOf(id), durable);
        }
        Map<ChecksumAlgorithm, String> sums = new EnumMap<>(ChecksumAlgorithm.class);
        hashers.forEach((a, h) -> sums.put(a, h.base64()));
        return new StoredBlob(id, size, md5.digest(), sums);
    }

    /** Writes bytes {@code [from, from+length)} of the segments to {@code out}. */
    public void copyRange(List<BlobSegment> segments, long from, long length, OutputStream out) throws IOException {
        long skip = from;
        long remaining = length;
        byte[] buffer = new byte[BUFFER];
        for (BlobSegment segment : segments) {
            if (remaining <= 0) {
                break;
            }
            if (skip >= segment.size()) {
                skip -= segment.size();
                continue;
            }
            try (FileChannel channel = FileChannel.open(pathOf(segment.id()), StandardOpenOption.READ)) {
                channel.position(skip);
                long take = Math.min(remaining, segment.size() - skip);
                ByteBuffer wrap = ByteBuffer.wrap(buffer);
                while (take > 0) {
                    wrap.clear().limit((int) Math.min(buffer.length, take));
                    int n = channel.read(wrap);
                    if (n < 0) {
                        throw new IOException("blob " + segment.id() + " is shorter than recorded");
                    }
                    out.write(buffer, 0, n);
                    take -= n;
                    remaining -= n;
                }
            } catch (NoSuchFileException e) {
                throw new IOException("blob " + segment.id() + " is gone", e);
            }
            skip = 0;
        }
    }

    /** Why a segment cannot be read (its file is gone or shorter than recorded), or empty when all can. */
    public java.util.Optional<String> firstMissing(List<BlobSegment> segments) {
        for (BlobSegment segment : segments) {
            Path file = pathOf(segment.id());
            try {
                if (Files.size(file) < segment.size()) {
                    return java.util.Optional.of("the body file " + file + " is shorter than recorded");
                }
            } catch (IOException e) {
                return java.util.Optional.of("the body file " + file + " is missing");
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
            try {
                Files.deleteIfExists(pathOf(segment.id()));
            } catch (IOException ignored) {
                // an unreferenced blob is harmless; retainOnly removes it at the next start
            }
        }
    }

    /** Removes every blob not in {@code referenced} (leftovers of a crash). */
    public void retainOnly(Set<String> referenced) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && !p.startsWith(tmp) && !referenced.contains(p.getFileName().toString())) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    Path pathOf(String id) {
        if (!id.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("not a blob id: " + id);
        }
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes everything (the in-memory sandbox's temp folder on close). */
    public void destroy() {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it is a temp folder
        }
    }
}
