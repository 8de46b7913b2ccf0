package io.awstutor.sandbox.s3.blob;

/**
 * Combines the CRCs of two adjacent byte runs into the CRC of their concatenation (zlib's
 * GF(2) matrix method), so a multipart upload's FULL_OBJECT CRC comes from its parts' CRCs
 * without re-reading the object. Works for the three reflected CRCs S3 uses (all have
 * initial value and final xor of all ones).
 */
public final class CrcCombine {
    private CrcCombine() {
    }

    /** {@code reflectedPoly} e.g. 0xEDB88320 for CRC32; {@code width} 32 or 64. */
    public static long combine(long crc1, long crc2, long len2, long reflectedPoly, int width) {
        if (len2 <= 0) {
            return crc1;
        }
        long[] even = new long[width];
        long[] odd = new long[width];
        odd[0] = reflectedPoly;
        long row = 1;
        for (int n = 1; n < width; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd, width);
        square(odd, even, width);
        long len = len2;
        do {
            square(even, odd, width);
            if ((len & 1) != 0) {
                crc1 = times(even, crc1);
            }
            len >>>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even, width);
            if ((len & 1) != 0) {
                crc1 = times(odd, crc1);
            }
            len >>>= 1;
        } while (len != 0);
        return crc1 ^ crc2;
    }

    private static long times(long[] mat, long vec) {
        long sum = 0;
        int i = 0;
        while (vec != 0) {
            if ((vec & 1) != 0) {
                sum ^= mat[i];
            }
            vec >>>= 1;
            i++;
        }
        return sum;
    }

    private static void square(long[] square, long[] mat, int width) {
        for (int n = 0; n < width; n++) {
            square[n] = times(mat, mat[n]);
        }
    }

    public static long polyOf(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case CRC32 -> 0xEDB88320L;
            case CRC32C -> 0x82F63B78L;
            case CRC64NVME -> 0x9A6C9329AC4BC9B5L;
            default -> throw new IllegalArgumentException(algorithm + " is not a CRC");
        };
    }

    public static int widthOf(ChecksumAlgorithm algorithm) {
        return algorithm == ChecksumAlgorithm.CRC64NVME ? 64 : 32;
    }
}
