package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.StorageClass;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every body encoding today's clients use ends up as exactly the bytes sent (never chunk
 * framing), and a restore takes its (scaled) time.
 */
class S3BodyEncodingTest {
    private static TestSandbox box;
    private static final byte[] BODY = new byte[200_000];

    @BeforeAll
    static void start() {
        box = TestSandbox.start(1.0);
        new Random(17).nextBytes(BODY);
        box.s3().createBucket(b -> b.bucket("encodings"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static void assertStored(String key) {
        assertArrayEquals(BODY, box.s3().getObjectAsBytes(b -> b.bucket("encodings").key(key)).asByteArray(), key);
    }

    @Test
    void syncClientWithTrailingChecksum() {
        box.s3().putObject(b -> b.bucket("encodings").key("signed-trailer"),
                RequestBody.fromInputStream(new ByteArrayInputStream(BODY), BODY.length));
        assertStored("signed-trailer");
    }

    @Test
    void syncClientWithoutChecksumSendsSignedChunks() {
        try (S3Client plain = S3Client.builder().endpointOverride(box.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root())).build()) {
            plain.putObject(b -> b.bucket("encodings").key("signed-chunks"),
                    RequestBody.fromInputStream(new ByteArrayInputStream(BODY), BODY.length));
        }
        assertStored("signed-chunks");
    }

    @Test
    void asyncClientSendsUnsignedChunksWithTrailer() {
        try (S3AsyncClient async = S3AsyncClient.builder().endpointOverride(box.endpoint()).forcePathStyle(true)
                .region(Region.US_EAST_1).credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root())).build()) {
            async.putObject(b -> b.bucket("encodings").key("unsigned-trailer"), AsyncRequestBody.fromBytes(BODY)).join();
        }
        assertStored("unsigned-trailer");
    }

    @Test
    void aRestoreTakesItsTime() {
        var s3 = box.s3();
        s3.putObject(b -> b.bucket("encodings").key("deep").storageClass(StorageClass.DEEP_ARCHIVE), RequestBody.fromString("deep"));
        assertEquals(StorageClass.DEEP_ARCHIVE, s3.headObject(b -> b.bucket("encodings").key("deep")).storageClass());
        s3.putObject(b -> b.bucket("encodings").key("cold").storageClass(StorageClass.GLACIER), RequestBody.fromString("cold"));
        s3.restoreObject(b -> b.bucket("encodings").key("cold").restoreRequest(r -> r.days(2)
                .glacierJobParameters(g -> g.tier("Expedited"))));
        assertEquals("ongoing-request=\"true\"", s3.headObject(b -> b.bucket("encodings").key("cold")).restore());
        var stillFrozen = assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class,
                () -> s3.getObject(b -> b.bucket("encodings").key("cold")));
        assertEquals("InvalidObjectState", stillFrozen.awsErrorDetails().errorCode());
        var again = assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class,
                () -> s3.restoreObject(b -> b.bucket("encodings").key("cold").restoreRequest(r -> r.days(2))));
        assertEquals("RestoreAlreadyInProgress", again.awsErrorDetails().errorCode());
        box.clock().advance(Duration.ofSeconds(61));
        try {
            assertTrue(s3.headObject(b -> b.bucket("encodings").key("cold")).restore().startsWith("ongoing-request=\"false\", expiry-date="));
            assertEquals("cold", s3.getObjectAsBytes(b -> b.bucket("encodings").key("cold")).asUtf8String());
        } finally {
            box.clock().reset();
        }
    }
}
