package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.SignedHttp;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.sandbox.protocol.HttpDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests no SDK would send get S3's own XML error, with AWS's code and status, and lose nothing. */
class S3MalformedRequestTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        box.s3().createBucket(b -> b.bucket("malformed"));
        box.s3().putObject(b -> b.bucket("malformed").key("one-part"), RequestBody.fromString("single"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static SignedHttp.Response raw(String method, String path, String body, boolean contentLength) {
        return SignedHttp.s3Raw(box.endpoint(), method, path, Map.of(), body.getBytes(StandardCharsets.UTF_8),
                contentLength, TestSandbox.root());
    }

    @Test
    void aPutWithoutContentLengthIsRefusedNotStoredEmpty() {
        SignedHttp.Response response = raw("PUT", "/malformed/no-length", "", false);
        assertEquals(411, response.status(), response.body());
        assertTrue(response.body().contains("<Code>MissingContentLength</Code>"
                + "<Message>You must provide the Content-Length HTTP header.</Message>"), response.body());
        assertThrows(NoSuchKeyException.class, () -> box.s3().headObject(b -> b.bucket("malformed").key("no-length")));
        assertEquals(200, raw("PUT", "/malformed/with-length", "", true).status());
    }

    @Test
    void anErrorBeforeTheBodyIsReadStillReachesAClientThatSendsItAll() {
        // no Expect: 100-continue, so the client sends all 3 MB before it reads the answer
        byte[] body = new byte[3_000_000];
        SignedHttp.Response response = SignedHttp.s3Raw(box.endpoint(), "PUT", "/no-such-bucket-here/k", Map.of(), body, true,
                TestSandbox.root());
        assertEquals(404, response.status());
        assertTrue(response.body().contains("<Code>NoSuchBucket</Code>"), response.body());
    }

    @Test
    void aRetentionRequestIsNeverStoredAsTheObject() {
        SignedHttp.Response response = raw("PUT", "/malformed/one-part?retention",
                "<Retention><Mode>GOVERNANCE</Mode><RetainUntilDate>2030-01-01T00:00:00Z</RetainUntilDate></Retention>", true);
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("<Code>InvalidRequest</Code>"), response.body());
        assertEquals("single", box.s3().getObjectAsBytes(b -> b.bucket("malformed").key("one-part")).asUtf8String());
    }

    @Test
    void anUnknownChecksumAlgorithmIsRefusedNotReplacedByTheDefault() {
        SignedHttp.Response response = SignedHttp.s3Raw(box.endpoint(), "PUT", "/malformed/md4", Map.of(
                "x-amz-sdk-checksum-algorithm", "MD4"), "body".getBytes(StandardCharsets.UTF_8), true, TestSandbox.root());
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("<Code>InvalidRequest</Code><Message>Value for x-amz-sdk-checksum-algorithm header "
                + "is invalid.</Message>"), response.body());
        assertThrows(NoSuchKeyException.class, () -> box.s3().headObject(b -> b.bucket("malformed").key("md4")));
    }

    @Test
    void aPartNumberBeyondTheObjectIsNotSatisfiable() {
        S3Exception e = assertThrows(S3Exception.class, () -> box.s3().getObject(b -> b.bucket("malformed").key("one-part")
                .partNumber(2)));
        assertEquals("InvalidPartNumber", e.awsErrorDetails().errorCode());
        assertEquals(416, e.statusCode());
        assertEquals(416, assertThrows(S3Exception.class, () -> box.s3().headObject(b -> b.bucket("malformed").key("one-part")
                .partNumber(2))).statusCode());
        S3Exception both = assertThrows(S3Exception.class, () -> box.s3().getObject(b -> b.bucket("malformed").key("one-part")
                .partNumber(1).range("bytes=0-1")));
        assertEquals("InvalidRequest", both.awsErrorDetails().errorCode());
        assertEquals("Cannot specify both Range header and partNumber query parameter", both.awsErrorDetails().errorMessage());
    }

    @Test
    void httpDatesHaveTwoDigitDaysAsAwsWritesThem() {
        assertEquals("Tue, 01 Dec 2026 07:01:32 GMT", HttpDate.format(Instant.parse("2026-12-01T07:01:32Z")));
        String lastModified = box.s3().headObject(b -> b.bucket("malformed").key("one-part")).sdkHttpResponse()
                .firstMatchingHeader("Last-Modified").orElseThrow();
        assertTrue(lastModified.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"), lastModified);
    }
}
