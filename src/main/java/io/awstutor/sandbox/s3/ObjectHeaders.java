package io.awstutor.sandbox.s3;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a PUT stores beside the bytes and a GET gives back: the standard representation
 * headers and the user's {@code x-amz-meta-*} metadata (names lower-cased, as S3 does).
 */
public record ObjectHeaders(String contentType, String contentEncoding, String contentDisposition,
                            String contentLanguage, String cacheControl, String expires,
                            String websiteRedirectLocation, Map<String, String> userMetadata) {

    public static final String DEFAULT_CONTENT_TYPE = "binary/octet-stream";

    public ObjectHeaders {
        userMetadata = userMetadata == null ? Map.of() : new TreeMap<>(userMetadata);
        if (contentType == null || contentType.isEmpty()) {
            contentType = DEFAULT_CONTENT_TYPE;
        }
    }

    public static ObjectHeaders defaults() {
        return new ObjectHeaders(null, null, null, null, null, null, null, Map.of());
    }

    /** Size of the user metadata as S3 counts it against its 2 KB limit. */
    public int userMetadataSize() {
        int size = 0;
        for (Map.Entry<String, String> e : userMetadata.entrySet()) {
            size += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
