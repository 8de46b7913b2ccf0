package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.MultipartOperations;
import io.awstutor.sandbox.s3.MultipartUpload;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.S3Object;
import io.awstutor.sandbox.s3.StorageClass;
import io.awstutor.sandbox.s3.blob.ChecksumAlgorithm;
import org.w3c.dom.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The multipart upload operations' REST documents. */
final class MultipartResource {
    private final S3Context s3;
    private final ObjectResource objects;

    MultipartResource(S3Context s3, ObjectResource objects) {
        this.s3 = s3;
        this.objects = objects;
    }

    private MultipartOperations ops() {
        return s3.backend.multipart();
    }

    SandboxResponse create(ServiceCall call, Bucket bucket, String key) {
        SandboxRequest request = call.request();
        objects.checkWrite(call, bucket, key, "s3:PutObject");
        ObjectLockAnswers.refuseLockHeaders(request);
        RequestHeaders.checkEncryption(request);
        String owner = s3.objectOwner(call, bucket, AclCodec.cannedName(request));
        ChecksumAlgorithm algorithm = request.header("x-amz-checksum-algorithm").map(v -> ChecksumAlgorithm.parse(v)
                .orElseThrow(() -> S3Errors.invalidArgument("Checksum algorithm provided is unsupported. Please try again with "
                        + "any of the valid types: [CRC32, CRC32C, CRC64NVME, SHA1, SHA256]", "x-amz-checksum-algorithm", v)))
                .orElse(null);
        String type = request.header("x-amz-checksum-type").map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
        if (type != null && !type.equals("COMPOSITE") && !type.equals("FULL_OBJECT")) {
            throw S3Errors.invalidArgument("Value for x-amz-checksum-type header is invalid.", "x-amz-checksum-type", type);
        }
        if (algorithm != null && type == null) {
            type = algorithm == ChecksumAlgorithm.CRC64NVME ? "FULL_OBJECT" : "COMPOSITE";
        }
        if (algorithm != null && "FULL_OBJECT".equals(type) && !algorithm.isCrc()) {
            throw AwsException.badRequest("InvalidRequest", "The FULL_OBJECT checksum type cannot be used with the "
                    + algorithm.name().toLowerCase(Locale.ROOT) + " checksum algorithm.");
        }
        if (algorithm != null && "COMPOSITE".equals(type) && algorithm == ChecksumAlgorithm.CRC64NVME) {
            throw AwsException.badRequest("InvalidRequest", "The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.");
        }
        String initiatorArn = call.caller() instanceof Caller.Anonymous ? "anonymous" : call.caller().arn();
        MultipartUpload upload = ops().create(bucket, new MultipartUpload.Spec(null, bucket.name(), key, null, owner,
                initiatorArn, RequestHeaders.objectHeaders(request),
                StorageClass.parse(request.header("x-amz-storage-class").orElse(null)), objects.newObjectAcl(call, bucket, owner),
                RequestHeaders.tagging(request.header("x-amz-tagging").orElse(null)), algorithm, type));
        SandboxResponse response = S3Xml.ok(new XmlWriter().start("InitiateMultipartUploadResult", S3Xml.NS)
                .element("Bucket", bucket.name()).element("Key", key).element("UploadId", upload.spec().uploadId()).end());
        if (algorithm != null) {
            response.withHeader("x-amz-checksum-algorithm", algorithm.name()).withHeader("x-amz-checksum-type", type);
        }
        return response.withHeader("x-amz-server-side-encryption", "AES256");
    }

    SandboxResponse uploadPart(ServiceCall call, Bucket bucket, String key, String uploadId) throws IOException {
        SandboxRequest request = call.request();
        objects.checkWrite(call, bucket, key, "s3:PutObject");
        int partNumber = partNumber(request);
        if (request.header("x-amz-copy-source").isPresent()) {
            return uploadPartCopy(call, bucket, uploadId, partNumber);
        }
        RequestHeaders.requireLength(request);
        MultipartUpload.Part part = ops().uploadPart(bucket, uploadId, partNumber, request.body(),
                RequestHeaders.declaredLength(request), request.header("content-md5").orElse(null),
                RequestHeaders.checksumAlgorithms(request), RequestHeaders.expectedChecksums(request));
        SandboxResponse response = SandboxResponse.empty(200).withHeader("ETag", '"' + part.etag() + '"')
                .withHeader("x-amz-server-side-encryption", "AES256");
        part.checksums().forEach((a, v) -> response.withHeader(a.headerName(), v));
        return response;
    }

    private static int partNumber(SandboxRequest request) {
        String value = request.query("partNumber").orElse("");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", value);
        }
    }

    private SandboxResponse uploadPartCopy(ServiceCall call, Bucket bucket, String uploadId, int partNumber) throws IOException {
        SandboxRequest request = call.request();
        CopySource source = CopySource.parse(request.header("x-amz-copy-source").orElseThrow());
        Bucket sourceBucket = s3.backend.bucket(source.bucket());
        S3Object original = s3.backend.objects().resolve(sourceBucket, source.key(), source.versionId());
        s3.checkObject(call, sourceBucket, source.key(), "s3:GetObject", "READ", original.acl());
        s3.backend.objects().checkReadable(original);
        source.checkPreconditions(request, original);
        long from = 0;
        long length = original.size();
        String rangeHeader = request.header("x-amz-copy-source-range").orElse(null);
        if (rangeHeader != null) {
            ByteRange range = ByteRange.parse(rangeHeader, original.size()).orElseThrow(() -> S3Errors.invalidArgument(
                    "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the "
                            + "zero-based offsets of the first and last bytes to copy", "x-amz-copy-source-range", rangeHeader));
            from = range.first();
            length = range.length();
        }
        MultipartUpload.Part part = ops().copyPart(bucket, uploadId, partNumber, original, from, length);
        XmlWriter xml = new XmlWriter().start("CopyPartResult", S3Xml.NS)
                .element("LastModified", part.lastModified()).element("ETag", '"' + part.etag() + '"');
        part.checksums().forEach((a, v) -> xml.element(a.xmlName(), v));
        SandboxResponse response = S3Xml.ok(xml.end());
        if (!"null".equals(original.versionId())) {
            response.withHeader("x-amz-copy-source-version-id", original.versionId());
        }
        return response;
    }

    SandboxResponse complete(ServiceCall call, Bucket bucket, String key, String uploadId) throws IOException {
        SandboxRequest request = call.request();
        objects.checkWrite(call, bucket, key, "s3:PutObject");
        Element root = XmlInput.parse(XmlInput.readBody(request.body()));
        XmlInput.expectRoot(root, "CompleteMultipartUpload");
        List<MultipartOperations.CompletedPart> parts = new ArrayList<>();
        for (Element p : XmlInput.children(root, "Part")) {
            String number = XmlInput.text(p, "PartNumber");
            Map<ChecksumAlgorithm, String> sums = new EnumMap<>(ChecksumAlgorithm.class);
            for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
                String v = XmlInput.text(p, a.xmlName());
                if (v != null) {
                    sums.put(a, v);
                }
            }
            try {
                parts.add(new MultipartOperations.CompletedPart(Integer.parseInt(number), XmlInput.text(p, "ETag"), sums));
            } catch (NumberFormatException e) {
                throw S3Errors.malformedXml();
            }
        }
        Map<ChecksumAlgorithm, String> full = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            request.header(a.headerName()).ifPresent(v -> full.put(a, v));
        }
        MultipartUpload upload = ops().upload(bucket, uploadId);
        if (!upload.spec().key().equals(key)) {
            throw S3Errors.noSuchUpload(uploadId);
        }
        S3Object object = ops().complete(bucket, uploadId, parts, full, ObjectResource.writePreconditions(request));
        XmlWriter xml = new XmlWriter().start("CompleteMultipartUploadResult", S3Xml.NS)
                .element("Location", "/" + bucket.name() + "/" + key)
                .element("Bucket", bucket.name()).element("Key", key).element("ETag", object.quotedEtag());
        object.checksums().forEach((a, v) -> xml.element(a.xmlName(), v));
        if (object.checksumType() != null && !object.checksums().isEmpty()) {
            xml.element("ChecksumType", object.checksumType());
        }
        SandboxResponse response = S3Xml.ok(xml.end()).withHeader("x-amz-server-side-encryption", "AES256");
        ObjectResource.versionHeader(response, object);
        return response;
    }

    SandboxResponse abort(ServiceCall call, Bucket bucket, String key, String uploadId) {
        s3.access.check(call, bucket.config(), io.awstutor.sandbox.s3.access.S3AccessControl.Need.of(
                "s3:AbortMultipartUpload", bucket.objectArn(key)));
        ops().abort(bucket, uploadId);
        return SandboxResponse.empty(204);
    }

    SandboxResponse listParts(ServiceCall call, Bucket bucket, String key, String uploadId) {
        SandboxRequest request = call.request();
        s3.access.check(call, bucket.config(), io.awstutor.sandbox.s3.access.S3AccessControl.Need.of(
                "s3:ListMultipartUploadParts", bucket.objectArn(key)));
        MultipartUpload upload = ops().upload(bucket, uploadId);
        int max = RequestHeaders.intQuery(request, "max-parts", 1000, 1000);
        int marker = RequestHeaders.intQuery(request, "part-number-marker", 0, 10_000);
        MultipartUpload.Spec spec = upload.spec();
        XmlWriter xml = new XmlWriter().start("ListPartsResult", S3Xml.NS)
                .element("Bucket", bucket.name()).element("Key", key).element("UploadId", uploadId);
        initiatorAndOwner(xml, spec);
        xml.element("StorageClass", spec.storageClass().name()).element("PartNumberMarker", marker);
        List<MultipartUpload.Part> page = new ArrayList<>();
        boolean truncated = false;
        for (MultipartUpload.Part p : upload.parts().tailMap(marker, false).values()) {
            if (page.size() == max) {
                truncated = true;
                break;
            }
            page.add(p);
        }
        if (!page.isEmpty()) {
            xml.element("NextPartNumberMarker", page.get(page.size() - 1).partNumber());
        }
        xml.element("MaxParts", max).element("IsTruncated", truncated);
        if (spec.checksumAlgorithm() != null) {
            xml.element("ChecksumAlgorithm", spec.checksumAlgorithm().name()).element("ChecksumType", spec.checksumType());
        }
        for (MultipartUpload.Part p : page) {
            xml.start("Part").element("PartNumber", p.partNumber()).element("LastModified", p.lastModified())
                    .element("ETag", '"' + p.etag() + '"').element("Size", p.size());
            p.checksums().forEach((a, v) -> xml.element(a.xmlName(), v));
            xml.end();
        }
        return S3Xml.ok(xml.end());
    }

    private void initiatorAndOwner(XmlWriter xml, MultipartUpload.Spec spec) {
        xml.start("Initiator").element("ID", spec.initiatorArn()).end()
                .start("Owner").element("ID", s3.canonicalId(spec.initiatorAccount())).end();
    }

    SandboxResponse listUploads(ServiceCall call, Bucket bucket) {
        SandboxRequest request = call.request();
        s3.check(call, bucket, "s3:ListBucketMultipartUploads", "READ", Map.of());
        String prefix = request.query("prefix").orElse("");
        String delimiter = request.query("delimiter").filter(d -> !d.isEmpty()).orElse(null);
        String keyMarker = request.query("key-marker").orElse("");
        String uploadIdMarker = request.query("upload-id-marker").orElse("");
        int max = RequestHeaders.intQuery(request, "max-uploads", 1000, 1000);
        XmlWriter xml = new XmlWriter().start("ListMultipartUploadsResult", S3Xml.NS)
                .element("Bucket", bucket.name()).element("KeyMarker", keyMarker).element("UploadIdMarker", uploadIdMarker);
        List<MultipartUpload> page = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean truncated = false;
        boolean pastMarker = keyMarker.isEmpty();
        for (MultipartUpload u : ops().list(bucket, prefix)) {
            String key = u.spec().key();
            if (!pastMarker) {
                int cmp = io.awstutor.sandbox.s3.Bucket.KEY_ORDER.compare(key, keyMarker);
                if (cmp < 0 || (cmp == 0 && (uploadIdMarker.isEmpty() || u.spec().uploadId().compareTo(uploadIdMarker) <= 0))) {
                    continue;
                }
                pastMarker = true;
            }
            if (delimiter != null) {
                int at = key.indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    String common = key.substring(0, at + delimiter.length());
                    if (!prefixes.contains(common)) {
                        if (page.size() + prefixes.size() == max) {
                            truncated = true;
                            break;
                        }
                        prefixes.add(common);
                    }
                    continue;
                }
            }
            if (page.size() + prefixes.size() == max) {
                truncated = true;
                break;
            }
            page.add(u);
        }
        if (truncated && !page.isEmpty()) {
            xml.element("NextKeyMarker", page.get(page.size() - 1).spec().key())
                    .element("NextUploadIdMarker", page.get(page.size() - 1).spec().uploadId());
        }
        if (delimiter != null) {
            xml.element("Delimiter", delimiter);
        }
        xml.element("Prefix", prefix).element("MaxUploads", max).element("IsTruncated", truncated);
        for (MultipartUpload u : page) {
            xml.start("Upload").element("Key", u.spec().key()).element("UploadId", u.spec().uploadId());
            initiatorAndOwner(xml, u.spec());
            xml.element("StorageClass", u.spec().storageClass().name()).element("Initiated", u.spec().initiated());
            if (u.spec().checksumAlgorithm() != null) {
                xml.element("ChecksumAlgorithm", u.spec().checksumAlgorithm().name()).element("ChecksumType", u.spec().checksumType());
            }
            xml.end();
        }
        for (String p : prefixes) {
            xml.start("CommonPrefixes").element("Prefix", p).end();
        }
        return S3Xml.ok(xml.end());
    }
}
