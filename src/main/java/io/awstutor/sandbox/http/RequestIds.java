package io.awstutor.sandbox.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Request ids in the shape each protocol uses: a UUID for the query services, 16 hex digits for S3. */
final class RequestIds {
    private static final java.util.HexFormat HEX = java.util.HexFormat.of().withUpperCase();
    private RequestIds() {
    }

    static String forService(String service) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if ("s3".equals(service)) {
            return HEX.toHexDigits(random.nextLong());
        }
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** S3's x-amz-id-2, an opaque base64 token. */
    static String extendedId() {
        byte[] bytes = new byte[48];
        ThreadLocalRandom.current().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
