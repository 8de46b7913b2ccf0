package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Buckets, objects and listing through the SDK for Java's sync client, path-style and virtual-hosted. */
class S3SdkTest {
    private static TestSandbox box;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        s3 = box.s3();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    @Test
    void bucketLifecycleAsTheLessonDoesIt() {
        s3.createBucket(b -> b.bucket("lesson-bucket"));
        assertTrue(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals("lesson-bucket")));
        assertEquals("", s3.getBucketLocation(b -> b.bucket("lesson-bucket")).locationConstraintAsString());
        s3.headBucket(b -> b.bucket("lesson-bucket"));
        s3.putObject(b -> b.bucket("lesson-bucket").key("hello.txt"), RequestBody.fromString("hi"));
        S3Exception notEmpty = assertThrows(S3Exception.class, () -> s3.deleteBucket(b -> b.bucket("lesson-bucket")));
        assertEquals("BucketNotEmpty", notEmpty.awsErrorDetails().errorCode());
        assertEquals(409, notEmpty.statusCode());
        s3.deleteObject(b -> b.bucket("lesson-bucket").key("hello.txt"));
        s3.deleteBucket(b -> b.bucket("lesson-bucket"));
        assertThrows(NoSuchBucketException.class, () -> s3.headBucket(b -> b.bucket("lesson-bucket")));
    }

    @Test
    void locationConstraintsAreAnsweredAsAwsDoes() {
        S3Client ireland = box.s3(TestSandbox.root(), "eu-west-1");
        // the SDK for Java adds its region as the constraint itself (the CLI test sees the unspecified error)
        ireland.createBucket(b -> b.bucket("sdk-adds-constraint"));
        assertEquals("eu-west-1", ireland.getBucketLocation(b -> b.bucket("sdk-adds-constraint")).locationConstraintAsString());
        S3Exception explicitUsEast = assertThrows(S3Exception.class, () -> s3.createBucket(b -> b.bucket("explicit-us")
                .createBucketConfiguration(c -> c.locationConstraint("us-east-1"))));
        assertEquals("InvalidLocationConstraint", explicitUsEast.awsErrorDetails().errorCode());
        S3Exception mismatch = assertThrows(S3Exception.class, () -> box.s3(TestSandbox.root(), "us-west-2")
                .createBucket(b -> b.bucket("mismatch").createBucketConfiguration(c -> c.locationConstraint("eu-west-1"))));
        assertEquals("The eu-west-1 location constraint is incompatible for the region specific endpoint this request was sent to.",
                mismatch.awsErrorDetails().errorMessage());
        ireland.createBucket(b -> b.bucket("in-ireland").createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        assertEquals("eu-west-1", ireland.getBucketLocation(b -> b.bucket("in-ireland")).locationConstraintAsString());
        S3Exception wrongRegion = assertThrows(S3Exception.class, () -> s3.listObjects(b -> b.bucket("in-ireland")));
        assertEquals("AuthorizationHeaderMalformed", wrongRegion.awsErrorDetails().errorCode());
        S3Exception invalid = assertThrows(S3Exception.class, () -> s3.createBucket(b -> b.bucket("xn--reserved-prefix")));
        assertEquals("InvalidBucketName", invalid.awsErrorDetails().errorCode());
    }

    @Test
    void objectsRoundTripWithMetadataRangesAndConditions() {
        s3.createBucket(b -> b.bucket("objects"));
        PutObjectResponse put = s3.putObject(b -> b.bucket("objects").key("dir/a file ü+%.txt").contentType("text/plain")
                .metadata(Map.of("colour", "blue")), RequestBody.fromString("0123456789"));
        assertEquals("\"781e5e245d69b566979b86e28d23f2c7\"", put.eTag());
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("objects").key("dir/a file ü+%.txt"));
        assertEquals("0123456789", got.asUtf8String());
        assertEquals("text/plain", got.response().contentType());
        assertEquals("blue", got.response().metadata().get("colour"));
        ResponseBytes<GetObjectResponse> range = s3.getObjectAsBytes(b -> b.bucket("objects").key("dir/a file ü+%.txt").range("bytes=2-4"));
        assertEquals("234", range.asUtf8String());
        assertEquals("bytes 2-4/10", range.response().contentRange());
        S3Exception precondition = assertThrows(S3Exception.class, () -> s3.getObject(b -> b.bucket("objects")
                .key("dir/a file ü+%.txt").ifMatch("\"nope\"")));
        assertEquals(412, precondition.statusCode());
        S3Exception notModified = assertThrows(S3Exception.class, () -> s3.getObject(b -> b.bucket("objects")
                .key("dir/a file ü+%.txt").ifNoneMatch(put.eTag())));
        assertEquals(304, notModified.statusCode());
        HeadObjectResponse head = s3.headObject(b -> b.bucket("objects").key("dir/a file ü+%.txt"));
        assertEquals(10L, head.contentLength());
        NoSuchKeyException missing = assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket("objects").key("missing")));
        assertEquals("The specified key does not exist.", missing.awsErrorDetails().errorMessage());
        S3Exception headMissing = assertThrows(S3Exception.class, () -> s3.headObject(b -> b.bucket("objects").key("missing")));
        assertEquals(404, headMissing.statusCode());
    }

    @Test
    void checksumsAreVerifiedStoredAndReturned() {
        s3.createBucket(b -> b.bucket("checksums"));
        for (ChecksumAlgorithm algorithm : List.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.CRC32_C,
                ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256)) {
            String key = "k-" + algorithm;
            s3.putObject(b -> b.bucket("checksums").key(key).checksumAlgorithm(algorithm), RequestBody.fromString("hello"));
            GetObjectResponse got = s3.getObject(b -> b.bucket("checksums").key(key).checksumMode(ChecksumMode.ENABLED),
                    software.amazon.awssdk.core.sync.ResponseTransformer.toBytes()).response();
            String value = switch (algorithm) {
                case CRC32 -> got.checksumCRC32();
                case CRC32_C -> got.checksumCRC32C();
                case SHA1 -> got.checksumSHA1();
                default -> got.checksumSHA256();
            };
            assertNotNull(value, algorithm.toString());
        }
        S3Exception bad = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket("checksums").key("bad")
                .checksumCRC32("AAAAAA=="), RequestBody.fromString("hello")));
        assertEquals("BadDigest", bad.awsErrorDetails().errorCode());
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket("checksums").key("bad")));
    }

    @Test
    void listingV1AndV2WithFoldersAndPages() {
        s3.createBucket(b -> b.bucket("listing"));
        for (String key : List.of("a.txt", "photos/2024/1.jpg", "photos/2024/2.jpg", "photos/2025/1.jpg", "notes/x y.txt", "z.txt")) {
            s3.putObject(b -> b.bucket("listing").key(key), RequestBody.fromString(key));
        }
        ListObjectsResponse v1 = s3.listObjects(b -> b.bucket("listing").delimiter("/"));
        assertEquals(List.of("a.txt", "z.txt"), v1.contents().stream().map(S3Object::key).toList());
        assertEquals(List.of("notes/", "photos/"), v1.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        assertNotNull(v1.contents().get(0).owner());
        ListObjectsV2Response v2 = s3.listObjectsV2(b -> b.bucket("listing").prefix("photos/").delimiter("/"));
        assertEquals(List.of("photos/2024/", "photos/2025/"), v2.commonPrefixes().stream().map(CommonPrefix::prefix).toList());
        assertEquals(2, v2.keyCount());
        List<String> paged = s3.listObjectsV2Paginator(b -> b.bucket("listing").maxKeys(2)).contents().stream()
                .map(S3Object::key).toList();
        assertEquals(6, paged.size());
        ListObjectsV2Response encoded = s3.listObjectsV2(b -> b.bucket("listing").prefix("notes/").encodingType(EncodingType.URL));
        assertEquals("notes/x y.txt", encoded.contents().get(0).key());
        ListObjectsResponse marker = s3.listObjects(b -> b.bucket("listing").marker("photos/2024/2.jpg"));
        assertEquals(List.of("photos/2025/1.jpg", "z.txt"), marker.contents().stream().map(S3Object::key).toList());
    }

    @Test
    void virtualHostedAddressingWorks() {
        S3Client vhost = box.s3VirtualHost();
        vhost.createBucket(b -> b.bucket("vhost-bucket"));
        vhost.putObject(b -> b.bucket("vhost-bucket").key("a/b.txt"), RequestBody.fromString("virtual"));
        assertEquals("virtual", s3.getObjectAsBytes(b -> b.bucket("vhost-bucket").key("a/b.txt")).asUtf8String());
        assertEquals(1, vhost.listObjectsV2(b -> b.bucket("vhost-bucket")).keyCount());
    }

    @Test
    void versioningDeleteMarkersAndVersionListing() {
        s3.createBucket(b -> b.bucket("versioned"));
        s3.putBucketVersioning(b -> b.bucket("versioned").versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        assertEquals(BucketVersioningStatus.ENABLED, s3.getBucketVersioning(b -> b.bucket("versioned")).status());
        String v1 = s3.putObject(b -> b.bucket("versioned").key("k"), RequestBody.fromString("one")).versionId();
        s3.putObject(b -> b.bucket("versioned").key("k"), RequestBody.fromString("two"));
        assertTrue(s3.deleteObject(b -> b.bucket("versioned").key("k")).deleteMarker());
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket("versioned").key("k")));
        assertEquals("one", s3.getObjectAsBytes(b -> b.bucket("versioned").key("k").versionId(v1)).asUtf8String());
        var versions = s3.listObjectVersions(b -> b.bucket("versioned"));
        assertEquals(2, versions.versions().size());
        assertEquals(1, versions.deleteMarkers().size());
        assertTrue(versions.deleteMarkers().get(0).isLatest());
    }

    @Test
    void copyDeleteManyTagsAndStorageClasses() {
        s3.createBucket(b -> b.bucket("copies"));
        s3.putObject(b -> b.bucket("copies").key("src").storageClass(StorageClass.STANDARD_IA), RequestBody.fromString("copy me"));
        s3.copyObject(b -> b.sourceBucket("copies").sourceKey("src").destinationBucket("copies").destinationKey("dst"));
        assertEquals("copy me", s3.getObjectAsBytes(b -> b.bucket("copies").key("dst")).asUtf8String());
        assertEquals(StorageClass.STANDARD_IA, s3.headObject(b -> b.bucket("copies").key("src")).storageClass());
        S3Exception self = assertThrows(S3Exception.class, () -> s3.copyObject(b -> b.sourceBucket("copies").sourceKey("src")
                .destinationBucket("copies").destinationKey("src")));
        assertEquals("InvalidRequest", self.awsErrorDetails().errorCode());
        s3.putObjectTagging(b -> b.bucket("copies").key("dst").tagging(t -> t.tagSet(Tag.builder().key("team").value("a").build())));
        assertEquals("a", s3.getObjectTagging(b -> b.bucket("copies").key("dst")).tagSet().get(0).value());
        var deleted = s3.deleteObjects(b -> b.bucket("copies").delete(d -> d.objects(
                ObjectIdentifier.builder().key("src").build(), ObjectIdentifier.builder().key("dst").build())));
        assertEquals(2, deleted.deleted().size());
        assertEquals(0, s3.listObjectsV2(b -> b.bucket("copies")).keyCount());
    }

    @Test
    void glacierObjectsNeedARestore() {
        s3.createBucket(b -> b.bucket("cold"));
        s3.putObject(b -> b.bucket("cold").key("archive").storageClass(StorageClass.GLACIER), RequestBody.fromString("ice"));
        S3Exception frozen = assertThrows(S3Exception.class, () -> s3.getObject(b -> b.bucket("cold").key("archive")));
        assertEquals("InvalidObjectState", frozen.awsErrorDetails().errorCode());
        assertEquals(403, frozen.statusCode());
        s3.restoreObject(b -> b.bucket("cold").key("archive").restoreRequest(r -> r.days(1)));
        assertTrue(s3.headObject(b -> b.bucket("cold").key("archive")).restore().contains("ongoing-request=\"false\""));
        assertEquals("ice", s3.getObjectAsBytes(b -> b.bucket("cold").key("archive")).asUtf8String());
    }

    @Test
    void emptyAndBinaryBodies() {
        s3.createBucket(b -> b.bucket("bodies"));
        s3.putObject(b -> b.bucket("bodies").key("empty"), RequestBody.empty());
        assertEquals(0, s3.getObjectAsBytes(b -> b.bucket("bodies").key("empty")).asByteArray().length);
        byte[] binary = new byte[70_000];
        new java.util.Random(3).nextBytes(binary);
        s3.putObject(b -> b.bucket("bodies").key("bin"), RequestBody.fromBytes(binary));
        assertArrayEquals(binary, s3.getObjectAsBytes(b -> b.bucket("bodies").key("bin")).asByteArray());
        assertFalse(s3.listObjectsV2(b -> b.bucket("bodies")).contents().isEmpty());
        assertTrue(s3.headObject(b -> b.bucket("bodies").key("bin")).lastModified().isBefore(Instant.now().plusSeconds(5)));
    }

    @Test
    void conditionalDeletesKeepAnObjectThatChanged() {
        s3.createBucket(b -> b.bucket("cond-delete"));
        String etag = s3.putObject(b -> b.bucket("cond-delete").key("k"), RequestBody.fromString("v1")).eTag();
        S3Exception stale = assertThrows(S3Exception.class, () -> s3.deleteObject(b -> b.bucket("cond-delete").key("k")
                .ifMatch("\"0123456789abcdef0123456789abcdef\"")));
        assertEquals("PreconditionFailed", stale.awsErrorDetails().errorCode());
        assertEquals(412, stale.statusCode());
        assertEquals("v1", s3.getObjectAsBytes(b -> b.bucket("cond-delete").key("k")).asUtf8String());
        assertEquals(404, assertThrows(S3Exception.class, () -> s3.deleteObject(b -> b.bucket("cond-delete").key("absent")
                .ifMatch("*"))).statusCode());
        var batch = s3.deleteObjects(b -> b.bucket("cond-delete").delete(d -> d.objects(
                ObjectIdentifier.builder().key("k").eTag("\"ffffffffffffffffffffffffffffffff\"").build())));
        assertEquals("PreconditionFailed", batch.errors().get(0).code());
        assertTrue(batch.deleted().isEmpty());
        s3.deleteObject(b -> b.bucket("cond-delete").key("k").ifMatch(etag));
        assertThrows(NoSuchKeyException.class, () -> s3.headObject(b -> b.bucket("cond-delete").key("k")));
    }
}
