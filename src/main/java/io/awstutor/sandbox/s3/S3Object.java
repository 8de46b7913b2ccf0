package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.blob.BlobSegment;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of an object (or a delete marker), immutable: changing its ACL, tags or
 * restore state makes a new record that replaces it. {@code etag} is without quotes;
 * {@code segments} are its body files (one per part for a multipart object).
 * {@code sequence} orders versions and names the metadata file when persisted.
 */
public record S3Object(String bucket, String key, String versionId, long sequence, boolean deleteMarker,
                       List<BlobSegment> segments, long size, String etag, Instant lastModified,
                       ObjectHeaders headers, StorageClass storageClass,
                       Map<ChecksumAlgorithm, String> checksums, String checksumType, int partsCount,
                       String ownerAccount, Acl acl, Map<String, String> tags, RestoreStatus restore) {

    public S3Object {
        segments = segments == null ? List.of() : List.copyOf(segments);
        checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public String quotedEtag() {
        return '"' + etag + '"';
    }

    public S3Object withAcl(Acl newAcl) {
        return new S3Object(bucket, key, versionId, sequence, deleteMarker, segments, size, etag, lastModified, headers,
                storageClass, checksums, checksumType, partsCount, ownerAccount, newAcl, tags, restore);
    }

    public S3Object withTags(Map<String, String> newTags) {
        return new S3Object(bucket, key, versionId, sequence, deleteMarker, segments, size, etag, lastModified, headers,
                storageClass, checksums, checksumType, partsCount, ownerAccount, acl, newTags, restore);
    }

    public S3Object withRestore(RestoreStatus newRestore) {
        return new S3Object(bucket, key, versionId, sequence, deleteMarker, segments, size, etag, lastModified, headers,
                storageClass, checksums, checksumType, partsCount, ownerAccount, acl, tags, newRestore);
    }

    public static S3Object deleteMarker(String bucket, String key, String versionId, long sequence, Instant now, String owner) {
        return new S3Object(bucket, key, versionId, sequence, true, List.of(), 0, null, now, null,
                StorageClass.STANDARD, Map.of(), null, 0, owner, null, Map.of(), null);
    }
}
