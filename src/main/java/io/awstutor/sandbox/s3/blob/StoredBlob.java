package io.awstutor.sandbox.s3.blob;

import java.util.HexFormat;
import java.util.Map;

/**
 * A body written to the blob store: its file id (never derived from the object's key), its
 * size, its MD5 (the single-part ETag) and the additional checksums computed while it was
 * written, base64 as S3 returns them.
 */
public record StoredBlob(String id, long size, byte[] md5, Map<ChecksumAlgorithm, String> checksums) {

    public StoredBlob {
        md5 = md5.clone();
        checksums = Map.copyOf(checksums);
    }

    public String md5Hex() {
        return HexFormat.of().formatHex(md5);
    }

    @Override
    public byte[] md5() {
        return md5.clone();
    }

    public BlobSegment segment() {
        return new BlobSegment(id, size);
    }
}
