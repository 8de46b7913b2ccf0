package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.Bucket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * S3's API at a glance: one row per operation — the level it addresses (the service, a
 * bucket, an object), its method, the sub-resource or header that tells it apart, its name,
 * and who answers it. The first row that fits a request is its operation; a request no row
 * fits is MethodNotAllowed, as on AWS.
 *
 * <p>Rows of bucket operations say how they want the bucket: by name only (CreateBucket,
 * HeadBucket), found anywhere (GetBucketLocation, which answers for a bucket in any region),
 * or found in the caller's region (everything else: NoSuchBucket, then the region check).
 */
final class S3Routes {
    enum Level { SERVICE, BUCKET, OBJECT }

    /** What a row answers with: the call, the bucket's name, the bucket (null for by-name rows) and the key. */
    @FunctionalInterface
    interface Answer {
        SandboxResponse answer(ServiceCall call, String bucketName, Bucket bucket, String key) throws IOException;
    }

    enum BucketLookup { BY_NAME, ANY_REGION, CALLERS_REGION }

    record Row(Level level, String method, Predicate<SandboxRequest> when, String operation, BucketLookup lookup, Answer answer) {
    }

    /** Sub-resources whose presence makes a bucket PUT something other than CreateBucket. */
    static final List<String> BUCKET_SUBRESOURCES = List.of("acl", "policy", "tagging", "versioning", "website",
            "publicAccessBlock", "ownershipControls", "encryption", "object-lock", "cors", "lifecycle",
            "logging", "notification", "replication", "requestPayment", "accelerate", "analytics", "inventory", "metrics",
            "intelligent-tiering", "metadataTable", "metadataConfiguration", "metadataInventoryTable", "metadataJournalTable",
            "abac", "session");
    /** Bucket features the sandbox cannot configure: their reads answer "nothing configured", other calls NotImplemented. */
    private static final List<String> UNSUPPORTED_BUCKET = BUCKET_SUBRESOURCES.subList(BUCKET_SUBRESOURCES.indexOf("logging"),
            BUCKET_SUBRESOURCES.size());
    /** Object operations the sandbox lacks: each would otherwise be taken for a plain Get/PutObject. */
    private static final List<String> UNSUPPORTED_OBJECT = List.of("torrent", "renameObject", "encryption", "select");

    private final List<Row> rows = new ArrayList<>();

    S3Routes(Resources r) {
        service("GET", always(), "ListBuckets", (call, name, bucket, key) -> r.buckets().listBuckets(call));

        bucket("PUT", noneOf(BUCKET_SUBRESOURCES), "CreateBucket", BucketLookup.BY_NAME, (c, n, b, k) -> r.buckets().create(c, n));
        bucket("HEAD", always(), "HeadBucket", BucketLookup.BY_NAME, (c, n, b, k) -> r.buckets().head(c, n));
        bucket("GET", has("location"), "GetBucketLocation", BucketLookup.ANY_REGION, (c, n, b, k) -> r.buckets().location(c, b));
        unconfiguredRead(r, "accelerate", "GetBucketAccelerateConfiguration");
        unconfiguredRead(r, "requestPayment", "GetBucketRequestPayment");
        unconfiguredRead(r, "logging", "GetBucketLogging");
        unconfiguredRead(r, "notification", "GetBucketNotificationConfiguration");
        unconfiguredRead(r, "replication", "GetBucketReplication");
        unconfiguredRead(r, "analytics", "ListBucketAnalyticsConfigurations");
        unconfiguredRead(r, "metrics", "ListBucketMetricsConfigurations");
        unconfiguredRead(r, "inventory", "ListBucketInventoryConfigurations");
        unconfiguredRead(r, "intelligent-tiering", "ListBucketIntelligentTieringConfigurations");
        for (String method : List.of("GET", "PUT", "DELETE", "POST")) {
            bucket(method, anyOf(UNSUPPORTED_BUCKET), "Unsupported", BucketLookup.CALLERS_REGION, (c, n, b, k) -> {
                String sub = UNSUPPORTED_BUCKET.stream().filter(c.request()::hasQuery).findFirst().orElse("");
                throw new AwsException("NotImplemented", "The sandbox does not implement the bucket's " + sub + " configuration yet", 501);
            });
        }
        bucket("PUT", has("object-lock"), "PutObjectLockConfiguration", BucketLookup.CALLERS_REGION,
                (c, n, b, k) -> { throw r.objectLock().putConfiguration(c, b); });
        bucket("GET", has("object-lock"), "GetObjectLockConfiguration", BucketLookup.CALLERS_REGION,
                (c, n, b, k) -> { throw r.objectLock().getConfiguration(c, b); });

        bucketOp("GET", "acl", "GetBucketAcl", (c, b) -> r.bucketAccess().getAcl(c, b));
        bucketOp("GET", "policy", "GetBucketPolicy", (c, b) -> r.bucketAccess().getPolicy(c, b));
        bucketOp("GET", "policyStatus", "GetBucketPolicyStatus", (c, b) -> r.bucketAccess().policyStatus(c, b));
        bucketOp("GET", "publicAccessBlock", "GetPublicAccessBlock", (c, b) -> r.bucketAccess().getPublicAccessBlock(c, b));
        bucketOp("GET", "ownershipControls", "GetBucketOwnershipControls", (c, b) -> r.bucketAccess().getOwnership(c, b));
        bucketOp("GET", "tagging", "GetBucketTagging", (c, b) -> r.buckets().getTagging(c, b));
        bucketOp("GET", "versioning", "GetBucketVersioning", (c, b) -> r.buckets().getVersioning(c, b));
        bucketOp("GET", "encryption", "GetBucketEncryption", (c, b) -> r.buckets().getEncryption(c, b));
        bucketOp("GET", "cors", "GetBucketCors", (c, b) -> r.cors().get(c, b));
        bucketOp("GET", "lifecycle", "GetBucketLifecycleConfiguration", (c, b) -> r.lifecycle().get(c, b));
        bucketOp("GET", "website", "GetBucketWebsite", (c, b) -> r.websiteConfig().get(c, b));
        bucketOp("GET", "uploads", "ListMultipartUploads", (c, b) -> r.multipart().listUploads(c, b));
        bucketOp("GET", "versions", "ListObjectVersions", (c, b) -> r.listing().listVersions(c, b));
        bucket("GET", req -> "2".equals(req.query("list-type").orElse(null)), "ListObjectsV2", BucketLookup.CALLERS_REGION,
                (c, n, b, k) -> r.listing().listV2(c, b));
        bucket("GET", always(), "ListObjects", BucketLookup.CALLERS_REGION, (c, n, b, k) -> r.listing().listV1(c, b));

        bucketOp("PUT", "acl", "PutBucketAcl", (c, b) -> r.bucketAccess().putAcl(c, b));
        bucketOp("PUT", "policy", "PutBucketPolicy", (c, b) -> r.bucketAccess().putPolicy(c, b));
        bucketOp("PUT", "publicAccessBlock", "PutPublicAccessBlock", (c, b) -> r.bucketAccess().putPublicAccessBlock(c, b));
        bucketOp("PUT", "ownershipControls", "PutBucketOwnershipControls", (c, b) -> r.bucketAccess().putOwnership(c, b));
        bucketOp("PUT", "tagging", "PutBucketTagging", (c, b) -> r.buckets().putTagging(c, b));
        bucketOp("PUT", "versioning", "PutBucketVersioning", (c, b) -> r.buckets().putVersioning(c, b));
        bucketOp("PUT", "website", "PutBucketWebsite", (c, b) -> r.websiteConfig().put(c, b));
        bucketOp("PUT", "cors", "PutBucketCors", (c, b) -> r.cors().put(c, b));
        bucketOp("PUT", "lifecycle", "PutBucketLifecycleConfiguration", (c, b) -> r.lifecycle().put(c, b));
        bucketOp("PUT", "encryption", "PutBucketEncryption", (c, b) -> r.buckets().putEncryption(c, b));

        bucketOp("DELETE", "policy", "DeleteBucketPolicy", (c, b) -> r.bucketAccess().deletePolicy(c, b));
        bucketOp("DELETE", "publicAccessBlock", "DeletePublicAccessBlock", (c, b) -> r.bucketAccess().deletePublicAccessBlock(c, b));
        bucketOp("DELETE", "ownershipControls", "DeleteBucketOwnershipControls", (c, b) -> r.bucketAccess().deleteOwnership(c, b));
        bucketOp("DELETE", "tagging", "DeleteBucketTagging", (c, b) -> r.buckets().deleteTagging(c, b));
        bucketOp("DELETE", "website", "DeleteBucketWebsite", (c, b) -> r.websiteConfig().delete(c, b));
        bucketOp("DELETE", "cors", "DeleteBucketCors", (c, b) -> r.cors().delete(c, b));
        bucketOp("DELETE", "lifecycle", "DeleteBucketLifecycle", (c, b) -> r.lifecycle().delete(c, b));
        bucketOp("DELETE", "encryption", "DeleteBucketEncryption", (c, b) -> r.buckets().deleteEncryption(c, b));
        // a DELETE with a sub-resource no row knows must not delete the bucket itself
        bucket("DELETE", noneOf(BUCKET_SUBRESOURCES).and(noneOf(List.of("policyStatus", "uploads", "versions", "location"))),
                "DeleteBucket", BucketLookup.CALLERS_REGION, (c, n, b, k) -> r.buckets().delete(c, b));

        bucketOp("POST", "delete", "DeleteObjects", (c, b) -> r.objectSubresources().deleteObjects(c, b));
        bucket("POST", noneOf(List.of("object-lock")), "PostObject", BucketLookup.CALLERS_REGION, (c, n, b, k) -> r.postObject().post(c, b));

        for (String method : List.of("GET", "HEAD", "PUT", "DELETE", "POST")) {
            object(method, anyOf(UNSUPPORTED_OBJECT), "Unsupported", (c, n, b, k) -> {
                String sub = UNSUPPORTED_OBJECT.stream().filter(c.request()::hasQuery).findFirst().orElse("");
                throw new AwsException("NotImplemented", "The sandbox does not implement the object's " + sub + " operation", 501);
            });
        }
        object("GET", has("retention"), "GetObjectRetention", (c, n, b, k) -> { throw r.objectLock().objectLevel(c, b, k, "s3:GetObjectRetention"); });
        object("PUT", has("retention"), "PutObjectRetention", (c, n, b, k) -> { throw r.objectLock().objectLevel(c, b, k, "s3:PutObjectRetention"); });
        object("GET", has("legal-hold"), "GetObjectLegalHold", (c, n, b, k) -> { throw r.objectLock().objectLevel(c, b, k, "s3:GetObjectLegalHold"); });
        object("PUT", has("legal-hold"), "PutObjectLegalHold", (c, n, b, k) -> { throw r.objectLock().objectLevel(c, b, k, "s3:PutObjectLegalHold"); });
        // any other method on retention or legal hold is MethodNotAllowed: no row below may take it
        Predicate<SandboxRequest> lockParts = anyOf(List.of("retention", "legal-hold"));

        object("GET", has("acl"), "GetObjectAcl", (c, n, b, k) -> r.objectSubresources().getAcl(c, b, k));
        object("GET", has("tagging"), "GetObjectTagging", (c, n, b, k) -> r.objectSubresources().getTagging(c, b, k));
        object("GET", has("attributes"), "GetObjectAttributes", (c, n, b, k) -> r.reads().attributes(c, b, k));
        object("GET", has("uploadId"), "ListParts", (c, n, b, k) -> r.multipart().listParts(c, b, k, uploadId(c)));
        object("GET", always(), "GetObject", (c, n, b, k) -> r.reads().get(c, b, k, false));
        object("HEAD", lockParts.negate(), "HeadObject", (c, n, b, k) -> r.reads().get(c, b, k, true));
        object("PUT", has("acl"), "PutObjectAcl", (c, n, b, k) -> r.objectSubresources().putAcl(c, b, k));
        object("PUT", has("tagging"), "PutObjectTagging", (c, n, b, k) -> r.objectSubresources().putTagging(c, b, k));
        object("PUT", has("uploadId"), "UploadPart", (c, n, b, k) -> r.multipart().uploadPart(c, b, k, uploadId(c)));
        object("PUT", req -> req.header("x-amz-copy-source").isPresent(), "CopyObject", (c, n, b, k) -> r.objects().copy(c, b, k));
        object("PUT", always(), "PutObject", (c, n, b, k) -> r.objects().put(c, b, k));
        object("DELETE", has("tagging"), "DeleteObjectTagging", (c, n, b, k) -> r.objectSubresources().deleteTagging(c, b, k));
        object("DELETE", has("uploadId"), "AbortMultipartUpload", (c, n, b, k) -> r.multipart().abort(c, b, k, uploadId(c)));
        object("DELETE", lockParts.negate(), "DeleteObject", (c, n, b, k) -> r.objects().delete(c, b, k));
        object("POST", has("uploads"), "CreateMultipartUpload", (c, n, b, k) -> r.multipart().create(c, b, k));
        object("POST", has("uploadId"), "CompleteMultipartUpload", (c, n, b, k) -> r.multipart().complete(c, b, k, uploadId(c)));
        object("POST", has("restore"), "RestoreObject", (c, n, b, k) -> r.objectSubresources().restore(c, b, k));
    }

    /** The resource adapters the rows hand over to, one per concept. */
    record Resources(BucketResource buckets, BucketAccessResource bucketAccess, ListingResource listing, ObjectResource objects,
                     ObjectReadResource reads, ObjectSubresources objectSubresources, MultipartResource multipart,
                     WebsiteConfigResource websiteConfig, ObjectLockAnswers objectLock, PostObjectResource postObject,
                     CorsResource cors, LifecycleResource lifecycle, UnconfiguredFeatures unconfigured) {
    }

    /** The operation a request is, or empty (MethodNotAllowed). */
    Optional<Row> find(Level level, SandboxRequest request) {
        for (Row row : rows) {
            if (row.level() == level && row.method().equals(request.method()) && row.when().test(request)) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    private static String uploadId(ServiceCall call) {
        return call.request().query("uploadId").orElseThrow();
    }

    private void unconfiguredRead(Resources r, String sub, String operation) {
        bucket("GET", has(sub), operation, BucketLookup.CALLERS_REGION,
                (c, n, b, k) -> r.unconfigured().read(c, b).orElseThrow());
    }

    @FunctionalInterface
    private interface BucketAnswer {
        SandboxResponse answer(ServiceCall call, Bucket bucket) throws IOException;
    }

    private void bucketOp(String method, String sub, String operation, BucketAnswer answer) {
        bucket(method, has(sub), operation, BucketLookup.CALLERS_REGION, (c, n, b, k) -> answer.answer(c, b));
    }

    private void service(String method, Predicate<SandboxRequest> when, String operation, Answer answer) {
        rows.add(new Row(Level.SERVICE, method, when, operation, BucketLookup.BY_NAME, answer));
    }

    private void bucket(String method, Predicate<SandboxRequest> when, String operation, BucketLookup lookup, Answer answer) {
        rows.add(new Row(Level.BUCKET, method, when, operation, lookup, answer));
    }

    private void object(String method, Predicate<SandboxRequest> when, String operation, Answer answer) {
        rows.add(new Row(Level.OBJECT, method, when, operation, BucketLookup.CALLERS_REGION, answer));
    }

    private static Predicate<SandboxRequest> always() {
        return request -> true;
    }

    private static Predicate<SandboxRequest> has(String sub) {
        return request -> request.hasQuery(sub);
    }

    private static Predicate<SandboxRequest> anyOf(List<String> subs) {
        return request -> subs.stream().anyMatch(request::hasQuery);
    }

    private static Predicate<SandboxRequest> noneOf(List<String> subs) {
        return anyOf(subs).negate();
    }
}
