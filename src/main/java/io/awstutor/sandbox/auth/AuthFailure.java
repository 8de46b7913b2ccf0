package io.awstutor.sandbox.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a request's signature was refused, before any service is involved. The HTTP layer
 * turns it into the addressed service's own error ({@link AuthErrors}): S3 and the query
 * services name the same problem differently.
 */
public final class AuthFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Problem {
        /** Authorization header or presigned parameters unreadable. */
        MALFORMED,
        /** No such access key, or a deleted one. */
        UNKNOWN_KEY,
        /** The key exists but is Inactive. */
        INACTIVE_KEY,
        BAD_SIGNATURE,
        /** Temporary (ASIA) key without its session token, or a token for a permanent key. */
        MISSING_TOKEN,
        /** Session token present but not the one issued with the key. */
        BAD_TOKEN,
        EXPIRED_TOKEN,
        /** The credential scope names a region AWS does not have (IAM and STS). */
        INVALID_REGION,
        /** Request time more than 15 minutes from the sandbox's clock. */
        SKEWED,
        /** Presigned URL past its X-Amz-Expires. */
        PRESIGN_EXPIRED,
        /** A signed literal payload hash that the body does not match (S3). */
        PAYLOAD_HASH_MISMATCH,
        /** aws-chunked framing broken, or a chunk/trailer signature wrong. */
        BAD_CHUNK,
        /** {@code host} is not among the signed headers. */
        HOST_NOT_SIGNED,
        /** The credential scope's date is not the day of X-Amz-Date. */
        SCOPE_DATE,
        /** x-amz-* headers present that the signature does not cover (they could have been added by anyone). */
        HEADERS_NOT_SIGNED
    }

    private final Problem problem;
    private final Map<String, String> details;

    public AuthFailure(Problem problem, String message) {
        this(problem, message, Map.of());
    }

    public AuthFailure(Problem problem, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.problem = problem;
        this.details = new LinkedHashMap<>(details);
    }

    public Problem problem() {
        return problem;
    }

    /** Fields some services put in the error document (S3's StringToSign, ServerTime, ...). */
    public Map<String, String> details() {
        return details;
    }
}
