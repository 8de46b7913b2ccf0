package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same listing requests and the same mistakes, sent to the sandbox and to moto_server:
 * where moto follows AWS's documentation the answers must agree (keys, common prefixes,
 * truncation, markers; error codes and HTTP statuses).
 */
class S3MotoDifferentialTest {
    private static TestSandbox box;
    private static ExternalTools.MotoServer moto;
    private static S3Client sandbox;
    private static S3Client motoClient;
    private static final List<String> KEYS = List.of("a.txt", "b/1.txt", "b/2.txt", "b/c/3.txt", "d e/4.txt", "f+g.txt",
            "photos/2024/jan.jpg", "photos/2024/feb.jpg", "photos/2025/mar.jpg", "z/", "ü.txt");

    @BeforeAll
    static void start() {
        moto = ExternalTools.MotoServer.start(ExternalTools.motoServer());
        box = TestSandbox.start();
        sandbox = box.s3();
        motoClient = S3Client.builder().endpointOverride(moto.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root()))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        for (S3Client s3 : List.of(sandbox, motoClient)) {
            s3.createBucket(b -> b.bucket("diff"));
            for (String key : KEYS) {
                s3.putObject(b -> b.bucket("diff").key(key), RequestBody.fromString(key));
            }
            s3.createBucket(b -> b.bucket("diff-full"));
            s3.putObject(b -> b.bucket("diff-full").key("k"), RequestBody.fromString("x"));
        }
    }

    @AfterAll
    static void stop() {
        if (motoClient != null) {
            motoClient.close();
        }
        if (box != null) {
            box.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    private static Map<String, Object> v1(ListObjectsResponse r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keys", r.contents().stream().map(S3Object::key).toList());
        out.put("sizes", r.contents().stream().map(S3Object::size).toList());
        out.put("etags", r.contents().stream().map(S3Object::eTag).toList());
        out.put("prefixes", r.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        out.put("truncated", r.isTruncated());
        out.put("nextMarker", r.nextMarker());
        out.put("maxKeys", r.maxKeys());
        return out;
    }

    private static Map<String, Object> v2(ListObjectsV2Response r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keys", r.contents().stream().map(S3Object::key).toList());
        out.put("prefixes", r.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        out.put("truncated", r.isTruncated());
        out.put("keyCount", r.keyCount());
        out.put("startAfter", r.startAfter());
        return out;
    }

    private static <T> void same(String what, Function<S3Client, T> call) {
        assertEquals(call.apply(motoClient), call.apply(sandbox), what);
    }

    @Test
    void listObjectsV1AgreesWithMoto() {
        same("all", s -> v1(s.listObjects(b -> b.bucket("diff"))));
        same("delimiter", s -> v1(s.listObjects(b -> b.bucket("diff").delimiter("/"))));
        same("prefix+delimiter", s -> v1(s.listObjects(b -> b.bucket("diff").prefix("photos/").delimiter("/"))));
        same("marker", s -> v1(s.listObjects(b -> b.bucket("diff").marker("b/2.txt"))));
        // not compared: v1 with a delimiter and max-keys; moto returns everything, while AWS documents that
        // CommonPrefixes count toward MaxKeys (S3SdkTest and S3BackendTest cover the AWS behaviour)
        // without a delimiter AWS sends no NextMarker (moto sends one, holding an ETag): compare the rest
        same("max-keys without delimiter", s -> {
            Map<String, Object> page = v1(s.listObjects(b -> b.bucket("diff").maxKeys(3)));
            page.remove("nextMarker");
            return page;
        });
        same("prefix without matches", s -> v1(s.listObjects(b -> b.bucket("diff").prefix("nothing"))));
    }

    @Test
    void listObjectsV2AgreesWithMoto() {
        same("all", s -> v2(s.listObjectsV2(b -> b.bucket("diff"))));
        same("delimiter", s -> v2(s.listObjectsV2(b -> b.bucket("diff").delimiter("/"))));
        same("start-after", s -> v2(s.listObjectsV2(b -> b.bucket("diff").startAfter("d e/4.txt"))));
        same("page of 4", s -> v2(s.listObjectsV2(b -> b.bucket("diff").maxKeys(4))));
        same("all pages", s -> s.listObjectsV2Paginator(b -> b.bucket("diff").maxKeys(2)).contents().stream()
                .map(S3Object::key).toList());
        same("all pages with delimiter", s -> {
            List<String> seen = new ArrayList<>();
            s.listObjectsV2Paginator(b -> b.bucket("diff").delimiter("/").maxKeys(2)).forEach(p -> {
                p.contents().forEach(o -> seen.add(o.key()));
                p.commonPrefixes().forEach(c -> seen.add(c.prefix()));
            });
            return seen;
        });
    }

    private static String failure(S3Client s3, Consumer<S3Client> call) {
        try {
            call.accept(s3);
            return "no error";
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            return e.statusCode() + " " + code;
        }
    }

    private static void sameError(String what, Consumer<S3Client> call) {
        assertEquals(failure(motoClient, call), failure(sandbox, call), what);
    }

    @Test
    void errorsAgreeWithMoto() {
        sameError("missing bucket", s -> s.listObjects(b -> b.bucket("no-such-bucket-here")));
        sameError("missing key", s -> s.getObject(b -> b.bucket("diff").key("missing")));
        sameError("head of a missing key", s -> s.headObject(b -> b.bucket("diff").key("missing")));
        sameError("delete a non-empty bucket", s -> s.deleteBucket(b -> b.bucket("diff-full")));
        sameError("no tags", s -> s.getBucketTagging(b -> b.bucket("diff")));
        sameError("no policy", s -> s.getBucketPolicy(b -> b.bucket("diff")));
        sameError("no website", s -> s.getBucketWebsite(b -> b.bucket("diff")));
        sameError("unknown upload", s -> s.listParts(b -> b.bucket("diff").key("k").uploadId("nope")));
        sameError("range past the end", s -> s.getObject(b -> b.bucket("diff").key("a.txt").range("bytes=100-200")));
        sameError("failed If-Match", s -> s.getObject(b -> b.bucket("diff").key("a.txt").ifMatch("\"0\"")));
        // not compared: bucket names with the reserved prefixes (xn--, sthree-, ...), which moto accepts and AWS refuses
        sameError("abort an unknown upload", s -> s.abortMultipartUpload(b -> b.bucket("diff").key("k").uploadId("nope")));
    }

}
