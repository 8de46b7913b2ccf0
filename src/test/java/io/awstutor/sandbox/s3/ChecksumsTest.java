package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;
import io.awstutor.sandbox.s3.blob.Crc64Nvme;
import io.awstutor.sandbox.s3.blob.CrcCombine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChecksumsTest {

    @Test
    void crc64NvmeMatchesTheCatalogueCheckValue() {
        Crc64Nvme crc = new Crc64Nvme();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        crc.update(check, 0, check.length);
        assertEquals(0xAE8B14860A799888L, crc.getValue());
    }

    @Test
    void crc64NvmeSlicedEqualsBytewise() {
        byte[] data = new byte[10_007];
        new Random(7).nextBytes(data);
        Crc64Nvme sliced = new Crc64Nvme();
        sliced.update(data, 0, data.length);
        Crc64Nvme bytewise = new Crc64Nvme();
        for (byte b : data) {
            bytewise.update(b);
        }
        assertEquals(bytewise.getValue(), sliced.getValue());
    }

    @Test
    void crcCombineEqualsTheCrcOfTheConcatenation() {
        byte[] a = new byte[5 * 1024 + 3];
        byte[] b = new byte[777];
        new Random(1).nextBytes(a);
        new Random(2).nextBytes(b);
        byte[] ab = new byte[a.length + b.length];
        System.arraycopy(a, 0, ab, 0, a.length);
        System.arraycopy(b, 0, ab, a.length, b.length);
        assertCombines(ChecksumAlgorithm.CRC32, new CRC32(), new CRC32(), new CRC32(), a, b, ab);
        assertCombines(ChecksumAlgorithm.CRC32C, new CRC32C(), new CRC32C(), new CRC32C(), a, b, ab);
        assertCombines(ChecksumAlgorithm.CRC64NVME, new Crc64Nvme(), new Crc64Nvme(), new Crc64Nvme(), a, b, ab);
    }

    private static void assertCombines(ChecksumAlgorithm algorithm, Checksum ca, Checksum cb, Checksum cab,
                                       byte[] a, byte[] b, byte[] ab) {
        ca.update(a, 0, a.length);
        cb.update(b, 0, b.length);
        cab.update(ab, 0, ab.length);
        long combined = CrcCombine.combine(ca.getValue(), cb.getValue(), b.length,
                CrcCombine.polyOf(algorithm), CrcCombine.widthOf(algorithm));
        assertEquals(cab.getValue(), combined, algorithm.name());
    }

    @Test
    void checksumsAreBase64BigEndianAsS3WritesThem() {
        byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
        // values S3 documents/returns for "hello"
        assertEquals("NhCmhg==", hash(ChecksumAlgorithm.CRC32, data));
        assertEquals("qvTGHdzF6KLavt4PO0gs2a6pQ00=", hash(ChecksumAlgorithm.SHA1, data));
        assertEquals("LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=", hash(ChecksumAlgorithm.SHA256, data));
    }

    private static String hash(ChecksumAlgorithm algorithm, byte[] data) {
        ChecksumAlgorithm.Hasher h = algorithm.newHasher();
        h.update(data, 0, data.length);
        return h.base64();
    }
}
