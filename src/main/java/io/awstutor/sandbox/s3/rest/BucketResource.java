package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.protocol.TagRules;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.BucketOperations;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.S3Tags;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.access.ObjectOwnership;
import io.awstutor.sandbox.s3.access.S3AccessControl;
import org.w3c.dom.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bucket lifecycle and plain configuration: create, delete, head, list, location, versioning, tags. */
final class BucketResource {
    private final S3Context s3;

    BucketResource(S3Context s3) {
        this.s3 = s3;
    }

    SandboxResponse listBuckets(ServiceCall call) {
        if (call.caller() instanceof Caller.Anonymous) {
            throw S3Errors.accessDenied();
        }
        call.authorize("s3:ListAllMyBuckets", Arns.s3("*"), "AccessDenied");
        SandboxRequest request = call.request();
        String prefix = request.query("prefix").orElse("");
        String regionFilter = request.query("bucket-region").orElse(null);
        int max = RequestHeaders.intQuery(request, "max-buckets", 10_000, 10_000);
        String after = request.query("continuation-token").orElse(null);
        XmlWriter xml = new XmlWriter().start("ListAllMyBucketsResult", S3Xml.NS)
                .start("Owner").element("ID", s3.canonicalId(call.accountId())).end()
                .start("Buckets");
        String last = null;
        int count = 0;
        boolean more = false;
        for (Bucket b : s3.backend.buckets().list(call.accountId())) {
            if (!b.name().startsWith(prefix) || (regionFilter != null && !regionFilter.equals(b.config().region()))
                    || (after != null && b.name().compareTo(after) <= 0)) {
                continue;
            }
            if (count == max) {
                more = true;
                break;
            }
            xml.start("Bucket").element("Name", b.name()).element("CreationDate", b.config().created())
                    .element("BucketRegion", b.config().region()).end();
            last = b.name();
            count++;
        }
        xml.end();
        if (more) {
            xml.element("ContinuationToken", last);
        }
        if (!prefix.isEmpty()) {
            xml.element("Prefix", prefix);
        }
        return S3Xml.ok(xml.end());
    }

    SandboxResponse create(ServiceCall call, String name) throws IOException {
        if (call.caller() instanceof Caller.Anonymous) {
            throw S3Errors.accessDenied();
        }
        io.awstutor.sandbox.s3.BucketNames.check(name);
        call.authorize("s3:CreateBucket", Arns.s3(name), "AccessDenied");
        SandboxRequest request = call.request();
        ObjectLockAnswers.refuseLockedBucket(request);
        String constraint = null;
        Optional<Element> config = XmlInput.parseOptional(XmlInput.readBody(request.body()));
        if (config.isPresent()) {
            XmlInput.expectRoot(config.get(), "CreateBucketConfiguration");
            constraint = XmlInput.text(config.get(), "LocationConstraint");
        }
        String ownerId = s3.canonicalId(call.accountId());
        Acl acl = AclCodec.fromHeaders(request, ownerId, ownerId);
        ObjectOwnership ownership = request.header("x-amz-object-ownership").map(ObjectOwnership::parse).orElse(null);
        Bucket bucket = s3.backend.buckets().create(new BucketOperations.CreateRequest(name, call.accountId(),
                call.region(), constraint, acl, ownership));
        return SandboxResponse.empty(200).withHeader("Location", "/" + bucket.name());
    }

    SandboxResponse delete(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:DeleteBucket");
        s3.backend.buckets().delete(bucket);
        return SandboxResponse.empty(204);
    }

    SandboxResponse head(ServiceCall call, String name) {
        Bucket bucket = s3.backend.findBucket(name).orElseThrow(() -> new AwsException("NotFound", "Not Found", 404));
        s3.checkRegion(call, bucket, true);
        if (!s3.access.allowed(call, bucket.config(), new S3AccessControl.Need("s3:ListBucket", bucket.arn(), "READ",
                bucket.config().acl(), Map.of()))) {
            throw new AwsException("Forbidden", "Forbidden", 403);
        }
        return SandboxResponse.empty(200).withHeader("x-amz-bucket-region", bucket.config().region())
                .withHeader("x-amz-access-point-alias", "false");
    }

    SandboxResponse location(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketLocation");
        String region = bucket.config().region();
        // us-east-1 answers an empty constraint, as S3 always has
        return locationDocument(BucketOperations.US_EAST_1.equals(region) ? "" : region);
    }

    private static SandboxResponse locationDocument(String region) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><LocationConstraint xmlns=\"" + S3Xml.NS + "\">"
                + XmlWriter.escape(region) + "</LocationConstraint>";
        return SandboxResponse.bytes(200, "application/xml", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    SandboxResponse getVersioning(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketVersioning");
        XmlWriter xml = new XmlWriter().start("VersioningConfiguration", S3Xml.NS);
        if (bucket.config().versioning() != null) {
            xml.element("Status", bucket.config().versioning());
        }
        return S3Xml.ok(xml.end());
    }

    SandboxResponse putVersioning(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutBucketVersioning");
        Element root = XmlInput.parse(XmlInput.readBody(call.request().body()));
        XmlInput.expectRoot(root, "VersioningConfiguration");
        String status = XmlInput.text(root, "Status");
        s3.backend.buckets().setVersioning(bucket, status);
        return SandboxResponse.empty(200);
    }

    SandboxResponse getTagging(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketTagging");
        Map<String, String> tags = bucket.config().tags();
        if (tags == null || tags.isEmpty()) {
            throw AwsException.notFound("NoSuchTagSet", "The TagSet does not exist").with("BucketName", bucket.name());
        }
        return S3Xml.ok(tagsXml(tags));
    }

    static XmlWriter tagsXml(Map<String, String> tags) {
        XmlWriter xml = new XmlWriter().start("Tagging", S3Xml.NS).start("TagSet");
        tags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> xml.start("Tag").element("Key", e.getKey()).element("Value", e.getValue()).end());
        return xml.end().end();
    }

    static Map<String, String> parseTags(byte[] body, TagRules rules) {
        Element root = XmlInput.parse(body);
        XmlInput.expectRoot(root, "Tagging");
        Element set = XmlInput.child(root, "TagSet").orElseThrow(S3Errors::malformedXml);
        List<Tag> tags = new ArrayList<>();
        for (Element tag : XmlInput.children(set, "Tag")) {
            tags.add(new Tag(XmlInput.text(tag, "Key"), XmlInput.text(tag, "Value")));
        }
        return rules.requested(tags);
    }

    SandboxResponse putTagging(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutBucketTagging");
        Map<String, String> tags = parseTags(XmlInput.readBody(call.request().body()), S3Tags.BUCKET);
        s3.backend.buckets().update(bucket, c -> c.withTags(tags));
        return SandboxResponse.empty(204);
    }

    SandboxResponse deleteTagging(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:PutBucketTagging");
        s3.backend.buckets().update(bucket, c -> c.withTags(null));
        return SandboxResponse.empty(204);
    }

    SandboxResponse getEncryption(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetEncryptionConfiguration");
        XmlWriter xml = new XmlWriter().start("ServerSideEncryptionConfiguration", S3Xml.NS)
                .start("Rule").start("ApplyServerSideEncryptionByDefault").element("SSEAlgorithm", "AES256").end()
                .element("BucketKeyEnabled", "false").end();
        return S3Xml.ok(xml.end());
    }

    /**
     * Every sandbox bucket is encrypted with SSE-S3, AWS's default: a configuration asking for
     * just that is accepted, one asking for KMS is beyond the sandbox.
     */
    SandboxResponse putEncryption(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutEncryptionConfiguration");
        Element root = XmlInput.parse(XmlInput.readBody(call.request().body()));
        XmlInput.expectRoot(root, "ServerSideEncryptionConfiguration");
        List<Element> rules = XmlInput.children(root, "Rule");
        if (rules.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        for (Element rule : rules) {
            String algorithm = XmlInput.child(rule, "ApplyServerSideEncryptionByDefault")
                    .map(e -> XmlInput.text(e, "SSEAlgorithm")).orElseThrow(S3Errors::malformedXml);
            if (algorithm.startsWith("aws:kms")) {
                throw new AwsException("NotImplemented", "The sandbox encrypts every bucket with SSE-S3 (AES256) only", 501);
            }
            if (!algorithm.equals("AES256")) {
                throw S3Errors.malformedXml();
            }
        }
        return SandboxResponse.empty(200);
    }

    /** Deleting the configuration returns a bucket to SSE-S3, which is where it already is. */
    SandboxResponse deleteEncryption(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:PutEncryptionConfiguration");
        return SandboxResponse.empty(204);
    }
}
