package io.awstutor.sandbox.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chained signatures of an {@code aws-chunked} body (STREAMING-AWS4-HMAC-SHA256-PAYLOAD):
 * each chunk's signature covers the previous signature (the first one the request's own
 * signature) and the chunk's SHA-256; the trailer's covers the canonical trailing headers.
 */
public final class ChunkSigner {
    private final byte[] signingKey;
    private final String amzDate;
    private final String scope;
    private String previous;

    public ChunkSigner(byte[] signingKey, String amzDate, String scope, String seedSignature) {
        this.signingKey = signingKey.clone();
        this.amzDate = amzDate;
        this.scope = scope;
        this.previous = seedSignature;
    }

    /** The signature the next chunk must carry, given its data's SHA-256; advances the chain. */
    public String nextChunk(byte[] chunkSha256) {
        String toSign = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate + "\n" + scope + "\n" + previous + "\n"
                + SigV4.EMPTY_SHA256 + "\n" + SigV4.hex(chunkSha256);
        previous = SigV4.signature(signingKey, toSign);
        return previous;
    }

    /** The signature of the trailing headers (lower-case names), after the last chunk. */
    public String trailer(Map<String, String> trailers) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(trailers).forEach((k, v) -> canonical.append(k).append(':').append(v.trim()).append('\n'));
        String toSign = "AWS4-HMAC-SHA256-TRAILER\n" + amzDate + "\n" + scope + "\n" + previous + "\n"
                + SigV4.sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        previous = SigV4.signature(signingKey, toSign);
        return previous;
    }
}
