package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.access.CanonicalIds;
import io.awstutor.sandbox.s3.blob.BlobSegment;
import io.awstutor.sandbox.s3.blob.BlobStore;
import io.awstutor.sandbox.s3.persist.FileS3Store;
import io.awstutor.sandbox.s3.persist.S3Store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * S3's state: the global bucket namespace (one across all accounts), the blob store and the
 * metadata store. The operations live in {@link BucketOperations}, {@link ObjectOperations},
 * {@link ObjectListing} and {@link MultipartOperations}; this class is what they share.
 */
public final class S3Backend implements AutoCloseable {
    private static final char[] ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._".toCharArray();

    private final SandboxContext context;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final BlobStore blobs;
    private final S3Store store;
    private final boolean temporary;
    private final AtomicLong sequence = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final CanonicalIds canonicalIds = new CanonicalIds();

    private final BucketOperations bucketOperations;
    private final ObjectOperations objectOperations;
    private final ObjectListing listing;
    private final MultipartOperations multipart;

    public S3Backend(SandboxContext context) {
        this.context = context;
        Optional<Path> dir = context.dataDirFor("s3");
        if (dir.isPresent()) {
            this.blobs = BlobStore.durable(dir.get().resolve("blobs"));
            this.store = new FileS3Store(dir.get().resolve("meta"));
            this.temporary = false;
        } else {
            this.blobs = BlobStore.inMemory(() -> io.awstutor.durable.OwnedTempFiles.createDirectory("awstutor-s3-"));
            this.store = S3Store.NONE;
            this.temporary = true;
        }
        this.bucketOperations = new BucketOperations(this);
        this.objectOperations = new ObjectOperations(this);
        this.listing = new ObjectListing(this);
        this.multipart = new MultipartOperations(this);
        load();
    }

    private void load() {
        S3Store.Snapshot snapshot = store.load();
        Set<String> referenced = new HashSet<>();
        for (BucketConfig config : snapshot.buckets()) {
            buckets.put(config.name(), new Bucket(config));
        }
        snapshot.objects().stream().sorted(java.util.Comparator.comparingLong(S3Object::sequence)).forEach(object -> {
            sequence.accumulateAndGet(object.sequence(), Math::max);
            Bucket bucket = buckets.get(object.bucket());
            if (bucket == null) {
                store.deleteObject(object);
                return;
            }
            KeyHistory history = bucket.keys().getOrDefault(object.key(), new KeyHistory(java.util.List.of()));
            Optional<S3Object> replaced = history.version(object.versionId());
            // a crash between writing the new version and removing the one it replaced leaves both
            replaced.ifPresent(store::deleteObject);
            bucket.keys().put(object.key(), history.push(object));
        });
        for (Bucket bucket : buckets.values()) {
            for (KeyHistory history : bucket.keys().values()) {
                for (S3Object o : history.versions()) {
                    o.segments().forEach(s -> referenced.add(s.id()));
                }
            }
        }
        for (S3Store.SavedUpload saved : snapshot.uploads()) {
            Bucket bucket = buckets.get(saved.spec().bucket());
            if (bucket == null) {
                store.deleteUpload(saved.spec().uploadId());
                continue;
            }
            if (saved.parts().stream().anyMatch(p -> referenced.contains(p.segment().id()))) {
                // completed, and killed before its record was removed: the parts are an object's now
                store.deleteUpload(saved.spec().uploadId());
                continue;
            }
            MultipartUpload upload = new MultipartUpload(saved.spec());
            saved.parts().forEach(p -> {
                upload.parts().put(p.partNumber(), p);
                referenced.add(p.segment().id());
            });
            bucket.uploads().put(saved.spec().uploadId(), upload);
        }
        try {
            blobs.retainOnly(referenced);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BucketOperations buckets() {
        return bucketOperations;
    }

    public ObjectOperations objects() {
        return objectOperations;
    }

    public ObjectListing listing() {
        return listing;
    }

    public MultipartOperations multipart() {
        return multipart;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public CanonicalIds canonicalIds() {
        return canonicalIds;
    }

    public SandboxContext context() {
        return context;
    }

    S3Store store() {
        return store;
    }

    /** Every account's buckets, for the sandbox's usage meter. */
    public java.util.List<Bucket> allBuckets() {
        return java.util.List.copyOf(bucketMap().values());
    }

    Map<String, Bucket> bucketMap() {
        return buckets;
    }

    public Instant now() {
        return context.now();
    }

    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** Version ids and upload ids: 32 URL-safe random characters, like S3's. */
    String randomId(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(out);
    }

    /** The bucket, or S3's NoSuchBucket. */
    public Bucket bucket(String name) {
        Bucket bucket = buckets.get(name);
        if (bucket == null) {
            throw noSuchBucket(name);
        }
        return bucket;
    }

    public Optional<Bucket> findBucket(String name) {
        return Optional.ofNullable(buckets.get(name));
    }

    static AwsException noSuchBucket(String name) {
        return AwsException.notFound("NoSuchBucket", "The specified bucket does not exist").with("BucketName", name);
    }

    void discard(Collection<BlobSegment> segments) {
        blobs.delete(segments);
    }

    @Override
    public void close() {
        if (temporary) {
            blobs.destroy();
        }
    }
}
