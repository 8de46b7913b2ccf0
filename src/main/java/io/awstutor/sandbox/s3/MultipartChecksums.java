package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;
import io.awstutor.sandbox.s3.blob.CrcCombine;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A completed upload's checksum: COMPOSITE is the checksum of the parts' checksums with a
 * "-N" suffix; FULL_OBJECT (CRCs only) is the CRC of the whole object, combined from the
 * parts' CRCs without re-reading them.
 */
final class MultipartChecksums {
    private MultipartChecksums() {
    }

    static Map<ChecksumAlgorithm, String> of(MultipartUpload.Spec spec, List<MultipartUpload.Part> parts,
                                             Map<ChecksumAlgorithm, String> expectedFull) {
        Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        ChecksumAlgorithm algorithm = spec.checksumAlgorithm();
        if (algorithm == null) {
            return out;
        }
        for (MultipartUpload.Part p : parts) {
            if (!p.checksums().containsKey(algorithm)) {
                return out;
            }
        }
        if ("FULL_OBJECT".equals(spec.checksumType())) {
            long crc = 0;
            boolean first = true;
            for (MultipartUpload.Part p : parts) {
                long partCrc = toLong(Base64.getDecoder().decode(p.checksums().get(algorithm)));
                crc = first ? partCrc : CrcCombine.combine(crc, partCrc, p.size(),
                        CrcCombine.polyOf(algorithm), CrcCombine.widthOf(algorithm));
                first = false;
            }
            int width = CrcCombine.widthOf(algorithm) / 8;
            byte[] bytes = ByteBuffer.allocate(8).putLong(crc).array();
            String value = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 8 - width, 8));
            String expected = expectedFull.get(algorithm);
            if (expected != null && !expected.trim().equals(value)) {
                throw AwsException.badRequest("BadDigest", "The " + algorithm.name()
                        + " you specified did not match the calculated checksum.");
            }
            out.put(algorithm, value);
        } else {
            ChecksumAlgorithm.Hasher hasher = algorithm.newHasher();
            for (MultipartUpload.Part p : parts) {
                byte[] raw = Base64.getDecoder().decode(p.checksums().get(algorithm));
                hasher.update(raw, 0, raw.length);
            }
            out.put(algorithm, hasher.base64() + "-" + parts.size());
        }
        return out;
    }

    private static long toLong(byte[] bytes) {
        long v = 0;
        for (byte b : bytes) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
