package io.awstutor.sandbox.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service answers. The body is written, not held, so an S3 GET streams from disk.
 * {@code length} is the body's byte count, 0 for none, or -1 when unknown (chunked).
 */
public record SandboxResponse(int status, Map<String, List<String>> headers, long length, Body body) {

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static SandboxResponse empty(int status) {
        return new SandboxResponse(status, new LinkedHashMap<>(), 0, out -> { });
    }

    public static SandboxResponse bytes(int status, String contentType, byte[] content) {
        SandboxResponse response = new SandboxResponse(status, new LinkedHashMap<>(), content.length, out -> out.write(content));
        return response.withHeader("Content-Type", contentType);
    }

    public static SandboxResponse xml(int status, String xml) {
        return bytes(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    public static SandboxResponse json(int status, String contentType, String json) {
        return bytes(status, contentType, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a header (mutates this response's header map, which is always a fresh one). */
    public SandboxResponse withHeader(String name, String value) {
        headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }
}
