package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.ObjectOperations;
import io.awstutor.sandbox.s3.Restores;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.S3Object;
import io.awstutor.sandbox.s3.S3Tags;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.access.S3AccessControl;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;
import io.awstutor.sandbox.s3.blob.StoredBlob;
import org.w3c.dom.Element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Object ACLs, object tags, RestoreObject and DeleteObjects. */
final class ObjectSubresources {
    private final S3Context s3;
    private final Restores restores;

    ObjectSubresources(S3Context s3) {
        this.s3 = s3;
        this.restores = new Restores(s3.backend);
    }

    private S3Object version(ServiceCall call, Bucket bucket, String key) {
        return s3.backend.objects().resolve(bucket, key, call.request().query("versionId").orElse(null));
    }

    SandboxResponse getAcl(ServiceCall call, Bucket bucket, String key) {
        S3Object object = version(call, bucket, key);
        s3.checkObject(call, bucket, key, "s3:GetObjectAcl", "READ_ACP", object.acl());
        return SandboxResponse.bytes(200, "application/xml", AclCodec.toXml(object.acl()).getBytes(StandardCharsets.UTF_8));
    }

    SandboxResponse putAcl(ServiceCall call, Bucket bucket, String key) throws IOException {
        S3Object object = version(call, bucket, key);
        s3.checkObject(call, bucket, key, "s3:PutObjectAcl", "WRITE_ACP", object.acl());
        String ownerId = s3.canonicalId(object.ownerAccount());
        Acl acl = AclCodec.fromHeaders(call.request(), ownerId, s3.canonicalId(bucket.owner()));
        if (acl == null) {
            acl = AclCodec.fromXml(XmlInput.parse(XmlInput.readBody(call.request().body())), ownerId);
        }
        S3AccessControl.checkAclWrite(bucket.config(), acl, true, AclCodec.cannedName(call.request()));
        Acl finalAcl = acl;
        S3Object updated = s3.backend.objects().update(bucket, object, o -> o.withAcl(finalAcl));
        SandboxResponse response = SandboxResponse.empty(200);
        ObjectResource.versionHeader(response, updated);
        return response;
    }

    SandboxResponse getTagging(ServiceCall call, Bucket bucket, String key) {
        S3Object object = version(call, bucket, key);
        s3.checkObject(call, bucket, key, "s3:GetObjectTagging", null, null);
        SandboxResponse response = S3Xml.ok(BucketResource.tagsXml(object.tags()));
        ObjectResource.versionHeader(response, object);
        return response;
    }

    SandboxResponse putTagging(ServiceCall call, Bucket bucket, String key) throws IOException {
        S3Object object = version(call, bucket, key);
        s3.checkObject(call, bucket, key, "s3:PutObjectTagging", null, null);
        Map<String, String> tags = BucketResource.parseTags(XmlInput.readBody(call.request().body()), S3Tags.OBJECT);
        S3Object updated = s3.backend.objects().update(bucket, object, o -> o.withTags(tags));
        SandboxResponse response = SandboxResponse.empty(200);
        ObjectResource.versionHeader(response, updated);
        return response;
    }

    SandboxResponse deleteTagging(ServiceCall call, Bucket bucket, String key) {
        S3Object object = version(call, bucket, key);
        s3.checkObject(call, bucket, key, "s3:DeleteObjectTagging", null, null);
        S3Object updated = s3.backend.objects().update(bucket, object, o -> o.withTags(Map.of()));
        SandboxResponse response = SandboxResponse.empty(204);
        ObjectResource.versionHeader(response, updated);
        return response;
    }

    SandboxResponse restore(ServiceCall call, Bucket bucket, String key) throws IOException {
        S3Object object = version(call, bucket, key);
        s3.checkObject(call, bucket, key, "s3:RestoreObject", null, null);
        Optional<Element> root = XmlInput.parseOptional(XmlInput.readBody(call.request().body()));
        int days = 1;
        String tier = null;
        if (root.isPresent()) {
            XmlInput.expectRoot(root.get(), "RestoreRequest");
            String d = XmlInput.text(root.get(), "Days");
            try {
                days = d == null ? 1 : Integer.parseInt(d);
            } catch (NumberFormatException e) {
                throw S3Errors.malformedXml();
            }
            tier = XmlInput.child(root.get(), "GlacierJobParameters").map(p -> XmlInput.text(p, "Tier"))
                    .orElse(XmlInput.text(root.get(), "Tier"));
        }
        boolean started = restores.restore(bucket, object, days, tier);
        return SandboxResponse.empty(started ? 202 : 200);
    }

    SandboxResponse deleteObjects(ServiceCall call, Bucket bucket) throws IOException {
        byte[] body = XmlInput.readBody(call.request().body());
        verifyIntegrity(call, body);
        Element root = XmlInput.parse(body);
        XmlInput.expectRoot(root, "Delete");
        boolean quiet = "true".equalsIgnoreCase(XmlInput.text(root, "Quiet"));
        List<Element> objects = XmlInput.children(root, "Object");
        if (objects.isEmpty() || objects.size() > 1000) {
            throw S3Errors.malformedXml();
        }
        XmlWriter xml = new XmlWriter().start("DeleteResult", S3Xml.NS);
        List<XmlWriter> errors = new ArrayList<>();
        for (Element o : objects) {
            String key = XmlInput.text(o, "Key");
            String versionId = XmlInput.text(o, "VersionId");
            if (key == null) {
                throw S3Errors.malformedXml();
            }
            try {
                s3.access.check(call, bucket.config(), new S3AccessControl.Need(
                        versionId == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion", bucket.objectArn(key), "WRITE",
                        bucket.config().acl(), Map.of()));
                ObjectOperations.DeleteResult result = s3.backend.objects().delete(bucket, key, versionId, call.accountId(),
                        XmlInput.text(o, "ETag"));
                if (!quiet) {
                    xml.start("Deleted").element("Key", key).element("VersionId", versionId);
                    if (result.deleteMarker()) {
                        xml.element("DeleteMarker", true);
                        if (versionId == null) {
                            xml.element("DeleteMarkerVersionId", result.versionId());
                        }
                    }
                    xml.end();
                }
            } catch (AwsException e) {
                errors.add(XmlWriter.fragment().start("Error").element("Key", key).element("VersionId", versionId)
                        .element("Code", e.code()).element("Message", e.getMessage()).end());
            }
        }
        errors.forEach(xml::append);
        return S3Xml.ok(xml.end());
    }

    /** DeleteObjects must carry Content-MD5 or a checksum of its body, and it must match. */
    private void verifyIntegrity(ServiceCall call, byte[] body) throws IOException {
        var request = call.request();
        var algorithms = RequestHeaders.checksumAlgorithms(request);
        String md5 = request.header("content-md5").orElse(null);
        if (md5 == null && algorithms.isEmpty()) {
            throw AwsException.badRequest("InvalidRequest", "Missing required header for this request: Content-MD5");
        }
        Map<ChecksumAlgorithm, String> expected = RequestHeaders.expectedChecksums(request).get();
        byte[] md5Bytes = md5 == null ? null : java.util.Base64.getMimeDecoder().decode(md5.trim());
        MessageDigests.verify(body, md5Bytes, expected);
    }
}
