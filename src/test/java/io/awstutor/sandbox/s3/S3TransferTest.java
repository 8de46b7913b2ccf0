package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Large bodies (the async client's multipart upload, S3TransferManager) and presigned URLs. */
class S3TransferTest {
    private static final long SIZE = 25L * 1024 * 1024 + 12_345;
    private static TestSandbox box;
    private static S3Client s3;
    private static S3AsyncClient async;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        s3 = box.s3();
        async = S3AsyncClient.builder().multipartEnabled(true)
                .multipartConfiguration(c -> c.minimumPartSizeInBytes(8L * 1024 * 1024).thresholdInBytes(8L * 1024 * 1024))
                .endpointOverride(box.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root())).build();
        s3.createBucket(b -> b.bucket("transfers"));
    }

    @AfterAll
    static void stop() {
        async.close();
        box.close();
    }

    private static Path randomFile(Path dir, String name, long size) throws Exception {
        Path file = dir.resolve(name);
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(size);
        try (var out = Files.newOutputStream(file)) {
            long left = size;
            while (left > 0) {
                random.nextBytes(chunk);
                int n = (int) Math.min(chunk.length, left);
                out.write(chunk, 0, n);
                left -= n;
            }
        }
        return file;
    }

    private static String md5(InputStream in) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (DigestInputStream digest = new DigestInputStream(in, md5)) {
            digest.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    @Test
    void asyncMultipartClientUploadsALargeFile(@TempDir Path dir) throws Exception {
        Path file = randomFile(dir, "big.bin", SIZE);
        async.putObject(b -> b.bucket("transfers").key("async/big.bin"), AsyncRequestBody.fromFile(file)).join();
        var head = s3.headObject(b -> b.bucket("transfers").key("async/big.bin"));
        assertEquals(SIZE, head.contentLength());
        assertTrue(head.eTag().matches("\"[0-9a-f]{32}-4\""), head.eTag());
        Path back = dir.resolve("back.bin");
        async.getObject(b -> b.bucket("transfers").key("async/big.bin"), AsyncResponseTransformer.toFile(back)).join();
        assertEquals(md5(Files.newInputStream(file)), md5(Files.newInputStream(back)));
    }

    @Test
    void transferManagerUploadsAndDownloads(@TempDir Path dir) throws Exception {
        Path file = randomFile(dir, "tm.bin", SIZE);
        try (S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
            tm.uploadFile(u -> u.source(file).putObjectRequest(p -> p.bucket("transfers").key("tm/tm.bin")))
                    .completionFuture().join();
            Path back = dir.resolve("tm-back.bin");
            tm.downloadFile(d -> d.destination(back).getObjectRequest(g -> g.bucket("transfers").key("tm/tm.bin")))
                    .completionFuture().join();
            assertEquals(md5(Files.newInputStream(file)), md5(Files.newInputStream(back)));
        }
    }

    @Test
    void multipartRulesThroughTheSyncClient() {
        String id = s3.createMultipartUpload(b -> b.bucket("transfers").key("rules")).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket("transfers").key("rules").uploadId(id).partNumber(1),
                RequestBody.fromBytes(new byte[1024])).eTag();
        String e2 = s3.uploadPart(b -> b.bucket("transfers").key("rules").uploadId(id).partNumber(2),
                RequestBody.fromBytes(new byte[1024])).eTag();
        assertEquals(2, s3.listParts(b -> b.bucket("transfers").key("rules").uploadId(id)).parts().size());
        assertEquals(1, s3.listMultipartUploads(b -> b.bucket("transfers")).uploads().stream()
                .filter(u -> u.uploadId().equals(id)).count());
        S3Exception small = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> b.bucket("transfers")
                .key("rules").uploadId(id).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))));
        assertEquals("EntityTooSmall", small.awsErrorDetails().errorCode());
        S3Exception invalid = assertThrows(S3Exception.class, () -> s3.completeMultipartUpload(b -> b.bucket("transfers")
                .key("rules").uploadId(id).multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(3).eTag(e1).build()))));
        assertEquals("InvalidPart", invalid.awsErrorDetails().errorCode());
        s3.abortMultipartUpload(b -> b.bucket("transfers").key("rules").uploadId(id));
        S3Exception gone = assertThrows(S3Exception.class, () -> s3.listParts(b -> b.bucket("transfers").key("rules").uploadId(id)));
        assertEquals("NoSuchUpload", gone.awsErrorDetails().errorCode());
    }

    @Test
    void uploadPartCopyBuildsAnObjectFromRanges() {
        byte[] source = new byte[6 * 1024 * 1024];
        new Random(9).nextBytes(source);
        s3.putObject(b -> b.bucket("transfers").key("copy-source"), RequestBody.fromBytes(source));
        String id = s3.createMultipartUpload(b -> b.bucket("transfers").key("copied")).uploadId();
        var p1 = s3.uploadPartCopy(b -> b.sourceBucket("transfers").sourceKey("copy-source").destinationBucket("transfers")
                .destinationKey("copied").uploadId(id).partNumber(1).copySourceRange("bytes=0-5242879"));
        var p2 = s3.uploadPartCopy(b -> b.sourceBucket("transfers").sourceKey("copy-source").destinationBucket("transfers")
                .destinationKey("copied").uploadId(id).partNumber(2).copySourceRange("bytes=5242880-6291455"));
        s3.completeMultipartUpload(b -> b.bucket("transfers").key("copied").uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(p1.copyPartResult().eTag()).build(),
                CompletedPart.builder().partNumber(2).eTag(p2.copyPartResult().eTag()).build())));
        byte[] copied = s3.getObjectAsBytes(b -> b.bucket("transfers").key("copied")).asByteArray();
        assertTrue(java.util.Arrays.equals(source, copied));
        byte[] part2 = s3.getObjectAsBytes(b -> b.bucket("transfers").key("copied").partNumber(2)).asByteArray();
        assertEquals(1024 * 1024, part2.length);
    }

    @Test
    void presignedGetAndPutWorkUntilTheyExpire() throws Exception {
        s3.putObject(b -> b.bucket("transfers").key("shared.txt"), RequestBody.fromString("shared body"));
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(box.endpoint()).region(Region.US_EAST_1)
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(TestSandbox.root())).build()) {
            URI get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("transfers").key("shared.txt"))).url().toURI();
            URI put = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(g -> g.bucket("transfers").key("uploaded.txt"))).url().toURI();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> got = http.send(HttpRequest.newBuilder(get).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, got.statusCode());
            assertEquals("shared body", got.body());
            HttpResponse<String> putAnswer = http.send(HttpRequest.newBuilder(put)
                    .PUT(HttpRequest.BodyPublishers.ofString("from curl")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, putAnswer.statusCode(), putAnswer.body());
            assertEquals("from curl", s3.getObjectAsBytes(b -> b.bucket("transfers").key("uploaded.txt")).asUtf8String());
            box.clock().advance(Duration.ofMinutes(6));
            try {
                HttpResponse<String> expired = http.send(HttpRequest.newBuilder(get).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(403, expired.statusCode());
                assertTrue(expired.body().contains("<Code>AccessDenied</Code>"), expired.body());
                assertTrue(expired.body().contains("Request has expired"), expired.body());
            } finally {
                box.clock().reset();
            }
        }
    }

}
