package io.awstutor.sandbox.http;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SignedHttp;
import io.awstutor.sandbox.auth.Authenticator;
import io.awstutor.sandbox.auth.Authorizer;
import io.awstutor.sandbox.auth.CredentialChain;
import io.awstutor.sandbox.auth.KeyUseListener;
import io.awstutor.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3's own answers to a refused signature (InvalidAccessKeyId, SignatureDoesNotMatch with its
 * StringToSign, RequestTimeTooSkewed, an expired presigned URL), in front of a stand-in S3
 * handler that answers 200 to whatever reaches it.
 */
class S3SignatureErrorsTest {
    private static final MutableClock CLOCK = new MutableClock();
    private static SandboxServer server;

    @BeforeAll
    static void start() throws Exception {
        ServiceHandler ok = new ServiceHandler() {
            public String signingName() { return "s3"; }
            /** S3's error document shape, as the s3 package writes it. */
            public ErrorFormat errorFormat() {
                return (error, requestId) -> {
                    io.awstutor.sandbox.protocol.XmlWriter xml = new io.awstutor.sandbox.protocol.XmlWriter().start("Error")
                            .element("Code", error.code()).element("Message", error.getMessage());
                    error.extraFields().forEach(xml::element);
                    return SandboxResponse.xml(error.status(), xml.element("RequestId", requestId).end().toString());
                };
            }
            public SandboxResponse handle(ServiceCall call) {
                return SandboxResponse.bytes(200, "text/plain", ("caller " + call.caller().arn()).getBytes());
            }
        };
        CredentialChain keys = new CredentialChain(Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY, Sandbox.ROOT_ACCOUNT);
        server = SandboxServer.start(0, new Dispatcher(Map.of("s3", ok), new Authenticator(keys, CLOCK),
                io.awstutor.testing.AllowAll.AUTHORIZER, CLOCK, KeyUseListener.NONE));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private static S3Client s3(String key, String secret) {
        return S3Client.builder().forcePathStyle(true).endpointOverride(endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .overrideConfiguration(c -> c.retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Test
    void unknownKeyIsInvalidAccessKeyId() {
        try (S3Client s3 = s3("AKIAUNKNOWN000000000", "x")) {
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> s3.headBucket(r -> r.bucket("b")));
            assertEquals(403, e.statusCode());
            AwsServiceException get = assertThrows(AwsServiceException.class, () -> s3.listObjectsV2(r -> r.bucket("b")));
            assertEquals("InvalidAccessKeyId", get.awsErrorDetails().errorCode());
            assertEquals("The AWS Access Key Id you provided does not exist in our records.", get.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatchWithTheStringToSign() {
        try (S3Client s3 = s3("test", "wrong")) {
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> s3.listObjectsV2(r -> r.bucket("b")));
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
        }
        SignedHttp.Response raw = SignedHttp.s3Get(endpoint().resolve("/b?list-type=2"), "us-east-1",
                AwsBasicCredentials.create("test", "wrong"), java.time.Clock.systemUTC());
        assertEquals(403, raw.status());
        assertTrue(raw.body().contains("<StringToSign>AWS4-HMAC-SHA256\n"), raw.body());
        assertTrue(raw.body().contains("<CanonicalRequest>GET\n/b\nlist-type=2\n"), raw.body());
        assertTrue(raw.body().contains("<AWSAccessKeyId>test</AWSAccessKeyId>"), raw.body());
    }

    @Test
    void presignedUrlWorksUntilItExpires() {
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            URI url = URI.create(presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(10))
                    .getObjectRequest(g -> g.bucket("b").key("some key/ü.txt"))).url().toString());
            SignedHttp.Response ok = SignedHttp.get(url, Map.of());
            assertEquals(200, ok.status(), ok.body());
            assertEquals("caller arn:aws:iam::000000000000:root", ok.body());

            CLOCK.advance(Duration.ofMinutes(11));
            try {
                SignedHttp.Response expired = SignedHttp.get(url, Map.of());
                assertEquals(403, expired.status(), expired.body());
                assertTrue(expired.body().contains("<Code>AccessDenied</Code>"), expired.body());
                assertTrue(expired.body().contains("<Message>Request has expired</Message>"), expired.body());
                assertTrue(expired.body().contains("<X-Amz-Expires>600</X-Amz-Expires>"), expired.body());
                assertTrue(expired.body().contains("<Expires>") && expired.body().contains("<ServerTime>"), expired.body());
            } finally {
                CLOCK.reset();
            }
        }
    }

    @Test
    void skewIsRequestTimeTooSkewed() {
        CLOCK.advance(Duration.ofMinutes(16));
        try (S3Client s3 = s3("test", "test")) {
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> s3.listObjectsV2(r -> r.bucket("b")));
            assertEquals("RequestTimeTooSkewed", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
            SignedHttp.Response raw = SignedHttp.s3Get(endpoint().resolve("/b"), "us-east-1",
                    AwsBasicCredentials.create("test", "test"), java.time.Clock.systemUTC());
            assertTrue(raw.body().contains("<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>"), raw.body());
        } finally {
            CLOCK.reset();
        }
    }
}
