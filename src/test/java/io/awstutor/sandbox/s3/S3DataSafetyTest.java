package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 16, items 1-3: S3 never loses or destroys an object's data, whatever the timing or the files. */
class S3DataSafetyTest {

    /** Complete and Abort of one upload at once: exactly one wins, and a completed object reads back whole. */
    @Test
    void completeAndAbortAtOnceNeverBothSucceed() throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            S3Client s3 = box.s3();
            s3.createBucket(b -> b.bucket("race"));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                int bothSucceeded = 0;
                for (int trial = 0; trial < 150; trial++) {
                    String key = "k" + trial;
                    String uploadId = s3.createMultipartUpload(b -> b.bucket("race").key(key)).uploadId();
                    String etag = s3.uploadPart(b -> b.bucket("race").key(key).uploadId(uploadId).partNumber(1),
                            RequestBody.fromString("body " + trial)).eTag();
                    CyclicBarrier start = new CyclicBarrier(2);
                    CompletableFuture<Boolean> completed = CompletableFuture.supplyAsync(() -> succeeds(start, () ->
                            s3.completeMultipartUpload(b -> b.bucket("race").key(key).uploadId(uploadId).multipartUpload(m -> m
                                    .parts(CompletedPart.builder().partNumber(1).eTag(etag).build())))), pool);
                    CompletableFuture<Boolean> aborted = CompletableFuture.supplyAsync(() -> succeeds(start, () ->
                            s3.abortMultipartUpload(b -> b.bucket("race").key(key).uploadId(uploadId))), pool);
                    if (completed.get() && aborted.get()) {
                        bothSucceeded++;
                    }
                    if (completed.get()) {
                        assertEquals("body " + trial, s3.getObjectAsBytes(b -> b.bucket("race").key(key)).asUtf8String(),
                                "trial " + trial);
                    }
                }
                assertEquals(0, bothSucceeded, "trials where Complete and Abort both answered 200");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static boolean succeeds(CyclicBarrier start, Runnable call) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        try {
            call.run();
            return true;
        } catch (NoSuchUploadException e) {
            return false;
        }
    }

    /**
     * What kill -9 between committing the object and removing the upload's record leaves on
     * disk: both. After a restart the upload is gone and the object reads back whole (before,
     * the upload came back and aborting it deleted the object's data).
     */
    @Test
    void aCompletionKilledBeforeItsRecordWasRemovedKeepsTheObject(@TempDir Path data) throws Exception {
        Path uploads = data.resolve("s3/meta/uploads");
        List<Path> records;
        byte[] saved;
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            S3Client s3 = box.s3();
            s3.createBucket(b -> b.bucket("crash"));
            String uploadId = s3.createMultipartUpload(b -> b.bucket("crash").key("big")).uploadId();
            String etag = s3.uploadPart(b -> b.bucket("crash").key("big").uploadId(uploadId).partNumber(1),
                    RequestBody.fromString("the data")).eTag();
            records = jsonFiles(uploads);
            assertEquals(1, records.size());
            saved = Files.readAllBytes(records.get(0));
            s3.completeMultipartUpload(b -> b.bucket("crash").key("big").uploadId(uploadId).multipartUpload(m -> m
                    .parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        }
        Files.write(records.get(0), saved);
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            S3Client s3 = box.s3();
            assertTrue(s3.listMultipartUploads(b -> b.bucket("crash")).uploads().isEmpty(), "the completed upload came back");
            assertEquals("the data", s3.getObjectAsBytes(b -> b.bucket("crash").key("big")).asUtf8String());
        }
        assertTrue(jsonFiles(uploads).isEmpty());
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            assertEquals("the data", box.s3().getObjectAsBytes(b -> b.bucket("crash").key("big")).asUtf8String());
        }
    }

    /** A body file removed behind the sandbox's back: a GET gets an error and a closed connection, not a hang. */
    @Test
    void aGetWhoseBodyFileIsGoneAnswersAnErrorPromptly(@TempDir Path data) throws Exception {
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            S3Client s3 = box.s3();
            s3.createBucket(b -> b.bucket("lost"));
            s3.putObject(b -> b.bucket("lost").key("gone.txt"), RequestBody.fromString("x".repeat(5000)));
            s3.putObject(b -> b.bucket("lost").key("short.txt"), RequestBody.fromString("y".repeat(5000)));
            List<Path> bodies = bodyFiles(data.resolve("s3/blobs"));
            assertEquals(2, bodies.size());
            Files.delete(bodies.get(0));
            Files.write(bodies.get(1), "y".getBytes(StandardCharsets.UTF_8));
            for (String key : List.of("gone.txt", "short.txt")) {
                String answer = rawGet(box, key);
                assertTrue(answer.startsWith("HTTP/1.1 500"), key + ": " + answer);
                assertTrue(answer.contains("<Code>InternalError</Code>"), answer);
            }
            S3Exception e = assertThrows(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket("lost").key("gone.txt")));
            assertEquals(500, e.statusCode());
        }
    }

    /** A presigned GET over a raw socket that reads until the server closes (5 s at most). */
    private static String rawGet(TestSandbox box, String key) throws IOException {
        java.net.URL url;
        try (S3Presigner presigner = box.presigner()) {
            url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(10))
                    .getObjectRequest(g -> g.bucket("lost").key(key))).url();
        }
        try (Socket socket = new Socket("127.0.0.1", box.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer and no close within 5 s for GET " + key);
            }
        }
    }

    /** Issue 16 item 9: a client that sends less than its Content-Length and stops gets S3's 400 IncompleteBody, not a 500. */
    @Test
    void aBodyShorterThanItsContentLengthIsIncompleteBody() throws Exception {
        try (TestSandbox box = TestSandbox.start()) {
            box.s3().createBucket(b -> b.bucket("short"));
            java.net.URL url;
            try (S3Presigner presigner = box.presigner()) {
                url = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(10))
                        .putObjectRequest(p -> p.bucket("short").key("cut.txt"))).url();
            }
            try (Socket socket = new Socket("127.0.0.1", box.port())) {
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                out.write(("PUT " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getAuthority()
                        + "\r\nContent-Length: 100\r\n\r\n0123456789").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.shutdownOutput();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
                assertTrue(answer.contains("<Code>IncompleteBody</Code>"), answer);
            }
            assertTrue(box.s3().listObjectsV2(b -> b.bucket("short")).contents().isEmpty());
        }
    }

    /** A bucket whose file is corrupt stops S3 with the file's name, and deletes nothing: fixed, everything is back. */
    @Test
    void aCorruptBucketFileStopsTheSandboxAndDeletesNothing(@TempDir Path data) throws Exception {
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            box.s3().createBucket(b -> b.bucket("precious"));
            box.s3().putObject(b -> b.bucket("precious").key("a.txt"), RequestBody.fromString("keep me"));
        }
        Path bucketFile = jsonFiles(data.resolve("s3/meta/buckets")).get(0);
        byte[] good = Files.readAllBytes(bucketFile);
        Files.writeString(bucketFile, "{\"name\": \"precious\", \"created\": ");
        List<Path> before = allFiles(data);
        UncheckedIOException refused = assertThrows(UncheckedIOException.class,
                () -> TestSandbox.start(SandboxOptions.inMemory().withDataDir(data)).close());
        assertTrue(refused.getMessage().contains(bucketFile.toString()), refused.getMessage());
        assertTrue(refused.getMessage().startsWith("corrupt state file "), refused.getMessage());
        assertEquals(before, allFiles(data), "files were removed by a start that could not read the bucket");
        Files.write(bucketFile, good);
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data))) {
            assertEquals("keep me", box.s3().getObjectAsBytes(b -> b.bucket("precious").key("a.txt")).asUtf8String());
        }
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    private static List<Path> bodyFiles(Path blobs) throws IOException {
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("tmp")).sorted().toList();
        }
    }

    private static List<Path> allFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

}
