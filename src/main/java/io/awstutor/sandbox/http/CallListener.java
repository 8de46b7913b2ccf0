package io.awstutor.sandbox.http;

import java.time.Instant;

/**
 * Hears of every call a service answered (not of pages a {@link Frontend} served), after the
 * answer is ready: the console refreshes what a learner's Java just changed, the workshop
 * counts a learner's AWS errors. A listener must be quick and must not throw; it runs on the
 * request's thread.
 */
@FunctionalInterface
public interface CallListener {

    void answered(Call call);

    /**
     * One answered call. {@code operation} is the query protocol's Action or the JSON
     * protocol's X-Amz-Target operation; for REST services (S3, CloudFront) it is the HTTP
     * method and path, since only their handlers know the operation's name. {@code account}
     * is "" for anonymous calls and for calls refused before the caller was known.
     */
    record Call(String service, String operation, String account, String region, int status, Instant at) {

        public boolean failed() {
            return status >= 400;
        }
    }
}
