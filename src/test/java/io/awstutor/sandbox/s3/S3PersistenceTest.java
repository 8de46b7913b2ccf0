package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buckets and objects survive a restart with a data folder; a broken upload leaves nothing behind. */
class S3PersistenceTest {

    @Test
    void stateSurvivesARestart(@TempDir Path data) throws Exception {
        String key = "docs/../ünïcode %41 😀.txt";
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            S3Client s3 = box.s3();
            s3.createBucket(b -> b.bucket("kept"));
            s3.putBucketVersioning(b -> b.bucket("kept").versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
            s3.putObject(b -> b.bucket("kept").key(key), RequestBody.fromString("v1"));
            s3.putObject(b -> b.bucket("kept").key(key), RequestBody.fromString("v2"));
            s3.putBucketTagging(b -> b.bucket("kept").tagging(t -> t.tagSet(software.amazon.awssdk.services.s3.model.Tag.builder()
                    .key("env").value("lesson").build())));
            s3.createMultipartUpload(b -> b.bucket("kept").key("pending"));
            brokenUpload(box, s3);
        }
        try (Stream<Path> files = Files.walk(data)) {
            assertTrue(files.noneMatch(p -> p.toString().contains("ünïcode") || p.toString().contains("half-written")));
        }
        // what a process killed in the middle of an atomic write leaves: a temp file, never renamed
        Path halfWritten = Files.writeString(data.resolve("s3/meta/uploads/.0a1b.json.~42.tmp"), "{\"spec\":{\"uploadId\":");
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            assertFalse(Files.exists(halfWritten), "a restart clears what a killed write left");
            S3Client s3 = box.s3();
            assertEquals("v2", s3.getObjectAsBytes(b -> b.bucket("kept").key(key)).asUtf8String());
            assertEquals(2, s3.listObjectVersions(b -> b.bucket("kept")).versions().size());
            assertEquals(BucketVersioningStatus.ENABLED, s3.getBucketVersioning(b -> b.bucket("kept")).status());
            assertEquals("lesson", s3.getBucketTagging(b -> b.bucket("kept")).tagSet().get(0).value());
            assertEquals(1, s3.listMultipartUploads(b -> b.bucket("kept")).uploads().size());
            List<String> keys = s3.listObjectsV2(b -> b.bucket("kept")).contents().stream().map(S3Object::key).toList();
            assertEquals(List.of(key), keys);
        }
    }

    /**
     * A PUT whose client dies after 10 of the 1 MiB it announced. The sandbox answers it (with
     * an error nobody reads) once it has given the body up; the test waits for that answer, not
     * for a guessed time, before it looks.
     */
    private static void brokenUpload(TestSandbox box, S3Client s3) throws InterruptedException {
        java.util.concurrent.CountDownLatch abandoned = new java.util.concurrent.CountDownLatch(1);
        box.sandbox().onCall(call -> {
            if (call.service().equals("s3") && call.operation().equals("PutObject") && call.failed()) {
                abandoned.countDown();
            }
        });
        java.io.InputStream dying = new java.io.InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ >= 10) {
                    throw new IOException("client killed");
                }
                return 'x';
            }
        };
        try {
            s3.putObject(b -> b.bucket("kept").key("half-written"),
                    RequestBody.fromContentProvider(() -> dying, 1024 * 1024, "application/octet-stream"));
        } catch (RuntimeException expected) {
            // the client gave up; the sandbox must not show a half object
        }
        assertTrue(abandoned.await(30, java.util.concurrent.TimeUnit.SECONDS), "the sandbox answered the broken PUT");
        assertTrue(s3.listObjectsV2(b -> b.bucket("kept")).contents().stream().noneMatch(o -> o.key().equals("half-written")));
    }

    @Test
    void anInMemorySandboxLeavesNoFilesBehind() throws Exception {
        Path blobs;
        try (TestSandbox box = TestSandbox.start()) {
            box.s3().createBucket(b -> b.bucket("temp"));
            // a body past the in-memory limit (8 MiB) spills to a file in a temp folder
            byte[] big = new byte[9 * 1024 * 1024];
            box.s3().putObject(b -> b.bucket("temp").key("k"), RequestBody.fromBytes(big));
            blobs = box.sandbox().service(io.awstutor.sandbox.s3.rest.S3Handler.class).orElseThrow().backend().blobs()
                    .madeFolder().orElseThrow();
            assertTrue(Files.exists(blobs));
            assertEquals(big.length, box.s3().getObjectAsBytes(b -> b.bucket("temp").key("k")).asByteArray().length);
        }
        assertFalse(Files.exists(blobs));
    }
}
