package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.SignedHttp;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bucket configurations a learner sets up beside a website: CORS (with the browser's
 * preflight and the headers on real requests), lifecycle rules, default encryption. They
 * used to be 501 NotImplemented; now they behave as on AWS and survive a restart.
 */
class S3CorsLifecycleTest {
    private static S3Exception error(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(S3Exception.class, call);
    }

    private static SignedHttp.Response preflight(TestSandbox box, String origin, String method, String headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(box.endpoint() + "/cors-site/app.js"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return SignedHttp.send(request.build());
    }

    @Test
    void corsRulesAnswerPreflightsAndSurviveARestart(@TempDir Path data) {
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            S3Client s3 = box.s3();
            s3.createBucket(b -> b.bucket("cors-site"));
            s3.putObject(b -> b.bucket("cors-site").key("app.js"), RequestBody.fromString("app()"));
            S3Exception none = error(() -> s3.getBucketCors(b -> b.bucket("cors-site")));
            assertEquals("NoSuchCORSConfiguration", none.awsErrorDetails().errorCode());
            assertEquals(404, none.statusCode());
            SignedHttp.Response disabled = preflight(box, "http://localhost:3000", "GET", null);
            assertEquals(403, disabled.status());
            assertTrue(disabled.body().contains("<Code>AccessForbidden</Code><Message>CORSResponse: CORS is not enabled "
                    + "for this bucket.</Message>"), disabled.body());

            s3.putBucketCors(b -> b.bucket("cors-site").corsConfiguration(c -> c.corsRules(CORSRule.builder()
                    .allowedOrigins("http://localhost:*").allowedMethods("GET", "PUT").allowedHeaders("*")
                    .exposeHeaders("ETag").maxAgeSeconds(300).build())));
            S3Exception patch = error(() -> s3.putBucketCors(b -> b.bucket("cors-site").corsConfiguration(c -> c.corsRules(
                    CORSRule.builder().allowedOrigins("*").allowedMethods("PATCH").build()))));
            assertEquals("InvalidRequest", patch.awsErrorDetails().errorCode());
            assertEquals("Found unsupported HTTP method in CORS config. Unsupported method is PATCH",
                    patch.awsErrorDetails().errorMessage());

            SignedHttp.Response allowed = preflight(box, "http://localhost:3000", "PUT", "content-type, x-amz-date");
            assertEquals(200, allowed.status(), allowed.body());
            assertEquals("http://localhost:3000", allowed.header("Access-Control-Allow-Origin"));
            assertEquals("GET, PUT", allowed.header("Access-Control-Allow-Methods"));
            assertEquals("content-type, x-amz-date", allowed.header("Access-Control-Allow-Headers"));
            assertEquals("300", allowed.header("Access-Control-Max-Age"));
            assertEquals(403, preflight(box, "http://evil.example", "GET", null).status());
            assertEquals(403, preflight(box, "http://localhost:3000", "DELETE", null).status());

            var fromPage = s3.getObjectAsBytes(b -> b.bucket("cors-site").key("app.js")
                    .overrideConfiguration(o -> o.putHeader("Origin", "http://localhost:8080"))).response().sdkHttpResponse();
            assertEquals("http://localhost:8080", fromPage.firstMatchingHeader("Access-Control-Allow-Origin").orElse(null));
            assertEquals("ETag", fromPage.firstMatchingHeader("Access-Control-Expose-Headers").orElse(null));
            var fromElsewhere = s3.getObjectAsBytes(b -> b.bucket("cors-site").key("app.js")
                    .overrideConfiguration(o -> o.putHeader("Origin", "http://evil.example"))).response().sdkHttpResponse();
            assertEquals(java.util.Optional.empty(), fromElsewhere.firstMatchingHeader("Access-Control-Allow-Origin"));
        }
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            S3Client s3 = box.s3();
            CORSRule rule = s3.getBucketCors(b -> b.bucket("cors-site")).corsRules().get(0);
            assertEquals(List.of("http://localhost:*"), rule.allowedOrigins());
            assertEquals(List.of("GET", "PUT"), rule.allowedMethods());
            assertEquals(300, rule.maxAgeSeconds());
            s3.deleteBucketCors(b -> b.bucket("cors-site"));
            assertEquals(404, error(() -> s3.getBucketCors(b -> b.bucket("cors-site"))).statusCode());
        }
    }

    @Test
    void lifecycleRulesAreCheckedAndKept() {
        try (TestSandbox box = TestSandbox.start()) {
            S3Client s3 = box.s3();
            s3.createBucket(b -> b.bucket("with-rules"));
            S3Exception none = error(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket("with-rules")));
            assertEquals("NoSuchLifecycleConfiguration", none.awsErrorDetails().errorCode());
            assertEquals(404, none.statusCode());
            s3.putBucketLifecycleConfiguration(b -> b.bucket("with-rules").lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("expire-logs").filter(f -> f.prefix("logs/")).status(ExpirationStatus.ENABLED)
                            .expiration(e -> e.days(30)).build())));
            LifecycleRule kept = s3.getBucketLifecycleConfiguration(b -> b.bucket("with-rules")).rules().get(0);
            assertEquals("expire-logs", kept.id());
            assertEquals("logs/", kept.filter().prefix());
            assertEquals(30, kept.expiration().days());
            S3Exception noAction = error(() -> s3.putBucketLifecycleConfiguration(b -> b.bucket("with-rules")
                    .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder().id("idle").filter(f -> f.prefix("x/"))
                            .status(ExpirationStatus.ENABLED).build()))));
            assertEquals("InvalidRequest", noAction.awsErrorDetails().errorCode());
            assertEquals("At least one action needs to be specified in a rule", noAction.awsErrorDetails().errorMessage());
            s3.deleteBucketLifecycle(b -> b.bucket("with-rules"));
            assertEquals(404, error(() -> s3.getBucketLifecycleConfiguration(b -> b.bucket("with-rules"))).statusCode());
        }
    }

    @Test
    void defaultEncryptionIsSseS3AndStaysSo() {
        try (TestSandbox box = TestSandbox.start()) {
            S3Client s3 = box.s3();
            s3.createBucket(b -> b.bucket("encrypted"));
            s3.putBucketEncryption(b -> b.bucket("encrypted").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                    .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
            s3.deleteBucketEncryption(b -> b.bucket("encrypted"));
            assertEquals(ServerSideEncryption.AES256, s3.getBucketEncryption(b -> b.bucket("encrypted"))
                    .serverSideEncryptionConfiguration().rules().get(0).applyServerSideEncryptionByDefault().sseAlgorithm());
            S3Exception kms = error(() -> s3.putBucketEncryption(b -> b.bucket("encrypted").serverSideEncryptionConfiguration(
                    c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS))))));
            assertEquals("NotImplemented", kms.awsErrorDetails().errorCode());
            assertEquals(501, kms.statusCode());
        }
    }
}
