package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Payer;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.core.sync.RequestBody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a tool that reads every bucket setting (Terraform refreshing an aws_s3_bucket) meets:
 * the features the sandbox can't configure read as a fresh AWS bucket's — none configured —
 * instead of 501; writing them stays NotImplemented. So do object writes that ask for an
 * encryption the sandbox can't apply: never a success that stored the object unprotected.
 */
class S3UnconfiguredFeaturesTest {
    private static TestSandbox box;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        s3 = box.s3();
        s3.createBucket(b -> b.bucket("fresh"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    @Test
    void readsAnswerWithNothingConfigured() {
        assertNull(s3.getBucketAccelerateConfiguration(b -> b.bucket("fresh")).status());
        assertEquals(Payer.BUCKET_OWNER, s3.getBucketRequestPayment(b -> b.bucket("fresh")).payer());
        assertNull(s3.getBucketLogging(b -> b.bucket("fresh")).loggingEnabled());
        var notifications = s3.getBucketNotificationConfiguration(b -> b.bucket("fresh"));
        assertTrue(notifications.topicConfigurations().isEmpty() && notifications.queueConfigurations().isEmpty());
        assertFalse(s3.listBucketAnalyticsConfigurations(b -> b.bucket("fresh")).isTruncated());
        assertTrue(s3.listBucketMetricsConfigurations(b -> b.bucket("fresh")).metricsConfigurationList().isEmpty());
        assertTrue(s3.listBucketInventoryConfigurations(b -> b.bucket("fresh")).inventoryConfigurationList().isEmpty());
        assertTrue(s3.listBucketIntelligentTieringConfigurations(b -> b.bucket("fresh"))
                .intelligentTieringConfigurationList().isEmpty());
        S3Exception replication = assertThrows(S3Exception.class, () -> s3.getBucketReplication(b -> b.bucket("fresh")));
        assertEquals("ReplicationConfigurationNotFoundError", replication.awsErrorDetails().errorCode());
        assertEquals(404, replication.statusCode());
        S3Exception one = assertThrows(S3Exception.class, () -> s3.getBucketMetricsConfiguration(b -> b.bucket("fresh").id("all")));
        assertEquals("NoSuchConfiguration", one.awsErrorDetails().errorCode());
    }

    @Test
    void writesStayNotImplemented() {
        S3Exception logging = assertThrows(S3Exception.class, () -> s3.putBucketLogging(b -> b.bucket("fresh")
                .bucketLoggingStatus(s -> s.loggingEnabled(l -> l.targetBucket("fresh").targetPrefix("logs/")))));
        assertEquals("NotImplemented", logging.awsErrorDetails().errorCode());
        assertEquals(501, logging.statusCode());
    }

    @Test
    void encryptionTheSandboxLacksIsRefusedNotFaked() {
        S3Exception kms = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket("fresh").key("kms")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromString("secret")));
        assertEquals("NotImplemented", kms.awsErrorDetails().errorCode());
        assertEquals(501, kms.statusCode());
        S3Exception customerKey = assertThrows(S3Exception.class, () -> s3.createMultipartUpload(b -> b.bucket("fresh")
                .key("ssec").sseCustomerAlgorithm("AES256").sseCustomerKey("MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=")
                .sseCustomerKeyMD5("GS4rkF0bTLrd/XEUBnM6Ng==")));
        assertEquals("NotImplemented", customerKey.awsErrorDetails().errorCode());
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket("fresh").key("kms")));
        assertEquals(ServerSideEncryption.AES256, s3.putObject(b -> b.bucket("fresh").key("sse-s3")
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("fine")).serverSideEncryption());
    }
}
