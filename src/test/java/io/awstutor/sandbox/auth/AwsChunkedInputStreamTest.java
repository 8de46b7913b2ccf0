package io.awstutor.sandbox.auth;

import io.awstutor.sandbox.protocol.AwsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The aws-chunked decoder against the worked example of AWS's "Signature Calculations for the
 * Authorization Header: Transferring Payload in Multiple Chunks" (66560 bytes of 'a' in
 * chunks of 65536 and 1024, then the final chunk), and against bodies framed by hand.
 */
class AwsChunkedInputStreamTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private static final String[] CHUNK_SIGNATURES = {
            "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"};

    private static ChunkSigner awsExampleSigner() {
        byte[] key = SigV4.signingKey(SECRET, "20130524", "us-east-1", "s3");
        return new ChunkSigner(key, "20130524T000000Z", "20130524/us-east-1/s3/aws4_request", SEED);
    }

    private static byte[] awsExampleBody(String[] signatures) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] sizes = {65536, 1024, 0};
        for (int i = 0; i < sizes.length; i++) {
            out.writeBytes((Integer.toHexString(sizes[i]) + ";chunk-signature=" + signatures[i] + "\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] data = new byte[sizes[i]];
            Arrays.fill(data, (byte) 'a');
            out.writeBytes(data);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return out.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1000]; // not a divisor of the chunk sizes, to cross chunk boundaries
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void decodesAndVerifiesAwsWorkedExample() throws IOException {
        Map<String, String> trailers = new LinkedHashMap<>();
        InputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(awsExampleBody(CHUNK_SIGNATURES)),
                Optional.of(awsExampleSigner()), false, trailers, 66560);
        byte[] expected = new byte[66560];
        Arrays.fill(expected, (byte) 'a');
        assertArrayEquals(expected, readAll(in));
        assertEquals(Map.of(), trailers);
    }

    @Test
    void aWrongChunkSignatureFailsBeforeTheEnd() {
        String[] tampered = CHUNK_SIGNATURES.clone();
        tampered[1] = tampered[1].replace('0', '1');
        InputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(awsExampleBody(tampered)),
                Optional.of(awsExampleSigner()), false, new LinkedHashMap<>(), 66560);
        AwsException e = assertThrows(AwsException.class, () -> readAll(in));
        assertEquals("SignatureDoesNotMatch", e.code());
        assertEquals(403, e.status());
    }

    @Test
    void signedTrailerIsVerifiedAndKept() throws IOException {
        byte[] key = SigV4.signingKey("secret", "20260101", "us-east-1", "s3");
        String scope = "20260101/us-east-1/s3/aws4_request";
        String seed = "0".repeat(64);
        // signatures computed independently from the spec's string-to-sign formulas
        byte[] data = "hello, world".getBytes(StandardCharsets.UTF_8);
        String s1 = SigV4.signature(key, "AWS4-HMAC-SHA256-PAYLOAD\n20260101T000000Z\n" + scope + "\n" + seed + "\n"
                + SigV4.EMPTY_SHA256 + "\n" + SigV4.sha256Hex(data));
        String s2 = SigV4.signature(key, "AWS4-HMAC-SHA256-PAYLOAD\n20260101T000000Z\n" + scope + "\n" + s1 + "\n"
                + SigV4.EMPTY_SHA256 + "\n" + SigV4.EMPTY_SHA256);
        String trailerSig = SigV4.signature(key, "AWS4-HMAC-SHA256-TRAILER\n20260101T000000Z\n" + scope + "\n" + s2 + "\n"
                + SigV4.sha256Hex("x-amz-checksum-crc32:AAAAAA==\n"));
        String body = "c;chunk-signature=" + s1 + "\r\nhello, world\r\n0;chunk-signature=" + s2 + "\r\n"
                + "x-amz-checksum-crc32:AAAAAA==\r\nx-amz-trailer-signature:" + trailerSig + "\r\n\r\n";
        Map<String, String> trailers = new LinkedHashMap<>();
        InputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)),
                Optional.of(new ChunkSigner(key, "20260101T000000Z", scope, seed)), true, trailers, 12);
        assertEquals("hello, world", new String(readAll(in), StandardCharsets.UTF_8));
        assertEquals(Map.of("x-amz-checksum-crc32", "AAAAAA=="), trailers);

        String forged = body.replace("AAAAAA==\r\nx-amz-trailer", "BBBBBB==\r\nx-amz-trailer");
        InputStream bad = new AwsChunkedInputStream(new ByteArrayInputStream(forged.getBytes(StandardCharsets.US_ASCII)),
                Optional.of(new ChunkSigner(key, "20260101T000000Z", scope, seed)), true, new LinkedHashMap<>(), 12);
        assertEquals("SignatureDoesNotMatch", assertThrows(AwsException.class, () -> readAll(bad)).code());
    }

    @Test
    void unsignedChunksWithTrailer() throws IOException {
        String body = "5\r\nhello\r\n7\r\n, world\r\n0\r\nx-amz-checksum-sha256:abc=\r\n\r\n";
        Map<String, String> trailers = new LinkedHashMap<>();
        InputStream in = new AwsChunkedInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)),
                Optional.empty(), false, trailers, -1);
        assertEquals("hello, world", new String(readAll(in), StandardCharsets.UTF_8));
        assertEquals(Map.of("x-amz-checksum-sha256", "abc="), trailers);
    }

    @Test
    void brokenFramingIsAClearError() {
        InputStream garbage = new AwsChunkedInputStream(new ByteArrayInputStream("zz\r\nhello".getBytes(StandardCharsets.US_ASCII)),
                Optional.empty(), false, new LinkedHashMap<>(), -1);
        AwsException e = assertThrows(AwsException.class, () -> readAll(garbage));
        assertEquals("InvalidRequest", e.code());
        InputStream truncated = new AwsChunkedInputStream(new ByteArrayInputStream("a\r\nhello".getBytes(StandardCharsets.US_ASCII)),
                Optional.empty(), false, new LinkedHashMap<>(), -1);
        assertEquals("IncompleteBody", assertThrows(AwsException.class, () -> readAll(truncated)).code());
        InputStream shortBody = new AwsChunkedInputStream(new ByteArrayInputStream("5\r\nhello\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)),
                Optional.empty(), false, new LinkedHashMap<>(), 6);
        assertEquals("IncompleteBody", assertThrows(AwsException.class, () -> readAll(shortBody)).code());
    }
}
