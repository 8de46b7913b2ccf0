package io.awstutor.sandbox.s3.blob;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * The additional checksums S3 accepts ({@code x-amz-checksum-<name>} headers and trailers).
 * Values travel base64-encoded, big-endian, as S3 writes them.
 */
public enum ChecksumAlgorithm {
    CRC32, CRC32C, CRC64NVME, SHA1, SHA256;

    /** {@code x-amz-checksum-crc32}, ... */
    public String headerName() {
        return "x-amz-checksum-" + name().toLowerCase(Locale.ROOT);
    }

    /** The element name in XML documents: ChecksumCRC32, ChecksumSHA256, ... */
    public String xmlName() {
        return "Checksum" + name();
    }

    public boolean isCrc() {
        return this == CRC32 || this == CRC32C || this == CRC64NVME;
    }

    public static Optional<ChecksumAlgorithm> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Hasher newHasher() {
        return switch (this) {
            case CRC32 -> new CrcHasher(new CRC32(), 4);
            case CRC32C -> new CrcHasher(new CRC32C(), 4);
            case CRC64NVME -> new CrcHasher(new Crc64Nvme(), 8);
            case SHA1 -> new DigestHasher("SHA-1");
            case SHA256 -> new DigestHasher("SHA-256");
        };
    }

    /** A running checksum over a body. */
    public interface Hasher {
        void update(byte[] b, int off, int len);

        byte[] digest();

        default String base64() {
            return Base64.getEncoder().encodeToString(digest());
        }
    }

    private record CrcHasher(Checksum checksum, int bytes) implements Hasher {
        public void update(byte[] b, int off, int len) {
            checksum.update(b, off, len);
        }

        public byte[] digest() {
            ByteBuffer buffer = ByteBuffer.allocate(8).putLong(checksum.getValue());
            byte[] out = new byte[bytes];
            System.arraycopy(buffer.array(), 8 - bytes, out, 0, bytes);
            return out;
        }
    }

    private static final class DigestHasher implements Hasher {
        private final MessageDigest digest;

        DigestHasher(String algorithm) {
            try {
                digest = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public void update(byte[] b, int off, int len) {
            digest.update(b, off, len);
        }

        public byte[] digest() {
            return digest.digest();
        }
    }
}
