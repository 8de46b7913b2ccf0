package io.awstutor.sandbox.http;

import io.awstutor.sandbox.auth.Authenticator.Authentication;
import io.awstutor.sandbox.auth.AwsChunkedInputStream;
import io.awstutor.sandbox.auth.ChunkSigner;
import io.awstutor.sandbox.auth.HashVerifyingInputStream;
import io.awstutor.sandbox.auth.SigV4;
import io.awstutor.sandbox.auth.SignatureParts;
import io.awstutor.sandbox.protocol.AwsException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request's body means for its signature, and the body a service gets to read.
 * S3 bodies stream: the signed payload hash is the x-amz-content-sha256 header (a literal
 * SHA-256, verified as the stream ends; UNSIGNED-PAYLOAD; or one of the aws-chunked
 * STREAMING-… forms, decoded here with their chunk signatures). Query-service bodies are
 * small forms, read whole and hashed, as AWS computes their hash itself.
 */
final class Payloads {
    static final String UNSIGNED = "UNSIGNED-PAYLOAD";
    static final String STREAMING_SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String STREAMING_SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    static final String STREAMING_UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    /** Query bodies are forms; anything bigger is not a request any query service accepts. */
    private static final int MAX_QUERY_BODY = 16 * 1024 * 1024;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private Payloads() {
    }

    /** The payload hash an S3 request signed. */
    static String s3SignedHash(SandboxRequest request, SignatureParts parts) {
        Optional<String> header = request.header("x-amz-content-sha256");
        if (parts.presigned()) {
            return header.orElse(UNSIGNED);
        }
        String hash = header.orElseThrow(() -> AwsException.badRequest("InvalidRequest",
                "Missing required header for this request: x-amz-content-sha256"));
        if (!isKnownForm(hash)) {
            throw AwsException.badRequest("InvalidArgument",
                    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, "
                            + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER "
                            + "or a valid sha256 value.")
                    .with("ArgumentName", "x-amz-content-sha256").with("ArgumentValue", hash);
        }
        return hash;
    }

    private static boolean isKnownForm(String hash) {
        return UNSIGNED.equals(hash) || STREAMING_SIGNED.equals(hash) || STREAMING_SIGNED_TRAILER.equals(hash)
                || STREAMING_UNSIGNED_TRAILER.equals(hash) || SHA256_HEX.matcher(hash).matches();
    }

    /**
     * The S3 request a handler sees: the body decoded from aws-chunked (chunk signatures
     * checked when the client signed them) or guarded by its literal hash, with the headers
     * describing the decoded body (aws-chunked gone from Content-Encoding, Content-Length the
     * decoded length).
     */
    static SandboxRequest s3Body(SandboxRequest request, String signedHash, Optional<SignatureParts> parts,
                                 Optional<Authentication> authentication) {
        boolean chunkedEncoding = request.header("content-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("aws-chunked")).orElse(false);
        boolean streaming = signedHash.startsWith("STREAMING-");
        boolean literalHash = SHA256_HEX.matcher(signedHash).matches() && authentication.isPresent();
        InputStream body = request.body();
        if (streaming || chunkedEncoding) {
            // The framing is read a byte at a time (chunk lines, trailers); buffered, each byte
            // no longer goes through the watched stream and the JDK's three below it (about a
            // tenth of a 1 KiB PutObject's server CPU). The buffer reads only within the body.
            InputStream buffered = new java.io.BufferedInputStream(body, 8192);
            // a literal hash with aws-chunked content covers the bytes as sent, framing included
            InputStream raw = literalHash ? new HashVerifyingInputStream(buffered, signedHash) : buffered;
            Optional<ChunkSigner> signer = Optional.empty();
            boolean signedChunks = signedHash.equals(STREAMING_SIGNED) || signedHash.equals(STREAMING_SIGNED_TRAILER);
            if (signedChunks && authentication.isPresent() && parts.isPresent()) {
                signer = Optional.of(new ChunkSigner(authentication.get().signingKey(), parts.get().amzDate(),
                        parts.get().scope(), parts.get().signature()));
            }
            long declared = request.header("x-amz-decoded-content-length").map(Payloads::parseLength).orElse(-1L);
            body = new AwsChunkedInputStream(raw, signer, signedHash.equals(STREAMING_SIGNED_TRAILER),
                    request.trailers(), declared);
            if (literalHash) {
                body = new VerifiedAtEnd(body, raw);
            }
            return withBody(request, body, declared);
        }
        if (literalHash) {
            body = new HashVerifyingInputStream(body, signedHash);
        }
        return withBody(request, body, -2);
    }

    /** Ends the decoded body only once the raw bytes after it were read too, so their hash is checked before anything is kept. */
    private static final class VerifiedAtEnd extends java.io.FilterInputStream {
        private final InputStream raw;

        VerifiedAtEnd(InputStream decoded, InputStream raw) {
            super(decoded);
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c < 0) {
                raw.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                raw.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return n;
        }
    }

    /** A query-service request with its form body read whole, and that body's SHA-256. */
    record Buffered(SandboxRequest request, String sha256, byte[] bytes) {
    }

    static Buffered buffer(SandboxRequest request) throws IOException {
        byte[] bytes = request.body().readNBytes(MAX_QUERY_BODY + 1);
        if (bytes.length > MAX_QUERY_BODY) {
            throw new AwsException("RequestEntityTooLarge", "The request body is larger than this service accepts.", 413);
        }
        SandboxRequest copy = new SandboxRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                request.queryParams(), new ByteArrayInputStream(bytes), request.remoteAddress(), request.trailers());
        return new Buffered(copy, bytes.length == 0 ? SigV4.EMPTY_SHA256 : SigV4.sha256Hex(bytes), bytes);
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw AwsException.badRequest("InvalidArgument", "x-amz-decoded-content-length must be a number")
                    .with("ArgumentName", "x-amz-decoded-content-length").with("ArgumentValue", text);
        }
    }

    /** @param decodedLength the decoded length to advertise as Content-Length; -1 unknown, -2 keep headers as they are */
    private static SandboxRequest withBody(SandboxRequest request, InputStream body, long decodedLength) {
        Map<String, List<String>> headers = request.headers();
        if (decodedLength != -2) {
            headers = new LinkedHashMap<>(request.headers());
            List<String> encodings = new ArrayList<>();
            for (String value : headers.getOrDefault("content-encoding", List.of())) {
                for (String coding : value.split(",")) {
                    String c = coding.trim();
                    if (!c.isEmpty() && !c.equalsIgnoreCase("aws-chunked")) {
                        encodings.add(c);
                    }
                }
            }
            if (encodings.isEmpty()) {
                headers.remove("content-encoding");
            } else {
                headers.put("content-encoding", List.of(String.join(",", encodings)));
            }
            if (decodedLength >= 0) {
                headers.put("content-length", List.of(String.valueOf(decodedLength)));
            } else {
                headers.remove("content-length");
            }
        }
        return new SandboxRequest(request.method(), request.rawPath(), request.rawQuery(), headers,
                request.queryParams(), body, request.remoteAddress(), request.trailers());
    }
}
