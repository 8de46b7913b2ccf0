package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.http.ServiceHandler;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.S3Backend;
import io.awstutor.sandbox.s3.website.WebsiteServer;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * S3's REST-XML adapter: finds bucket and key ({@link S3Address}), picks the operation from
 * method and sub-resource, and hands over to the resource adapter of that concept.
 *
 * <p>Static websites are served on {@code http://<bucket>.s3-website.<region>.localhost:PORT/}
 * and, as a clickable form a terminal can print, on
 * {@code http://127.0.0.1:PORT/_website/<bucket>/} (relative links inside the site work on both).
 */
public final class S3Handler implements ServiceHandler, AutoCloseable {
    private static final ErrorFormat ERRORS = new S3ErrorFormat();
    private static final List<String> UNSUPPORTED_BUCKET = List.of("logging", "notification",
            "replication", "requestPayment", "accelerate", "analytics", "inventory", "metrics", "intelligent-tiering",
            "metadataTable", "metadataConfiguration", "metadataInventoryTable", "metadataJournalTable", "abac", "session");
    private static final List<String> SUPPORTED_BUCKET = List.of("acl", "policy", "tagging", "versioning", "website",
            "publicAccessBlock", "ownershipControls", "encryption", "object-lock", "cors", "lifecycle");
    /** Object operations the sandbox lacks: each would otherwise be taken for a plain Get/PutObject. */
    private static final List<String> UNSUPPORTED_OBJECT = List.of("torrent", "renameObject", "encryption", "select");

    private final S3Backend backend;
    private final S3Context s3;
    private final BucketResource buckets;
    private final BucketAccessResource bucketAccess;
    private final ListingResource listing;
    private final ObjectResource objects;
    private final ObjectReadResource reads;
    private final ObjectSubresources objectSubresources;
    private final MultipartResource multipart;
    private final WebsiteConfigResource websiteConfig;
    private final WebsiteServer website;
    private final ObjectLockAnswers objectLock;
    private final PostObjectResource postObject;
    private final CorsResource cors;
    private final LifecycleResource lifecycle;
    private final UnconfiguredFeatures unconfigured;

    private final SigV2Presign sigV2;

    /** {@code credentials} verify the legacy (SigV2) presigned URLs the CLI and boto3 still make. */
    public S3Handler(SandboxContext context, io.awstutor.sandbox.auth.CredentialStore credentials) {
        this(new S3Backend(context), credentials);
    }

    public S3Handler(S3Backend backend, io.awstutor.sandbox.auth.CredentialStore credentials) {
        this.backend = backend;
        this.sigV2 = new SigV2Presign(credentials);
        this.s3 = new S3Context(backend);
        this.buckets = new BucketResource(s3);
        this.bucketAccess = new BucketAccessResource(s3);
        this.listing = new ListingResource(s3);
        this.objects = new ObjectResource(s3);
        this.reads = new ObjectReadResource(s3);
        this.objectSubresources = new ObjectSubresources(s3);
        this.multipart = new MultipartResource(s3, objects);
        this.websiteConfig = new WebsiteConfigResource(s3);
        this.website = new WebsiteServer(backend, s3.access);
        this.objectLock = new ObjectLockAnswers(s3);
        this.postObject = new PostObjectResource(s3, objects, credentials);
        this.cors = new CorsResource(s3);
        this.lifecycle = new LifecycleResource(s3);
        this.unconfigured = new UnconfiguredFeatures(s3);
    }

    public S3Backend backend() {
        return backend;
    }

    @Override
    public String signingName() {
        return "s3";
    }

    @Override
    public ErrorFormat errorFormat() {
        return ERRORS;
    }

    @Override
    public SandboxResponse handle(ServiceCall call) throws IOException {
        SandboxRequest request = call.request();
        S3Address address = S3Address.parse(request.hostName(), request.rawPath());
        if (address.website()) {
            return website.serve(call, address.bucket(), address.key(), address.websitePrefix());
        }
        if (SigV2Presign.applies(call)) {
            call = sigV2.authenticate(call, address, backend.now());
        }
        if (!address.hasBucket()) {
            if (request.method().equals("GET")) {
                return buckets.listBuckets(call);
            }
            throw methodNotAllowed(request.method(), "SERVICE");
        }
        if (request.method().equals("OPTIONS")) {
            return cors.preflight(request, backend.bucket(address.bucket()));
        }
        SandboxResponse response = address.hasKey() ? objectOperation(call, address.bucket(), address.key())
                : bucketOperation(call, address.bucket());
        if (request.header("origin").isPresent()) {
            backend.findBucket(address.bucket()).ifPresent(b -> cors.decorate(request, b, response));
        }
        return response;
    }

    private SandboxResponse bucketOperation(ServiceCall call, String name) throws IOException {
        SandboxRequest r = call.request();
        String method = r.method();
        if (method.equals("PUT") && !hasAnySubresource(r)) {
            return buckets.create(call, name);
        }
        if (method.equals("HEAD")) {
            return buckets.head(call, name);
        }
        if (method.equals("GET") && r.hasQuery("location")) {
            return buckets.location(call, backend.bucket(name));
        }
        Bucket bucket = s3.bucket(call, name);
        Optional<SandboxResponse> unconfiguredRead = unconfigured.read(call, bucket);
        if (unconfiguredRead.isPresent()) {
            return unconfiguredRead.get();
        }
        for (String sub : UNSUPPORTED_BUCKET) {
            if (r.hasQuery(sub)) {
                throw new AwsException("NotImplemented", "The sandbox does not implement the bucket's " + sub
                        + " configuration yet", 501);
            }
        }
        if (r.hasQuery("object-lock")) {
            throw method.equals("PUT") ? objectLock.putConfiguration(call, bucket) : method.equals("GET")
                    ? objectLock.getConfiguration(call, bucket) : methodNotAllowed(method, "BUCKET");
        }
        return switch (method) {
            case "GET" -> bucketGet(call, bucket);
            case "PUT" -> bucketPut(call, bucket);
            case "DELETE" -> bucketDelete(call, bucket);
            case "POST" -> {
                if (r.hasQuery("delete")) {
                    yield objectSubresources.deleteObjects(call, bucket);
                }
                yield postObject.post(call, bucket);
            }
            default -> throw methodNotAllowed(method, "BUCKET");
        };
    }

    private static boolean hasAnySubresource(SandboxRequest r) {
        return SUPPORTED_BUCKET.stream().anyMatch(r::hasQuery) || UNSUPPORTED_BUCKET.stream().anyMatch(r::hasQuery);
    }

    private SandboxResponse bucketGet(ServiceCall call, Bucket bucket) {
        SandboxRequest r = call.request();
        if (r.hasQuery("acl")) return bucketAccess.getAcl(call, bucket);
        if (r.hasQuery("policy")) return bucketAccess.getPolicy(call, bucket);
        if (r.hasQuery("policyStatus")) return bucketAccess.policyStatus(call, bucket);
        if (r.hasQuery("publicAccessBlock")) return bucketAccess.getPublicAccessBlock(call, bucket);
        if (r.hasQuery("ownershipControls")) return bucketAccess.getOwnership(call, bucket);
        if (r.hasQuery("tagging")) return buckets.getTagging(call, bucket);
        if (r.hasQuery("versioning")) return buckets.getVersioning(call, bucket);
        if (r.hasQuery("encryption")) return buckets.getEncryption(call, bucket);
        if (r.hasQuery("cors")) return cors.get(call, bucket);
        if (r.hasQuery("lifecycle")) return lifecycle.get(call, bucket);
        if (r.hasQuery("website")) return websiteConfig.get(call, bucket);
        if (r.hasQuery("uploads")) return multipart.listUploads(call, bucket);
        if (r.hasQuery("versions")) return listing.listVersions(call, bucket);
        if ("2".equals(r.query("list-type").orElse(null))) return listing.listV2(call, bucket);
        return listing.listV1(call, bucket);
    }

    private SandboxResponse bucketPut(ServiceCall call, Bucket bucket) throws IOException {
        SandboxRequest r = call.request();
        if (r.hasQuery("acl")) return bucketAccess.putAcl(call, bucket);
        if (r.hasQuery("policy")) return bucketAccess.putPolicy(call, bucket);
        if (r.hasQuery("publicAccessBlock")) return bucketAccess.putPublicAccessBlock(call, bucket);
        if (r.hasQuery("ownershipControls")) return bucketAccess.putOwnership(call, bucket);
        if (r.hasQuery("tagging")) return buckets.putTagging(call, bucket);
        if (r.hasQuery("versioning")) return buckets.putVersioning(call, bucket);
        if (r.hasQuery("website")) return websiteConfig.put(call, bucket);
        if (r.hasQuery("cors")) return cors.put(call, bucket);
        if (r.hasQuery("lifecycle")) return lifecycle.put(call, bucket);
        if (r.hasQuery("encryption")) return buckets.putEncryption(call, bucket);
        throw new AwsException("NotImplemented", "A header you provided implies functionality that is not implemented", 501);
    }

    private SandboxResponse bucketDelete(ServiceCall call, Bucket bucket) {
        SandboxRequest r = call.request();
        if (r.hasQuery("policy")) return bucketAccess.deletePolicy(call, bucket);
        if (r.hasQuery("publicAccessBlock")) return bucketAccess.deletePublicAccessBlock(call, bucket);
        if (r.hasQuery("ownershipControls")) return bucketAccess.deleteOwnership(call, bucket);
        if (r.hasQuery("tagging")) return buckets.deleteTagging(call, bucket);
        if (r.hasQuery("website")) return websiteConfig.delete(call, bucket);
        if (r.hasQuery("cors")) return cors.delete(call, bucket);
        if (r.hasQuery("lifecycle")) return lifecycle.delete(call, bucket);
        if (r.hasQuery("encryption")) return buckets.deleteEncryption(call, bucket);
        return buckets.delete(call, bucket);
    }

    private SandboxResponse objectOperation(ServiceCall call, String bucketName, String key) throws IOException {
        SandboxRequest r = call.request();
        Bucket bucket;
        if (r.method().equals("HEAD")) {
            bucket = backend.findBucket(bucketName).orElseThrow(() -> new AwsException("NoSuchBucket", "", 404));
            s3.checkRegion(call, bucket, false);
        } else {
            bucket = s3.bucket(call, bucketName);
        }
        String uploadId = r.query("uploadId").orElse(null);
        for (String sub : UNSUPPORTED_OBJECT) {
            if (r.hasQuery(sub)) {
                throw new AwsException("NotImplemented", "The sandbox does not implement the object's " + sub
                        + " operation", 501);
            }
        }
        if (r.hasQuery("retention") || r.hasQuery("legal-hold")) {
            String what = r.hasQuery("retention") ? "Retention" : "LegalHold";
            if (!r.method().equals("GET") && !r.method().equals("PUT")) {
                throw methodNotAllowed(r.method(), "OBJECT");
            }
            throw objectLock.objectLevel(call, bucket, key, "s3:" + (r.method().equals("GET") ? "Get" : "Put") + "Object" + what);
        }
        return switch (r.method()) {
            case "GET" -> {
                if (r.hasQuery("acl")) yield objectSubresources.getAcl(call, bucket, key);
                if (r.hasQuery("tagging")) yield objectSubresources.getTagging(call, bucket, key);
                if (r.hasQuery("attributes")) yield reads.attributes(call, bucket, key);
                if (uploadId != null) yield multipart.listParts(call, bucket, key, uploadId);
                yield reads.get(call, bucket, key, false);
            }
            case "HEAD" -> reads.get(call, bucket, key, true);
            case "PUT" -> {
                if (r.hasQuery("acl")) yield objectSubresources.putAcl(call, bucket, key);
                if (r.hasQuery("tagging")) yield objectSubresources.putTagging(call, bucket, key);
                if (uploadId != null) yield multipart.uploadPart(call, bucket, key, uploadId);
                if (r.header("x-amz-copy-source").isPresent()) yield objects.copy(call, bucket, key);
                yield objects.put(call, bucket, key);
            }
            case "DELETE" -> {
                if (r.hasQuery("tagging")) yield objectSubresources.deleteTagging(call, bucket, key);
                if (uploadId != null) yield multipart.abort(call, bucket, key, uploadId);
                yield objects.delete(call, bucket, key);
            }
            case "POST" -> {
                if (r.hasQuery("uploads")) yield multipart.create(call, bucket, key);
                if (uploadId != null) yield multipart.complete(call, bucket, key, uploadId);
                if (r.hasQuery("restore")) yield objectSubresources.restore(call, bucket, key);
                throw methodNotAllowed(r.method(), "OBJECT");
            }
            default -> throw methodNotAllowed(r.method(), "OBJECT");
        };
    }

    private static AwsException methodNotAllowed(String method, String resourceType) {
        return new AwsException("MethodNotAllowed", "The specified method is not allowed against this resource.", 405)
                .with("Method", method).with("ResourceType", resourceType);
    }

    @Override
    public void close() {
        backend.close();
    }
}
