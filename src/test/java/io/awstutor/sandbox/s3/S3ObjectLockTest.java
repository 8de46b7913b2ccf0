package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No sandbox bucket has Object Lock, so every lock operation gets the error AWS gives a bucket
 * without it — and none of them may be taken for a PutObject or GetObject of the key.
 */
class S3ObjectLockTest {
    private static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");
    private static TestSandbox box;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        s3 = box.s3();
        s3.createBucket(b -> b.bucket("no-lock"));
        s3.putObject(b -> b.bucket("no-lock").key("kept.txt"), RequestBody.fromString("the original"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static void assertError(String code, int status, String message, Executable call) {
        S3Exception e = assertThrows(S3Exception.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode());
        assertEquals(message, e.awsErrorDetails().errorMessage());
    }

    @Test
    void retentionAndLegalHoldAreRefusedAndTheObjectStaysAsItWas() {
        String missing = "Bucket is missing Object Lock Configuration";
        assertError("InvalidRequest", 400, missing, () -> s3.putObjectRetention(b -> b.bucket("no-lock").key("kept.txt")
                .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(UNTIL))));
        assertError("InvalidRequest", 400, missing, () -> s3.putObjectLegalHold(b -> b.bucket("no-lock").key("kept.txt")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON))));
        assertError("InvalidRequest", 400, missing, () -> s3.getObjectRetention(b -> b.bucket("no-lock").key("kept.txt")));
        assertError("InvalidRequest", 400, missing, () -> s3.getObjectLegalHold(b -> b.bucket("no-lock").key("kept.txt")));
        assertEquals("the original", s3.getObjectAsBytes(b -> b.bucket("no-lock").key("kept.txt")).asUtf8String());
    }

    @Test
    void bucketLockConfigurationIsAbsentAndCannotBeTurnedOnWithoutVersioning() {
        assertError("ObjectLockConfigurationNotFoundError", 404, "Object Lock configuration does not exist for this bucket",
                () -> s3.getObjectLockConfiguration(b -> b.bucket("no-lock")));
        assertError("InvalidBucketState", 409, "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration",
                () -> s3.putObjectLockConfiguration(b -> b.bucket("no-lock")
                        .objectLockConfiguration(c -> c.objectLockEnabled("Enabled"))));
    }

    @Test
    void writesWithLockHeadersAreRefusedAndStoreNothing() {
        String missing = "Bucket is missing ObjectLockConfiguration";
        assertError("InvalidRequest", 400, missing, () -> s3.putObject(b -> b.bucket("no-lock").key("locked.txt")
                .objectLockMode(ObjectLockMode.GOVERNANCE).objectLockRetainUntilDate(UNTIL), RequestBody.fromString("x")));
        assertError("InvalidRequest", 400, missing, () -> s3.createMultipartUpload(b -> b.bucket("no-lock").key("locked.txt")
                .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)));
        assertError("InvalidRequest", 400, missing, () -> s3.copyObject(b -> b.sourceBucket("no-lock").sourceKey("kept.txt")
                .destinationBucket("no-lock").destinationKey("locked.txt").objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(UNTIL)));
        assertThrows(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
                () -> s3.headObject(b -> b.bucket("no-lock").key("locked.txt")));
        assertError("NotImplemented", 501, "A header you provided implies functionality that is not implemented",
                () -> s3.createBucket(b -> b.bucket("wants-lock").objectLockEnabledForBucket(true)));
    }

    @Test
    void theCliSeesTheSameAndTheObjectSurvives() {
        ExternalTools.Result retention = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "s3api",
                "put-object-retention", "--bucket", "no-lock", "--key", "kept.txt",
                "--retention", "Mode=GOVERNANCE,RetainUntilDate=2030-01-01T00:00:00Z");
        assertNotEquals(0, retention.exitCode());
        assertTrue(retention.stderr().contains("(InvalidRequest) when calling the PutObjectRetention operation: "
                + "Bucket is missing Object Lock Configuration"), retention.toString());
        assertEquals("the original", s3.getObjectAsBytes(b -> b.bucket("no-lock").key("kept.txt")).asUtf8String());
    }

    @Test
    void objectOperationsTheSandboxLacksSayNotImplemented() {
        assertError("NotImplemented", 501, "The sandbox does not implement the object's torrent operation",
                () -> s3.getObjectTorrent(b -> b.bucket("no-lock").key("kept.txt"), (r, in) -> null));
    }
}
