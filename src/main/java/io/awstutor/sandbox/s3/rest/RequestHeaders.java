package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.s3.S3Tags;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.ObjectHeaders;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Decoding of S3's request headers: representation headers, user metadata, checksums, tagging. */
final class RequestHeaders {
    private RequestHeaders() {
    }

    static ObjectHeaders objectHeaders(SandboxRequest request) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith("x-amz-meta-") && !h.getValue().isEmpty()) {
                meta.put(name.substring("x-amz-meta-".length()), String.join(",", h.getValue()));
            }
        }
        return new ObjectHeaders(request.header("content-type").orElse(null),
                request.header("content-encoding").filter(v -> !v.equalsIgnoreCase("aws-chunked"))
                        .map(v -> v.replaceAll("(?i)aws-chunked,?\\s*", "")).filter(v -> !v.isEmpty()).orElse(null),
                request.header("content-disposition").orElse(null),
                request.header("content-language").orElse(null),
                request.header("cache-control").orElse(null),
                request.header("expires").orElse(null),
                request.header("x-amz-website-redirect-location").orElse(null),
                meta);
    }

    /** The declared object length: the decoded length of aws-chunked bodies, else Content-Length, else -1. */
    static long declaredLength(SandboxRequest request) {
        String value = request.header("x-amz-decoded-content-length").or(() -> request.header("content-length")).orElse(null);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw AwsException.badRequest("InvalidArgument", "Invalid content length");
        }
    }

    /**
     * PutObject and UploadPart need to know the body's length up front, as S3 does: a request
     * with neither Content-Length nor chunked framing is refused, not stored as an empty object.
     */
    static void requireLength(SandboxRequest request) {
        if (declaredLength(request) < 0 && request.header("transfer-encoding").isEmpty()
                && !request.header("x-amz-content-sha256").orElse("").startsWith("STREAMING-")) {
            throw new AwsException("MissingContentLength", "You must provide the Content-Length HTTP header.", 411);
        }
    }

    /**
     * Writes may ask for SSE-S3, which every sandbox object has; KMS and customer keys are
     * beyond the sandbox and say so, rather than storing the object unprotected as if they
     * had been applied.
     */
    static void checkEncryption(SandboxRequest request) {
        String sse = request.header("x-amz-server-side-encryption").orElse(null);
        if (sse != null && !sse.equals("AES256")) {
            if (sse.startsWith("aws:kms")) {
                throw new AwsException("NotImplemented", "The sandbox encrypts objects with SSE-S3 (AES256) only", 501)
                        .with("Header", "x-amz-server-side-encryption");
            }
            throw S3Errors.invalidArgument("The encryption method specified is not supported",
                    "x-amz-server-side-encryption", sse);
        }
        if (request.header("x-amz-server-side-encryption-customer-algorithm").isPresent()) {
            throw S3Errors.notImplemented("x-amz-server-side-encryption-customer-algorithm");
        }
    }

    /** The checksum algorithms a request carries (headers, the SDK's algorithm header, announced trailers). */
    static Set<ChecksumAlgorithm> checksumAlgorithms(SandboxRequest request) {
        Set<ChecksumAlgorithm> out = EnumSet.noneOf(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (request.header(a.headerName()).isPresent()) {
                out.add(a);
            }
        }
        for (String header : List.of("x-amz-sdk-checksum-algorithm", "x-amz-checksum-algorithm")) {
            String value = request.header(header).orElse(null);
            if (value != null) {
                // an algorithm S3 doesn't know is refused, never silently replaced by the default one
                out.add(ChecksumAlgorithm.parse(value).orElseThrow(() ->
                        AwsException.badRequest("InvalidRequest", "Value for " + header + " header is invalid.")));
            }
        }
        for (String trailer : request.header("x-amz-trailer").orElse("").split(",")) {
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                if (a.headerName().equalsIgnoreCase(trailer.trim())) {
                    out.add(a);
                }
            }
        }
        if (out.size() > 1 && out.stream().filter(a -> request.header(a.headerName()).isPresent()
                || request.trailers().containsKey(a.headerName())).count() > 1) {
            throw AwsException.badRequest("InvalidRequest", "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }
        return out;
    }

    /** The checksum values to verify, read after the body (trailers arrive at its end). */
    static Supplier<Map<ChecksumAlgorithm, String>> expectedChecksums(SandboxRequest request) {
        return () -> {
            Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                String value = request.header(a.headerName()).orElseGet(() ->
                        request.trailers() == null ? null : request.trailers().get(a.headerName()));
                if (value != null) {
                    checkChecksumShape(a, value);
                    out.put(a, value.trim());
                }
            }
            return out;
        };
    }

    static void checkChecksumShape(ChecksumAlgorithm a, String value) {
        int expectedBytes = switch (a) {
            case CRC32, CRC32C -> 4;
            case CRC64NVME -> 8;
            case SHA1 -> 20;
            case SHA256 -> 32;
        };
        try {
            if (Base64.getDecoder().decode(value.trim()).length == expectedBytes) {
                return;
            }
        } catch (IllegalArgumentException ignored) {
            // falls through
        }
        throw AwsException.badRequest("InvalidRequest", "Value for " + a.headerName() + " header is invalid.");
    }

    /** {@code x-amz-tagging: k1=v1&k2=v2} (URL-encoded). */
    static Map<String, String> tagging(String header) {
        List<Tag> tags = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return new LinkedHashMap<>();
        }
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            tags.add(new Tag(k, v));
        }
        return S3Tags.OBJECT.requested(tags);
    }

    static int intQuery(SandboxRequest request, String name, int defaultValue, int max) {
        String value = request.query(name).orElse(null);
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw S3Errors.invalidArgument("Argument " + name + " must be an integer between 0 and 2147483647", name, value);
            }
            return Math.min(n, max);
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Provided " + name + " not an integer or within integer range", name, value);
        }
    }
}
