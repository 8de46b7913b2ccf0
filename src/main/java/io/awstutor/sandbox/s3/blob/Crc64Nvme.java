package io.awstutor.sandbox.s3.blob;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME (the checksum S3 added in 2024 and the SDKs now default to for full-object
 * checksums): reflected polynomial 0x9A6C9329AC4BC9B5, initial value and final xor all ones.
 * The JDK has no CRC-64, so this is a plain table-driven implementation (slicing by 8).
 * Check value of "123456789": 0xAE8B14860A799888.
 */
public final class Crc64Nvme implements Checksum {
    private static final long POLY = 0x9A6C9329AC4BC9B5L;
    private static final long[][] TABLES = new long[8][256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ POLY : crc >>> 1;
            }
            TABLES[0][i] = crc;
        }
        for (int i = 0; i < 256; i++) {
            for (int t = 1; t < 8; t++) {
                long prev = TABLES[t - 1][i];
                TABLES[t][i] = (prev >>> 8) ^ TABLES[0][(int) (prev & 0xFF)];
            }
        }
    }

    private long crc = -1L;

    @Override
    public void update(int b) {
        crc = (crc >>> 8) ^ TABLES[0][(int) ((crc ^ b) & 0xFF)];
    }

    @Override
    public void update(byte[] b, int off, int len) {
        long c = crc;
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            long word = (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                    | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
            c ^= word;
            c = TABLES[7][(int) (c & 0xFF)] ^ TABLES[6][(int) ((c >>> 8) & 0xFF)]
                    ^ TABLES[5][(int) ((c >>> 16) & 0xFF)] ^ TABLES[4][(int) ((c >>> 24) & 0xFF)]
                    ^ TABLES[3][(int) ((c >>> 32) & 0xFF)] ^ TABLES[2][(int) ((c >>> 40) & 0xFF)]
                    ^ TABLES[1][(int) ((c >>> 48) & 0xFF)] ^ TABLES[0][(int) (c >>> 56)];
            i += 8;
        }
        for (; i < end; i++) {
            c = (c >>> 8) ^ TABLES[0][(int) ((c ^ b[i]) & 0xFF)];
        }
        crc = c;
    }

    @Override
    public long getValue() {
        return ~crc;
    }

    @Override
    public void reset() {
        crc = -1L;
    }
}
