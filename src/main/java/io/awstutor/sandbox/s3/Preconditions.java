package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.protocol.AwsException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * HTTP conditional requests as S3 evaluates them. For reads: If-Match and If-None-Match win
 * over the date conditions they pair with (RFC 7232 precedence, which S3 documents).
 */
public final class Preconditions {
    private Preconditions() {
    }

    /** The outcome of a conditional GET or HEAD. */
    public enum Outcome { PROCEED, NOT_MODIFIED }

    public record Read(String ifMatch, String ifNoneMatch, Instant ifModifiedSince, Instant ifUnmodifiedSince) {

        public Outcome evaluate(S3Object object) {
            String etag = object.quotedEtag();
            Instant modified = object.lastModified().truncatedTo(ChronoUnit.SECONDS);
            if (ifMatch != null) {
                if (!etagMatches(ifMatch, etag)) {
                    throw failed("If-Match");
                }
            } else if (ifUnmodifiedSince != null && modified.isAfter(ifUnmodifiedSince)) {
                throw failed("If-Unmodified-Since");
            }
            if (ifNoneMatch != null) {
                if (etagMatches(ifNoneMatch, etag)) {
                    return Outcome.NOT_MODIFIED;
                }
            } else if (ifModifiedSince != null && !modified.isAfter(ifModifiedSince)) {
                return Outcome.NOT_MODIFIED;
            }
            return Outcome.PROCEED;
        }
    }

    /** Conditional writes: {@code If-None-Match: *} (create only) and {@code If-Match: etag}. */
    public record Write(String ifMatch, String ifNoneMatch) {

        void check(Optional<S3Object> current, String key) {
            if (ifNoneMatch != null && current.isPresent()) {
                throw failed("If-None-Match");
            }
            if (ifMatch != null) {
                if (current.isEmpty()) {
                    throw S3Errors.noSuchKey(key);
                }
                if (!etagMatches(ifMatch, current.get().quotedEtag())) {
                    throw failed("If-Match");
                }
            }
        }
    }

    static boolean etagMatches(String header, String quotedEtag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(quotedEtag) || ('"' + c + '"').equals(quotedEtag)) {
                return true;
            }
        }
        return false;
    }

    public static AwsException failed(String condition) {
        return new AwsException("PreconditionFailed", "At least one of the pre-conditions you specified did not hold", 412)
                .with("Condition", condition);
    }
}
