package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.blob.BlobSegment;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A multipart upload in progress: what CreateMultipartUpload fixed (the spec) and the parts
 * uploaded so far (a re-uploaded part number replaces the earlier one).
 */
public final class MultipartUpload {

    /** What the upload will become. {@code checksumType} is COMPOSITE or FULL_OBJECT when an algorithm is set. */
    public record Spec(String uploadId, String bucket, String key, Instant initiated, String initiatorAccount,
                       String initiatorArn, ObjectHeaders headers, StorageClass storageClass, Acl acl,
                       Map<String, String> tags, ChecksumAlgorithm checksumAlgorithm, String checksumType) {
    }

    public record Part(int partNumber, BlobSegment segment, String etag, Instant lastModified,
                       Map<ChecksumAlgorithm, String> checksums) {
        public Part {
            checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
        }

        public long size() {
            return segment.size();
        }
    }

    private final Spec spec;
    private final ConcurrentSkipListMap<Integer, Part> parts = new ConcurrentSkipListMap<>();

    public MultipartUpload(Spec spec) {
        this.spec = spec;
    }

    public Spec spec() {
        return spec;
    }

    public ConcurrentSkipListMap<Integer, Part> parts() {
        return parts;
    }
}
