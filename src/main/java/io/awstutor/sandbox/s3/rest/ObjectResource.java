package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.ObjectCopy;
import io.awstutor.sandbox.s3.ObjectHeaders;
import io.awstutor.sandbox.s3.ObjectOperations;
import io.awstutor.sandbox.s3.Preconditions;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.S3Object;
import io.awstutor.sandbox.s3.StorageClass;
import io.awstutor.sandbox.s3.access.Acl;
import io.awstutor.sandbox.s3.access.S3AccessControl;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;

import java.io.IOException;
import java.util.Map;

/** Writes of whole objects: PutObject, CopyObject, DeleteObject. */
final class ObjectResource {
    private final S3Context s3;
    private final ObjectCopy copier;

    ObjectResource(S3Context s3) {
        this.s3 = s3;
        this.copier = new ObjectCopy(s3.backend);
    }

    /** PutObject and CopyObject need s3:PutObject; a bucket ACL's WRITE grant can also allow it. */
    void checkWrite(ServiceCall call, Bucket bucket, String key, String action) {
        s3.access.check(call, bucket.config(), new S3AccessControl.Need(action, bucket.objectArn(key), "WRITE",
                bucket.config().acl(), Map.of()));
    }

    /** The ACL a new object gets, after Object Ownership and Block Public ACLs had their say. */
    Acl newObjectAcl(ServiceCall call, Bucket bucket, String ownerAccount) {
        String ownerId = s3.canonicalId(ownerAccount);
        Acl requested = AclCodec.fromHeaders(call.request(), ownerId, s3.canonicalId(bucket.owner()));
        if (requested == null) {
            return Acl.privateTo(ownerId);
        }
        S3AccessControl.checkAclWrite(bucket.config(), requested, true, AclCodec.cannedName(call.request()));
        return bucket.config().effectiveOwnership().aclsDisabled() ? Acl.privateTo(ownerId) : requested;
    }

    SandboxResponse put(ServiceCall call, Bucket bucket, String key) throws IOException {
        RequestHeaders.requireLength(call.request());
        S3Object object = store(call, bucket, key);
        SandboxResponse response = SandboxResponse.empty(200).withHeader("ETag", object.quotedEtag())
                .withHeader("x-amz-server-side-encryption", "AES256");
        versionHeader(response, object);
        checksumHeaders(response, object);
        return response;
    }

    /** The body stored as {@code key}, described by the request's headers: PutObject and the POST form's upload. */
    S3Object store(ServiceCall call, Bucket bucket, String key) throws IOException {
        SandboxRequest request = call.request();
        checkWrite(call, bucket, key, "s3:PutObject");
        ObjectLockAnswers.refuseLockHeaders(request);
        RequestHeaders.checkEncryption(request);
        String owner = s3.objectOwner(call, bucket, AclCodec.cannedName(request));
        ObjectOperations.PutRequest put = new ObjectOperations.PutRequest(key, RequestHeaders.objectHeaders(request),
                StorageClass.parse(request.header("x-amz-storage-class").orElse(null)), newObjectAcl(call, bucket, owner),
                RequestHeaders.tagging(request.header("x-amz-tagging").orElse(null)), owner,
                RequestHeaders.checksumAlgorithms(request), RequestHeaders.expectedChecksums(request),
                request.header("content-md5").orElse(null), RequestHeaders.declaredLength(request),
                writePreconditions(request));
        return s3.backend.objects().put(bucket, put, request.body());
    }

    static Preconditions.Write writePreconditions(SandboxRequest request) {
        String ifMatch = request.header("if-match").orElse(null);
        String ifNoneMatch = request.header("if-none-match").orElse(null);
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw S3Errors.notImplemented("If-None-Match");
        }
        return ifMatch == null && ifNoneMatch == null ? null : new Preconditions.Write(ifMatch, ifNoneMatch);
    }

    static void versionHeader(SandboxResponse response, S3Object object) {
        if (!"null".equals(object.versionId())) {
            response.withHeader("x-amz-version-id", object.versionId());
        }
    }

    static void checksumHeaders(SandboxResponse response, S3Object object) {
        object.checksums().forEach((a, v) -> response.withHeader(a.headerName(), v));
        if (!object.checksums().isEmpty() && object.checksumType() != null) {
            response.withHeader("x-amz-checksum-type", object.checksumType());
        }
    }

    SandboxResponse copy(ServiceCall call, Bucket bucket, String key) throws IOException {
        SandboxRequest request = call.request();
        CopySource source = CopySource.parse(request.header("x-amz-copy-source").orElseThrow());
        Bucket sourceBucket = s3.backend.bucket(source.bucket());
        S3Object original = s3.backend.objects().resolve(sourceBucket, source.key(), source.versionId());
        s3.checkObject(call, sourceBucket, source.key(), source.versionId() == null ? "s3:GetObject" : "s3:GetObjectVersion",
                "READ", original.acl());
        checkWrite(call, bucket, key, "s3:PutObject");
        ObjectLockAnswers.refuseLockHeaders(request);
        RequestHeaders.checkEncryption(request);
        source.checkPreconditions(request, original);
        String directive = request.header("x-amz-metadata-directive").orElse("COPY");
        if (!directive.equals("COPY") && !directive.equals("REPLACE")) {
            throw AwsException.badRequest("InvalidArgument", "Unknown metadata directive.")
                    .with("ArgumentName", "x-amz-metadata-directive").with("ArgumentValue", directive);
        }
        ObjectHeaders replace = directive.equals("REPLACE") ? RequestHeaders.objectHeaders(request) : null;
        String taggingDirective = request.header("x-amz-tagging-directive").orElse("COPY");
        Map<String, String> tags = taggingDirective.equals("REPLACE")
                ? RequestHeaders.tagging(request.header("x-amz-tagging").orElse("")) : null;
        String owner = s3.objectOwner(call, bucket, AclCodec.cannedName(request));
        StorageClass storageClass = request.header("x-amz-storage-class").map(StorageClass::parse).orElse(null);
        ChecksumAlgorithm algorithm = request.header("x-amz-checksum-algorithm").flatMap(ChecksumAlgorithm::parse).orElse(null);
        S3Object copied = copier.copy(original, bucket, new ObjectCopy.CopyRequest(key, replace, storageClass,
                newObjectAcl(call, bucket, owner), tags, owner, algorithm, writePreconditions(request)));
        XmlWriter xml = new XmlWriter().start("CopyObjectResult", S3Xml.NS)
                .element("LastModified", copied.lastModified())
                .element("ETag", copied.quotedEtag());
        copied.checksums().forEach((a, v) -> xml.element(a.xmlName(), v));
        if (copied.checksumType() != null && !copied.checksums().isEmpty()) {
            xml.element("ChecksumType", copied.checksumType());
        }
        SandboxResponse response = S3Xml.ok(xml.end()).withHeader("x-amz-server-side-encryption", "AES256");
        if (!"null".equals(original.versionId())) {
            response.withHeader("x-amz-copy-source-version-id", original.versionId());
        }
        versionHeader(response, copied);
        return response;
    }

    SandboxResponse delete(ServiceCall call, Bucket bucket, String key) {
        String versionId = call.request().query("versionId").orElse(null);
        s3.access.check(call, bucket.config(), new S3AccessControl.Need(
                versionId == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion", bucket.objectArn(key), "WRITE",
                bucket.config().acl(), Map.of()));
        ObjectOperations.DeleteResult result = s3.backend.objects().delete(bucket, key, versionId, call.accountId(),
                call.request().header("if-match").orElse(null));
        SandboxResponse response = SandboxResponse.empty(204);
        if (result.deleteMarker()) {
            response.withHeader("x-amz-delete-marker", "true");
        }
        if (result.versionId() != null && (bucket.config().versioning() != null || versionId != null)) {
            response.withHeader("x-amz-version-id", result.versionId());
        }
        return response;
    }
}
