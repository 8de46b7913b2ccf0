package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.access.Acl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class S3BackendTest {
    private static final String ACCOUNT = "000000000000";

    private static S3Backend memory() {
        return new S3Backend(new SandboxContext(Clock.systemUTC(), 0.0, Optional.empty()));
    }

    private static Bucket bucket(S3Backend s3, String name) {
        return s3.buckets().create(new BucketOperations.CreateRequest(name, ACCOUNT, "us-east-1", null, null, null));
    }

    private static S3Object put(S3Backend s3, Bucket bucket, String key, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return s3.objects().put(bucket, new ObjectOperations.PutRequest(key, ObjectHeaders.defaults(), StorageClass.STANDARD,
                Acl.privateTo("x"), Map.of(), ACCOUNT, Set.of(), Map::of, null, bytes.length, null),
                new ByteArrayInputStream(bytes));
    }

    private static String read(S3Backend s3, S3Object o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s3.blobs().copyRange(o.segments(), 0, o.size(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void bucketNamesFollowAwsRules() {
        assertTrue(BucketNames.valid("my-bucket.example"));
        for (String bad : List.of("ab", "My-Bucket", "-start", "end-", "a..b", "192.168.1.1", "xn--bucket", "bucket-s3alias",
                "under_score", "a".repeat(64), "abc.-def", "abc-.def")) {
            assertFalse(BucketNames.valid(bad), bad);
        }
    }

    @Test
    void locationRulesAreAwsExactAnswers() {
        assertEquals("us-east-1", BucketOperations.resolveRegion("us-east-1", null));
        assertEquals("eu-west-1", BucketOperations.resolveRegion("eu-west-1", "eu-west-1"));
        assertEquals("eu-west-1", BucketOperations.resolveRegion("us-east-1", "eu-west-1"));
        AwsException unspecified = assertThrows(AwsException.class, () -> BucketOperations.resolveRegion("eu-west-1", null));
        assertEquals("IllegalLocationConstraintException", unspecified.code());
        assertEquals("The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.",
                unspecified.getMessage());
        AwsException mismatch = assertThrows(AwsException.class, () -> BucketOperations.resolveRegion("us-west-2", "eu-west-1"));
        assertEquals("The eu-west-1 location constraint is incompatible for the region specific endpoint this request was sent to.",
                mismatch.getMessage());
        AwsException explicit = assertThrows(AwsException.class, () -> BucketOperations.resolveRegion("us-east-1", "us-east-1"));
        assertEquals("InvalidLocationConstraint", explicit.code());
        assertEquals("The specified location-constraint is not valid", explicit.getMessage());
    }

    @Test
    void namespaceIsGlobalAcrossAccounts() {
        try (S3Backend s3 = memory()) {
            bucket(s3, "shared-name");
            AwsException other = assertThrows(AwsException.class, () -> s3.buckets().create(
                    new BucketOperations.CreateRequest("shared-name", "111111111111", "us-east-1", null, null, null)));
            assertEquals("BucketAlreadyExists", other.code());
            AwsException mine = assertThrows(AwsException.class, () -> s3.buckets().create(
                    new BucketOperations.CreateRequest("shared-name", ACCOUNT, "eu-west-1", "eu-west-1", null, null)));
            assertEquals("BucketAlreadyOwnedByYou", mine.code());
            // us-east-1's legacy answer: 200 for your own bucket
            assertEquals("shared-name", bucket(s3, "shared-name").name());
        }
    }

    @Test
    void listingRollsFoldersUpAndPages() throws IOException {
        try (S3Backend s3 = memory()) {
            Bucket b = bucket(s3, "photos");
            for (String key : List.of("a.txt", "2024/jan/1.jpg", "2024/jan/2.jpg", "2024/feb/1.jpg", "2025/x.jpg", "z.txt")) {
                put(s3, b, key, key);
            }
            ObjectListing.Page root = s3.listing().list(b, "", "/", null, 1000);
            assertEquals(List.of("2024/", "2025/"), root.commonPrefixes());
            assertEquals(List.of("a.txt", "z.txt"), root.objects().stream().map(S3Object::key).toList());
            ObjectListing.Page year = s3.listing().list(b, "2024/", "/", null, 1000);
            assertEquals(List.of("2024/feb/", "2024/jan/"), year.commonPrefixes());
            ObjectListing.Page first = s3.listing().list(b, "", "/", null, 2);
            assertTrue(first.truncated());
            assertEquals("2025/", first.last());
            ObjectListing.Page next = s3.listing().list(b, "", "/", first.last(), 2);
            assertEquals(List.of("a.txt", "z.txt"), next.objects().stream().map(S3Object::key).toList());
            assertFalse(next.truncated());
        }
    }

    @Test
    void keysAreListedInUtf8ByteOrder() throws IOException {
        try (S3Backend s3 = memory()) {
            Bucket b = bucket(s3, "order");
            String supplementary = new String(Character.toChars(0x1F600));
            put(s3, b, supplementary, "x");
            put(s3, b, "\uFF21", "y");
            List<String> keys = s3.listing().list(b, "", null, null, 10).objects().stream().map(S3Object::key).toList();
            assertEquals(List.of("\uFF21", supplementary), keys);
        }
    }

    @Test
    void versioningKeepsVersionsAndDeleteMarkers() throws IOException {
        try (S3Backend s3 = memory()) {
            Bucket b = bucket(s3, "versions");
            s3.buckets().setVersioning(b, "Enabled");
            S3Object v1 = put(s3, b, "k", "one");
            S3Object v2 = put(s3, b, "k", "two");
            ObjectOperations.DeleteResult marker = s3.objects().delete(b, "k", null, ACCOUNT);
            assertTrue(marker.deleteMarker());
            AwsException gone = assertThrows(AwsException.class, () -> s3.objects().resolve(b, "k", null));
            assertEquals("NoSuchKey", gone.code());
            assertEquals("true", gone.extraHeaders().get("x-amz-delete-marker"));
            assertEquals("one", read(s3, s3.objects().resolve(b, "k", v1.versionId())));
            assertEquals(3, s3.listing().versions(b, "", null, null, null, 100).versions().size());
            s3.objects().delete(b, "k", marker.versionId(), ACCOUNT);
            assertEquals("two", read(s3, s3.objects().resolve(b, "k", null)));
            assertEquals(v2.versionId(), s3.objects().resolve(b, "k", null).versionId());
        }
    }

    @Test
    void multipartEtagIsMd5OfPartMd5s() throws IOException {
        try (S3Backend s3 = memory()) {
            Bucket b = bucket(s3, "multi");
            MultipartUpload upload = s3.multipart().create(b, new MultipartUpload.Spec(null, "multi", "big", null, ACCOUNT,
                    "arn", ObjectHeaders.defaults(), StorageClass.STANDARD, Acl.privateTo("x"), Map.of(), null, null));
            String id = upload.spec().uploadId();
            byte[] five = new byte[(int) MultipartOperations.MIN_PART];
            var p1 = s3.multipart().uploadPart(b, id, 1, new ByteArrayInputStream(five), five.length, null, Set.of(), Map::of);
            var p2 = s3.multipart().uploadPart(b, id, 2, new ByteArrayInputStream(new byte[10]), 10, null, Set.of(), Map::of);
            AwsException order = assertThrows(AwsException.class, () -> s3.multipart().complete(b, id, List.of(
                    new MultipartOperations.CompletedPart(2, p2.etag(), Map.of()),
                    new MultipartOperations.CompletedPart(1, p1.etag(), Map.of())), Map.of(), null));
            assertEquals("InvalidPartOrder", order.code());
            assertEquals("The list of parts was not in ascending order. The parts list must be specified in order by part number.",
                    order.getMessage());
            S3Object done = s3.multipart().complete(b, id, List.of(
                    new MultipartOperations.CompletedPart(1, p1.etag(), Map.of()),
                    new MultipartOperations.CompletedPart(2, '"' + p2.etag() + '"', Map.of())), Map.of(), null);
            assertTrue(done.etag().endsWith("-2"), done.etag());
            assertEquals(five.length + 10, done.size());
            assertEquals("NoSuchUpload", assertThrows(AwsException.class, () -> s3.multipart().abort(b, id)).code());
        }
    }

    @Test
    void smallPartsAreRefusedExceptTheLast() throws IOException {
        try (S3Backend s3 = memory()) {
            Bucket b = bucket(s3, "small");
            MultipartUpload upload = s3.multipart().create(b, new MultipartUpload.Spec(null, "small", "k", null, ACCOUNT,
                    "arn", ObjectHeaders.defaults(), StorageClass.STANDARD, Acl.privateTo("x"), Map.of(), null, null));
            String id = upload.spec().uploadId();
            var p1 = s3.multipart().uploadPart(b, id, 1, new ByteArrayInputStream(new byte[100]), 100, null, Set.of(), Map::of);
            var p2 = s3.multipart().uploadPart(b, id, 2, new ByteArrayInputStream(new byte[100]), 100, null, Set.of(), Map::of);
            AwsException small = assertThrows(AwsException.class, () -> s3.multipart().complete(b, id, List.of(
                    new MultipartOperations.CompletedPart(1, p1.etag(), Map.of()),
                    new MultipartOperations.CompletedPart(2, p2.etag(), Map.of())), Map.of(), null));
            assertEquals("EntityTooSmall", small.code());
        }
    }

    @Test
    void stateSurvivesARestartAndKeysNeverBecomePaths(@TempDir Path dir) throws IOException {
        SandboxContext context = new SandboxContext(Clock.systemUTC(), 0.0, Optional.of(dir));
        String nasty = "../../etc/passwd %41 ünï 😀 /a//b";
        try (S3Backend s3 = new S3Backend(context)) {
            Bucket b = bucket(s3, "persist");
            put(s3, b, nasty, "secret");
            put(s3, b, "plain", "v1");
            put(s3, b, "plain", "v2");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.forEach(p -> {
                assertTrue(p.normalize().startsWith(dir), p.toString());
                assertFalse(p.getFileName().toString().contains("passwd"), p.toString());
            });
        }
        try (S3Backend s3 = new S3Backend(context)) {
            Bucket b = s3.bucket("persist");
            assertEquals("secret", read(s3, s3.objects().resolve(b, nasty, null)));
            assertEquals("v2", read(s3, s3.objects().resolve(b, "plain", null)));
            assertEquals(2, s3.listing().list(b, "", null, null, 10).objects().size());
        }
    }

    @Test
    void archivedObjectsNeedARestore() throws IOException {
        try (S3Backend s3 = memory()) {
            Bucket b = bucket(s3, "cold");
            byte[] bytes = "ice".getBytes(StandardCharsets.UTF_8);
            S3Object o = s3.objects().put(b, new ObjectOperations.PutRequest("k", ObjectHeaders.defaults(), StorageClass.GLACIER,
                    Acl.privateTo("x"), Map.of(), ACCOUNT, Set.of(), Map::of, null, bytes.length, null), new ByteArrayInputStream(bytes));
            assertEquals("InvalidObjectState", assertThrows(AwsException.class, () -> s3.objects().checkReadable(o)).code());
            assertTrue(new Restores(s3).restore(b, o, 1, "Expedited"));
            S3Object restored = s3.objects().resolve(b, "k", null);
            s3.objects().checkReadable(restored);
            assertTrue(restored.restore().header(s3.now()).startsWith("ongoing-request=\"false\", expiry-date="));
        }
    }
}
