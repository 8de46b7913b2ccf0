package io.awstutor.sandbox.http;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.auth.Authenticator;
import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.CredentialChain;
import io.awstutor.sandbox.auth.KeyUseListener;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.QueryErrorFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real S3 client's uploads, in each body form it chooses, arrive at the S3 handler as the
 * plain object bytes with their trailers: a stand-in S3 handler records what it was given.
 */
class S3BodyDecodingTest {
    record Seen(byte[] body, Map<String, String> trailers, String contentSha256, String contentEncoding, String contentLength) {
    }

    private static final AtomicReference<Seen> SEEN = new AtomicReference<>();
    private static SandboxServer server;

    private static final ServiceHandler RECORDER = new ServiceHandler() {
        @Override
        public String signingName() {
            return "s3";
        }

        @Override
        public ErrorFormat errorFormat() {
            return new QueryErrorFormat(null);
        }

        @Override
        public SandboxResponse handle(ServiceCall call) throws java.io.IOException {
            byte[] body = call.request().body().readAllBytes();
            SandboxRequest r = call.request();
            SEEN.set(new Seen(body, Map.copyOf(r.trailers()), r.header("x-amz-content-sha256").orElse(null),
                    r.header("content-encoding").orElse(null), r.header("content-length").orElse(null)));
            return SandboxResponse.empty(200).withHeader("ETag", "\"0\"");
        }
    };

    @BeforeAll
    static void start() throws Exception {
        CredentialChain keys = new CredentialChain(Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY, Sandbox.ROOT_ACCOUNT);
        Dispatcher dispatcher = new Dispatcher(Map.of("s3", RECORDER), new Authenticator(keys, Clock.systemUTC()),
                io.awstutor.testing.AllowAll.AUTHORIZER, Clock.systemUTC(), KeyUseListener.NONE);
        server = SandboxServer.start(0, dispatcher);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        SEEN.set(null);
    }

    private static S3Client client(String form) {
        var builder = S3Client.builder().forcePathStyle(true)
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        switch (form) {
            case "default" -> { }
            case "no-checksum" -> builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
            case "unchunked" -> builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
            default -> throw new IllegalArgumentException(form);
        }
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "no-checksum", "unchunked"})
    void putObjectArrivesDecoded(String form) {
        byte[] data = new byte[200_000];
        new Random(42).nextBytes(data);
        try (S3Client s3 = client(form)) {
            // an unknown-length stream makes the SDK chunk it; a byte array it may send whole
            s3.putObject(r -> r.bucket("b").key("k"), RequestBody.fromInputStream(new ByteArrayInputStream(data), data.length));
        }
        Seen seen = SEEN.get();
        String expectedForm = switch (form) {
            case "default" -> "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
            case "no-checksum" -> "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
            default -> io.awstutor.sandbox.auth.SigV4.sha256Hex(data);
        };
        assertEquals(expectedForm, seen.contentSha256(), "the body form this test means to cover");
        assertArrayEquals(data, seen.body(), "the handler reads the object's own bytes (" + seen.contentSha256() + ")");
        assertFalse(seen.contentEncoding() != null && seen.contentEncoding().contains("aws-chunked"), seen.contentEncoding());
        if (seen.contentSha256().startsWith("STREAMING-")) {
            assertEquals(String.valueOf(data.length), seen.contentLength());
        }
        if (form.equals("default")) {
            assertTrue(seen.trailers().keySet().stream().anyMatch(k -> k.startsWith("x-amz-checksum-")),
                    "the checksum trailer reaches the handler: " + seen);
        }
    }

    @org.junit.jupiter.api.Test
    void literalHashMismatchFailsAtTheEnd() {
        var in = new io.awstutor.sandbox.auth.HashVerifyingInputStream(new ByteArrayInputStream("abc".getBytes()),
                io.awstutor.sandbox.auth.SigV4.sha256Hex("abd"));
        AwsException e = org.junit.jupiter.api.Assertions.assertThrows(AwsException.class, in::readAllBytes);
        assertEquals("XAmzContentSHA256Mismatch", e.code());
        assertEquals(400, e.status());
    }
}
