package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;
import io.awstutor.sandbox.s3.blob.StoredBlob;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** CopyObject: a new object whose body is read from an existing one (never shared files). */
public final class ObjectCopy {
    private final S3Backend backend;

    public ObjectCopy(S3Backend backend) {
        this.backend = backend;
    }

    /**
     * {@code replaceHeaders} null keeps the source's metadata (directive COPY);
     * {@code storageClass} null means STANDARD, as S3 does; {@code tags} null copies them.
     */
    public record CopyRequest(String key, ObjectHeaders replaceHeaders, StorageClass storageClass, Acl acl,
                              Map<String, String> tags, String ownerAccount, ChecksumAlgorithm checksumAlgorithm,
                              Preconditions.Write preconditions) {
    }

    public S3Object copy(S3Object source, Bucket target, CopyRequest request) throws IOException {
        ObjectOperations.checkKey(request.key());
        if (source.bucket().equals(target.name()) && source.key().equals(request.key())
                && request.replaceHeaders() == null && request.storageClass() == null && request.checksumAlgorithm() == null
                && request.tags() == null) {
            throw AwsException.badRequest("InvalidRequest", "This copy request is illegal because it is trying to copy an "
                    + "object to itself without changing the object's metadata, storage class, website redirect location "
                    + "or encryption attributes.");
        }
        if (source.size() > ObjectOperations.MAX_SINGLE_PUT) {
            throw AwsException.badRequest("InvalidRequest", "The specified copy source is larger than the maximum allowable size for a copy source: 5368709120");
        }
        backend.objects().checkReadable(source);
        Set<ChecksumAlgorithm> algorithms = EnumSet.noneOf(ChecksumAlgorithm.class);
        if (request.checksumAlgorithm() != null) {
            algorithms.add(request.checksumAlgorithm());
        } else {
            source.checksums().keySet().forEach(algorithms::add);
        }
        if (algorithms.isEmpty()) {
            algorithms.add(ChecksumAlgorithm.CRC64NVME);
        }
        StoredBlob blob;
        try (InputStream in = backend.blobs().openRange(source.segments(), 0, source.size())) {
            blob = backend.objects().write(in, algorithms, source.size());
        }
        ObjectHeaders headers = request.replaceHeaders() == null ? source.headers() : request.replaceHeaders();
        StorageClass storageClass = request.storageClass() == null ? StorageClass.STANDARD : request.storageClass();
        Map<String, String> tags = request.tags() == null ? source.tags() : request.tags();
        S3Object draft = new S3Object(target.name(), request.key(), null, 0, false, List.of(blob.segment()), blob.size(),
                blob.md5Hex(), backend.now(), headers, storageClass, blob.checksums(), "FULL_OBJECT", 0,
                request.ownerAccount(), request.acl(), tags, null);
        return backend.objects().commit(target, draft, request.preconditions());
    }
}
