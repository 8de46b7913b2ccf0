package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.blob.BlobSegment;
import io.awstutor.sandbox.s3.blob.BlobStore;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;
import io.awstutor.sandbox.s3.blob.StoredBlob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Objects: put (streamed to the blob store, verified, then committed), resolve for GET and
 * HEAD, delete (with versioning's delete markers), and per-object ACL and tags.
 */
public final class ObjectOperations {
    public static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;
    private static final int MAX_KEY_BYTES = 1024;
    private static final int MAX_METADATA = 2048;

    private final S3Backend backend;

    ObjectOperations(S3Backend backend) {
        this.backend = backend;
    }

    /**
     * A PUT: where the body goes and what it must match. {@code expectedChecksums} is asked
     * only after the body was read to its end (trailing checksums arrive then).
     */
    public record PutRequest(String key, ObjectHeaders headers, StorageClass storageClass, Acl acl,
                             Map<String, String> tags, String ownerAccount, Set<ChecksumAlgorithm> algorithms,
                             Supplier<Map<ChecksumAlgorithm, String>> expectedChecksums, String contentMd5,
                             long expectedLength, Preconditions.Write preconditions) {
    }

    public static void checkKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw AwsException.badRequest("KeyTooLongError", "Your key is too long");
        }
    }

    public S3Object put(Bucket bucket, PutRequest request, InputStream body) throws IOException {
        checkKey(request.key());
        if (request.headers().userMetadataSize() > MAX_METADATA) {
            throw AwsException.badRequest("MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.")
                    .with("Size", String.valueOf(request.headers().userMetadataSize()))
                    .with("MaxSizeAllowed", String.valueOf(MAX_METADATA));
        }
        if (request.expectedLength() > MAX_SINGLE_PUT) {
            throw AwsException.badRequest("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
                    .with("ProposedSize", String.valueOf(request.expectedLength()))
                    .with("MaxSizeAllowed", String.valueOf(MAX_SINGLE_PUT));
        }
        byte[] md5 = decodeMd5(request.contentMd5());
        Set<ChecksumAlgorithm> algorithms = request.algorithms().isEmpty()
                ? EnumSet.of(ChecksumAlgorithm.CRC64NVME) : EnumSet.copyOf(request.algorithms());
        StoredBlob blob = write(body, algorithms, request.expectedLength());
        try {
            verify(blob, md5, request.expectedChecksums().get());
        } catch (AwsException e) {
            backend.discard(List.of(blob.segment()));
            throw e;
        }
        S3Object object = new S3Object(bucket.name(), request.key(), null, 0, false, List.of(blob.segment()), blob.size(),
                blob.md5Hex(), backend.now(), request.headers(), request.storageClass(), blob.checksums(), "FULL_OBJECT", 0,
                request.ownerAccount(), request.acl(), request.tags(), null);
        return commit(bucket, object, request.preconditions());
    }

    StoredBlob write(InputStream body, Set<ChecksumAlgorithm> algorithms, long expectedLength) throws IOException {
        try {
            return backend.blobs().write(body, algorithms, expectedLength);
        } catch (BlobStore.IncompleteBody e) {
            throw AwsException.badRequest("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header")
                    .with("NumberBytesExpected", String.valueOf(expectedLength))
                    .with("NumberBytesProvided", String.valueOf(e.received));
        }
    }

    static byte[] decodeMd5(String contentMd5) {
        if (contentMd5 == null) {
            return null;
        }
        try {
            byte[] md5 = Base64.getDecoder().decode(contentMd5.trim());
            if (md5.length == 16) {
                return md5;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to AWS's error
        }
        throw AwsException.badRequest("InvalidDigest", "The Content-MD5 you specified was invalid.").with("Content-MD5", contentMd5);
    }

    static void verify(StoredBlob blob, byte[] md5, Map<ChecksumAlgorithm, String> expected) {
        if (md5 != null && !java.util.Arrays.equals(md5, blob.md5())) {
            throw AwsException.badRequest("BadDigest", "The Content-MD5 you specified did not match what we received.")
                    .with("ExpectedDigest", Base64.getEncoder().encodeToString(md5))
                    .with("CalculatedDigest", Base64.getEncoder().encodeToString(blob.md5()));
        }
        for (Map.Entry<ChecksumAlgorithm, String> e : expected.entrySet()) {
            String actual = blob.checksums().get(e.getKey());
            if (actual != null && !actual.equals(e.getValue().trim())) {
                throw AwsException.badRequest("BadDigest", "The " + e.getKey().name()
                        + " you specified did not match the calculated checksum.");
            }
        }
    }

    /**
     * Makes {@code draft} the key's newest version: assigns its version id and sequence,
     * persists it, and removes the version it replaces (an unversioned or suspended
     * bucket's "null" version). Preconditions are checked under the bucket lock.
     */
    S3Object commit(Bucket bucket, S3Object draft, Preconditions.Write preconditions) {
        List<BlobSegment> garbage = new ArrayList<>();
        S3Object committed;
        bucket.lock.lock();
        try {
            if (backend.findBucket(bucket.name()).orElse(null) != bucket) {
                backend.discard(draft.segments());
                throw S3Backend.noSuchBucket(bucket.name());
            }
            KeyHistory history = bucket.keys().getOrDefault(draft.key(), new KeyHistory(List.of()));
            if (preconditions != null) {
                try {
                    preconditions.check(history.current(), draft.key());
                } catch (AwsException e) {
                    backend.discard(draft.segments());
                    throw e;
                }
            }
            String versionId = bucket.config().versioningEnabled() ? backend.randomId(32) : "null";
            committed = new S3Object(draft.bucket(), draft.key(), versionId, backend.nextSequence(), draft.deleteMarker(),
                    draft.segments(), draft.size(), draft.etag(), draft.lastModified(), draft.headers(), draft.storageClass(),
                    draft.checksums(), draft.checksumType(), draft.partsCount(), draft.ownerAccount(), draft.acl(),
                    draft.tags(), draft.restore());
            backend.store().saveObject(committed);
            Optional<S3Object> replaced = history.version(versionId);
            bucket.keys().put(draft.key(), history.push(committed));
            if (replaced.isPresent()) {
                backend.store().deleteObject(replaced.get());
                garbage.addAll(replaced.get().segments());
            }
        } finally {
            bucket.lock.unlock();
        }
        backend.discard(garbage);
        return committed;
    }

    /** The version a GET or HEAD reads, with S3's errors for missing keys and delete markers. */
    public S3Object resolve(Bucket bucket, String key, String versionId) {
        KeyHistory history = bucket.keys().get(key);
        if (versionId == null) {
            if (history == null || history.latest().isEmpty()) {
                throw S3Errors.noSuchKey(key);
            }
            S3Object latest = history.latest().get();
            if (latest.deleteMarker()) {
                throw S3Errors.noSuchKey(key).withHeader("x-amz-delete-marker", "true")
                        .withHeader("x-amz-version-id", latest.versionId());
            }
            return latest;
        }
        S3Object version = history == null ? null : history.version(versionId).orElse(null);
        if (version == null) {
            if (!"null".equals(versionId) && !versionId.matches("[A-Za-z0-9._]{32}")) {
                throw S3Errors.invalidArgument("Invalid version id specified", "versionId", versionId);
            }
            throw S3Errors.noSuchVersion(key, versionId);
        }
        if (version.deleteMarker()) {
            throw new AwsException("MethodNotAllowed", "The specified method is not allowed against this resource.", 405)
                    .with("Method", "GET").with("ResourceType", "DeleteMarker")
                    .withHeader("x-amz-delete-marker", "true").withHeader("x-amz-version-id", versionId);
        }
        return version;
    }

    /** GetObject's extra rule: archived objects need a completed, unexpired restore. */
    public void checkReadable(S3Object object) {
        if (object.storageClass().archived()
                && (object.restore() == null || !object.restore().readable(backend.now()))) {
            throw S3Errors.invalidObjectState(object.storageClass());
        }
        backend.blobs().firstMissing(object.segments()).ifPresent(missing -> {
            // the data folder lost a body (removed by hand, a full disk's fsck): say so before the 200 goes out
            System.err.println("awstutor sandbox: s3://" + object.bucket() + "/" + object.key() + ": " + missing);
            throw new AwsException("InternalError", "We encountered an internal error. Please try again.", 500, false);
        });
    }

    /** What a delete did: the version it created or removed, and whether that was a delete marker. */
    public record DeleteResult(String versionId, boolean deleteMarker) {
    }

    public DeleteResult delete(Bucket bucket, String key, String versionId, String requesterAccount) {
        return delete(bucket, key, versionId, requesterAccount, null);
    }

    /**
     * A conditional delete ({@code ifMatch} not null: an ETag or {@code *}) removes the object
     * only while it is still the one the caller saw: a mismatch is 412, a missing object 404,
     * checked under the bucket's lock so no write slips in between.
     */
    public DeleteResult delete(Bucket bucket, String key, String versionId, String requesterAccount, String ifMatch) {
        List<BlobSegment> garbage = new ArrayList<>();
        try {
            bucket.lock.lock();
            try {
                KeyHistory history = bucket.keys().getOrDefault(key, new KeyHistory(List.of()));
                if (ifMatch != null) {
                    S3Object target = (versionId == null ? history.current() : history.version(versionId))
                            .filter(o -> !o.deleteMarker()).orElseThrow(() -> S3Errors.noSuchKey(key));
                    if (!Preconditions.etagMatches(ifMatch, target.quotedEtag())) {
                        throw Preconditions.failed("If-Match");
                    }
                }
                if (versionId != null) {
                    Optional<S3Object> version = history.version(versionId);
                    if (version.isEmpty()) {
                        if (!"null".equals(versionId) && !versionId.matches("[A-Za-z0-9._]{32}")) {
                            throw S3Errors.invalidArgument("Invalid version id specified", "versionId", versionId);
                        }
                        return new DeleteResult(versionId, false);
                    }
                    backend.store().deleteObject(version.get());
                    garbage.addAll(version.get().segments());
                    putHistory(bucket, key, history.remove(versionId));
                    return new DeleteResult(versionId, version.get().deleteMarker());
                }
                String versioning = bucket.config().versioning();
                if (versioning == null) {
                    history.latest().ifPresent(o -> {
                        backend.store().deleteObject(o);
                        garbage.addAll(o.segments());
                    });
                    bucket.keys().remove(key);
                    return new DeleteResult(null, false);
                }
                String markerId = "Enabled".equals(versioning) ? backend.randomId(32) : "null";
                history.version(markerId).ifPresent(o -> {
                    backend.store().deleteObject(o);
                    garbage.addAll(o.segments());
                });
                S3Object marker = S3Object.deleteMarker(bucket.name(), key, markerId, backend.nextSequence(),
                        backend.now(), requesterAccount);
                backend.store().saveObject(marker);
                bucket.keys().put(key, history.push(marker));
                return new DeleteResult(markerId, true);
            } finally {
                bucket.lock.unlock();
            }
        } finally {
            backend.discard(garbage);
        }
    }

    private static void putHistory(Bucket bucket, String key, KeyHistory history) {
        if (history.isEmpty()) {
            bucket.keys().remove(key);
        } else {
            bucket.keys().put(key, history);
        }
    }

    /** Replaces a version's record (ACL, tags, restore) in place; its body is unchanged. */
    public S3Object update(Bucket bucket, S3Object object, java.util.function.UnaryOperator<S3Object> change) {
        bucket.lock.lock();
        try {
            KeyHistory history = bucket.keys().get(object.key());
            S3Object current = history == null ? null : history.version(object.versionId()).orElse(null);
            if (current == null) {
                throw S3Errors.noSuchKey(object.key());
            }
            S3Object next = change.apply(current);
            backend.store().saveObject(next);
            bucket.keys().put(object.key(), history.replace(next));
            return next;
        } finally {
            bucket.lock.unlock();
        }
    }

    /** Whether {@code version} is its key's newest version. */
    public boolean isLatest(Bucket bucket, S3Object version) {
        KeyHistory history = bucket.keys().get(version.key());
        return history != null && history.latest().map(l -> l.versionId().equals(version.versionId())).orElse(false);
    }
}
