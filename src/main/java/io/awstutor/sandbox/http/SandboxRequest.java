package io.awstutor.sandbox.http;

import java.io.InputStream;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the sandbox received it, before any service reads it. Header names
 * are lower case. {@code rawPath} and {@code rawQuery} are exactly as sent (still
 * percent-encoded), because SigV4 signs them that way; {@code queryParams} are decoded.
 * The body is a stream: S3 objects are never held whole in memory. The HTTP layer has
 * already removed any {@code aws-chunked} framing (verifying chunk signatures); trailing
 * headers sent after the chunks (S3's {@code x-amz-checksum-crc32}, ...) appear in
 * {@code trailers}, lower-case names, once the body has been read to its end.
 */
public record SandboxRequest(String method, String rawPath, String rawQuery,
                             Map<String, List<String>> headers,
                             Map<String, List<String>> queryParams,
                             InputStream body, InetAddress remoteAddress,
                             Map<String, String> trailers) {

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Optional<String> query(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean hasQuery(String name) {
        return queryParams.containsKey(name);
    }

    /** The Host header without the port. */
    public String hostName() {
        String host = header("host").orElse("");
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }
}
