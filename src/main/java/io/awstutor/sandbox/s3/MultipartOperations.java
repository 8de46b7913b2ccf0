package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.blob.BlobSegment;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;
import io.awstutor.sandbox.s3.blob.StoredBlob;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Multipart uploads with AWS's rules. Completing does not copy: the parts' files become the
 * object's segments, so a 1 GiB completion is a metadata write.
 */
public final class MultipartOperations {
    public static final long MIN_PART = 5L * 1024 * 1024;
    public static final long MAX_PART = 5L * 1024 * 1024 * 1024;

    private final S3Backend backend;

    MultipartOperations(S3Backend backend) {
        this.backend = backend;
    }

    public MultipartUpload create(Bucket bucket, MultipartUpload.Spec draft) {
        ObjectOperations.checkKey(draft.key());
        String uploadId = backend.randomId(64);
        MultipartUpload.Spec spec = new MultipartUpload.Spec(uploadId, bucket.name(), draft.key(), backend.now(),
                draft.initiatorAccount(), draft.initiatorArn(), draft.headers(), draft.storageClass(), draft.acl(),
                draft.tags(), draft.checksumAlgorithm(), draft.checksumType());
        MultipartUpload upload = new MultipartUpload(spec);
        backend.store().saveUpload(spec, List.of());
        bucket.uploads().put(uploadId, upload);
        return upload;
    }

    public MultipartUpload upload(Bucket bucket, String uploadId) {
        MultipartUpload upload = bucket.uploads().get(uploadId);
        if (upload == null) {
            throw S3Errors.noSuchUpload(uploadId);
        }
        return upload;
    }

    public static void checkPartNumber(int partNumber) {
        if (partNumber < 1 || partNumber > 10_000) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", String.valueOf(partNumber));
        }
    }

    /** Streams one part to disk; {@code algorithms} beyond the upload's own are the request's. */
    public MultipartUpload.Part uploadPart(Bucket bucket, String uploadId, int partNumber, InputStream body,
                                           long expectedLength, String contentMd5, Set<ChecksumAlgorithm> algorithms,
                                           Supplier<Map<ChecksumAlgorithm, String>> expected) throws IOException {
        checkPartNumber(partNumber);
        MultipartUpload upload = upload(bucket, uploadId);
        byte[] md5 = ObjectOperations.decodeMd5(contentMd5);
        Set<ChecksumAlgorithm> all = EnumSet.noneOf(ChecksumAlgorithm.class);
        all.addAll(algorithms);
        if (upload.spec().checksumAlgorithm() != null) {
            all.add(upload.spec().checksumAlgorithm());
        }
        StoredBlob blob = backend.objects().write(body, all, expectedLength);
        try {
            ObjectOperations.verify(blob, md5, expected.get());
            if (blob.size() > MAX_PART) {
                throw AwsException.badRequest("EntityTooLarge", "Your proposed upload exceeds the maximum allowed size");
            }
        } catch (AwsException e) {
            backend.discard(List.of(blob.segment()));
            throw e;
        }
        return addPart(bucket, upload, new MultipartUpload.Part(partNumber, blob.segment(), blob.md5Hex(), backend.now(),
                blob.checksums()));
    }

    /** UploadPartCopy: the part's bytes come from a range of an existing object. */
    public MultipartUpload.Part copyPart(Bucket bucket, String uploadId, int partNumber, S3Object source,
                                         long from, long length) throws IOException {
        checkPartNumber(partNumber);
        MultipartUpload upload = upload(bucket, uploadId);
        Set<ChecksumAlgorithm> all = upload.spec().checksumAlgorithm() == null
                ? Set.of() : EnumSet.of(upload.spec().checksumAlgorithm());
        StoredBlob blob;
        try (InputStream in = backend.blobs().openRange(source.segments(), from, length)) {
            blob = backend.objects().write(in, all, length);
        }
        return addPart(bucket, upload, new MultipartUpload.Part(partNumber, blob.segment(), blob.md5Hex(), backend.now(),
                blob.checksums()));
    }

    /**
     * Under the upload's lock: the upload was looked up before the lock was taken, and a
     * completion or abort that held the lock meanwhile has ended it (its parts now belong to
     * an object, or are gone). Without this check a Complete and an Abort at once both
     * answered 200 and the abort deleted the new object's data.
     */
    private static void requireCurrent(Bucket bucket, MultipartUpload upload) {
        if (bucket.uploads().get(upload.spec().uploadId()) != upload) {
            throw S3Errors.noSuchUpload(upload.spec().uploadId());
        }
    }

    private MultipartUpload.Part addPart(Bucket bucket, MultipartUpload upload, MultipartUpload.Part part) {
        MultipartUpload.Part previous;
        synchronized (upload) {
            if (bucket.uploads().get(upload.spec().uploadId()) != upload) {
                backend.discard(List.of(part.segment()));
                throw S3Errors.noSuchUpload(upload.spec().uploadId());
            }
            previous = upload.parts().put(part.partNumber(), part);
            backend.store().saveUpload(upload.spec(), List.copyOf(upload.parts().values()));
        }
        if (previous != null) {
            backend.discard(List.of(previous.segment()));
        }
        return part;
    }

    /** A part as CompleteMultipartUpload names it. */
    public record CompletedPart(int partNumber, String etag, Map<ChecksumAlgorithm, String> checksums) {
    }

    public S3Object complete(Bucket bucket, String uploadId, List<CompletedPart> requested,
                             Map<ChecksumAlgorithm, String> fullObjectChecksum, Preconditions.Write preconditions) {
        MultipartUpload upload = upload(bucket, uploadId);
        if (requested.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        List<MultipartUpload.Part> chosen = new ArrayList<>();
        synchronized (upload) {
            requireCurrent(bucket, upload);
            int previous = 0;
            for (CompletedPart wanted : requested) {
                if (wanted.partNumber() <= previous) {
                    throw AwsException.badRequest("InvalidPartOrder",
                            "The list of parts was not in ascending order. The parts list must be specified in order by part number.")
                            .with("UploadId", uploadId);
                }
                previous = wanted.partNumber();
                MultipartUpload.Part part = upload.parts().get(wanted.partNumber());
                String etag = wanted.etag() == null ? null : wanted.etag().replace("\"", "").trim();
                if (part == null || !part.etag().equals(etag)) {
                    throw AwsException.badRequest("InvalidPart", "One or more of the specified parts could not be found.  "
                            + "The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.")
                            .with("UploadId", uploadId).with("PartNumber", String.valueOf(wanted.partNumber()))
                            .with("ETag", wanted.etag());
                }
                chosen.add(part);
            }
            for (int i = 0; i < chosen.size() - 1; i++) {
                MultipartUpload.Part part = chosen.get(i);
                if (part.size() < MIN_PART) {
                    throw AwsException.badRequest("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed object size.")
                            .with("ProposedSize", String.valueOf(part.size())).with("MinSizeAllowed", String.valueOf(MIN_PART))
                            .with("PartNumber", String.valueOf(part.partNumber())).with("ETag", '"' + part.etag() + '"');
                }
            }
            MultipartUpload.Spec spec = upload.spec();
            Map<ChecksumAlgorithm, String> checksums = MultipartChecksums.of(spec, chosen, fullObjectChecksum);
            long size = chosen.stream().mapToLong(MultipartUpload.Part::size).sum();
            S3Object draft = new S3Object(bucket.name(), spec.key(), null, 0, false,
                    chosen.stream().map(MultipartUpload.Part::segment).toList(), size, multipartEtag(chosen),
                    backend.now(), spec.headers(), spec.storageClass(), checksums,
                    spec.checksumAlgorithm() == null ? null : spec.checksumType(), chosen.size(),
                    spec.initiatorAccount(), spec.acl(), spec.tags(), null);
            S3Object committed = backend.objects().commit(bucket, draft, preconditions);
            bucket.uploads().remove(uploadId);
            backend.store().deleteUpload(uploadId);
            List<BlobSegment> unused = new ArrayList<>();
            for (MultipartUpload.Part p : upload.parts().values()) {
                if (!chosen.contains(p)) {
                    unused.add(p.segment());
                }
            }
            backend.discard(unused);
            return committed;
        }
    }

    static String multipartEtag(List<MultipartUpload.Part> parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (MultipartUpload.Part p : parts) {
                md5.update(HexFormat.of().parseHex(p.etag()));
            }
            return HexFormat.of().formatHex(md5.digest()) + "-" + parts.size();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void abort(Bucket bucket, String uploadId) {
        MultipartUpload upload = upload(bucket, uploadId);
        synchronized (upload) {
            requireCurrent(bucket, upload);
            bucket.uploads().remove(uploadId);
            backend.store().deleteUpload(uploadId);
            backend.discard(upload.parts().values().stream().map(MultipartUpload.Part::segment).toList());
        }
    }

    /** Uploads in key order, then by initiation time (as S3 lists them). */
    public List<MultipartUpload> list(Bucket bucket, String prefix) {
        String p = prefix == null ? "" : prefix;
        return bucket.uploads().values().stream()
                .filter(u -> u.spec().key().startsWith(p))
                .sorted(Comparator.<MultipartUpload, String>comparing(u -> u.spec().key(), Bucket.KEY_ORDER)
                        .thenComparing(u -> u.spec().initiated()).thenComparing(u -> u.spec().uploadId()))
                .toList();
    }
}
