package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.ObjectHeaders;
import io.awstutor.sandbox.s3.Preconditions;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.S3Object;
import io.awstutor.sandbox.s3.StorageClass;
import io.awstutor.sandbox.s3.blob.BlobSegment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** GetObject, HeadObject and GetObjectAttributes: the body streamed from disk, ranges, conditions. */
final class ObjectReadResource {
    private static final Map<String, String> OVERRIDES = Map.of(
            "response-content-type", "Content-Type", "response-content-language", "Content-Language",
            "response-expires", "Expires", "response-cache-control", "Cache-Control",
            "response-content-disposition", "Content-Disposition", "response-content-encoding", "Content-Encoding");

    private final S3Context s3;

    ObjectReadResource(S3Context s3) {
        this.s3 = s3;
    }

    /** The version to read, after access checks (a missing key reads as 403 to those who may not list). */
    S3Object readable(ServiceCall call, Bucket bucket, String key) {
        String versionId = call.request().query("versionId").orElse(null);
        String action = versionId == null ? "s3:GetObject" : "s3:GetObjectVersion";
        S3Object object;
        try {
            object = s3.backend.objects().resolve(bucket, key, versionId);
        } catch (AwsException e) {
            if (e.status() == 404 && !s3.access.allowed(call, bucket.config(),
                    new io.awstutor.sandbox.s3.access.S3AccessControl.Need("s3:ListBucket", bucket.arn(), "READ",
                            bucket.config().acl(), Map.of()))) {
                // without s3:ListBucket, S3 doesn't tell whether a key exists
                s3.checkObject(call, bucket, key, action, "READ", null);
            }
            throw e;
        }
        s3.checkObject(call, bucket, key, action, "READ", object.acl());
        return object;
    }

    SandboxResponse get(ServiceCall call, Bucket bucket, String key, boolean head) {
        SandboxRequest request = call.request();
        S3Object object = readable(call, bucket, key);
        if (call.caller() instanceof io.awstutor.sandbox.auth.Caller.Anonymous
                && OVERRIDES.keySet().stream().anyMatch(request::hasQuery)) {
            // S3 lets only signed requests (header or presigned URL) rewrite the response headers
            throw AwsException.badRequest("InvalidRequest",
                    "Request specific response headers cannot be used for anonymous GET requests.");
        }
        Integer partNumber = partNumber(request);
        if (partNumber != null && request.header("range").isPresent()) {
            throw AwsException.badRequest("InvalidRequest", "Cannot specify both Range header and partNumber query parameter");
        }
        if (!head) {
            s3.backend.objects().checkReadable(object);
        }
        Preconditions.Read conditions = new Preconditions.Read(request.header("if-match").orElse(null),
                request.header("if-none-match").orElse(null),
                S3Xml.parseHttpDate(request.header("if-modified-since").orElse(null)),
                S3Xml.parseHttpDate(request.header("if-unmodified-since").orElse(null)));
        if (conditions.evaluate(object) == Preconditions.Outcome.NOT_MODIFIED) {
            SandboxResponse notModified = SandboxResponse.empty(304).withHeader("ETag", object.quotedEtag())
                    .withHeader("Last-Modified", S3Xml.httpDate(object.lastModified()));
            ObjectResource.versionHeader(notModified, object);
            return notModified;
        }
        Optional<ByteRange> range;
        if (partNumber != null) {
            range = Optional.of(partRange(object, partNumber));
        } else {
            range = ByteRange.parse(request.header("range").orElse(null), object.size());
        }
        long length = range.map(ByteRange::length).orElse(object.size());
        long from = range.map(ByteRange::first).orElse(0L);
        List<BlobSegment> segments = object.segments();
        SandboxResponse response = new SandboxResponse(range.isPresent() && (partNumber == null || object.partsCount() > 0)
                ? 206 : 200, new LinkedHashMap<>(), length,
                head ? out -> { } : out -> s3.backend.blobs().copyRange(segments, from, length, out));
        headers(response, object, request);
        if (range.isPresent() && response.status() == 206) {
            response.withHeader("Content-Range", "bytes " + range.get().first() + "-" + range.get().last() + "/" + object.size());
        }
        if (partNumber != null && object.partsCount() > 0) {
            response.withHeader("x-amz-mp-parts-count", String.valueOf(object.partsCount()));
        }
        if (head) {
            // the HTTP layer sends no body for HEAD; the length must still be the object's
            response.withHeader("Content-Length", String.valueOf(length));
        }
        boolean wantChecksum = "ENABLED".equalsIgnoreCase(request.header("x-amz-checksum-mode").orElse(""));
        if (wantChecksum && (range.isEmpty() || partNumber != null && object.partsCount() <= 1)) {
            ObjectResource.checksumHeaders(response, object);
        }
        return response;
    }

    private static Integer partNumber(SandboxRequest request) {
        String value = request.query("partNumber").orElse(null);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            io.awstutor.sandbox.s3.MultipartOperations.checkPartNumber(n);
            return n;
        } catch (NumberFormatException e) {
            throw S3Errors.invalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", value);
        }
    }

    private static ByteRange partRange(S3Object object, int partNumber) {
        if (object.partsCount() == 0) {
            if (partNumber != 1) {
                throw new AwsException("InvalidPartNumber", "The requested partnumber is not satisfiable", 416)
                        .with("PartNumberRequested", String.valueOf(partNumber)).with("ActualPartCount", "1");
            }
            return new ByteRange(0, Math.max(0, object.size() - 1));
        }
        if (partNumber > object.segments().size()) {
            throw new AwsException("InvalidPartNumber", "The requested partnumber is not satisfiable", 416)
                    .with("PartNumberRequested", String.valueOf(partNumber))
                    .with("ActualPartCount", String.valueOf(object.segments().size()));
        }
        long start = 0;
        for (int i = 0; i < partNumber - 1; i++) {
            start += object.segments().get(i).size();
        }
        return new ByteRange(start, start + object.segments().get(partNumber - 1).size() - 1);
    }

    private void headers(SandboxResponse response, S3Object object, SandboxRequest request) {
        ObjectHeaders h = object.headers();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Content-Type", h.contentType());
        values.put("Content-Encoding", h.contentEncoding());
        values.put("Content-Disposition", h.contentDisposition());
        values.put("Content-Language", h.contentLanguage());
        values.put("Cache-Control", h.cacheControl());
        values.put("Expires", h.expires());
        OVERRIDES.forEach((param, header) -> request.query(param).ifPresent(v -> values.put(header, v)));
        values.forEach((name, value) -> {
            if (value != null) {
                response.withHeader(name, value);
            }
        });
        response.withHeader("ETag", object.quotedEtag())
                .withHeader("Last-Modified", S3Xml.httpDate(object.lastModified()))
                .withHeader("Accept-Ranges", "bytes")
                .withHeader("x-amz-server-side-encryption", "AES256");
        h.userMetadata().forEach((k, v) -> response.withHeader("x-amz-meta-" + k, v));
        if (h.websiteRedirectLocation() != null) {
            response.withHeader("x-amz-website-redirect-location", h.websiteRedirectLocation());
        }
        if (object.storageClass() != StorageClass.STANDARD) {
            response.withHeader("x-amz-storage-class", object.storageClass().name());
        }
        if (object.restore() != null) {
            response.withHeader("x-amz-restore", object.restore().header(s3.backend.now()));
        }
        if (!object.tags().isEmpty()) {
            response.withHeader("x-amz-tagging-count", String.valueOf(object.tags().size()));
        }
        ObjectResource.versionHeader(response, object);
    }

    SandboxResponse attributes(ServiceCall call, Bucket bucket, String key) {
        SandboxRequest request = call.request();
        S3Object object = readable(call, bucket, key);
        String wanted = request.header("x-amz-object-attributes").orElse("");
        Set<String> attributes = new java.util.HashSet<>();
        for (String a : wanted.split(",")) {
            if (!a.isBlank()) {
                attributes.add(a.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (attributes.isEmpty()) {
            throw AwsException.badRequest("InvalidRequest", "Missing required header for this request: x-amz-object-attributes");
        }
        XmlWriter xml = new XmlWriter().start("GetObjectAttributesResponse", S3Xml.NS);
        if (attributes.contains("etag")) {
            xml.element("ETag", object.etag());
        }
        if (attributes.contains("checksum") && !object.checksums().isEmpty()) {
            xml.start("Checksum");
            object.checksums().forEach((a, v) -> xml.element(a.xmlName(), v));
            xml.element("ChecksumType", object.checksumType() == null ? "FULL_OBJECT" : object.checksumType());
            xml.end();
        }
        if (attributes.contains("objectparts") && object.partsCount() > 0) {
            xml.start("ObjectParts").element("TotalPartsCount", object.partsCount()).element("PartsCount", object.partsCount())
                    .element("IsTruncated", false).element("MaxParts", 1000).end();
        }
        if (attributes.contains("storageclass")) {
            xml.element("StorageClass", object.storageClass().name());
        }
        if (attributes.contains("objectsize")) {
            xml.element("ObjectSize", object.size());
        }
        SandboxResponse response = S3Xml.ok(xml.end()).withHeader("Last-Modified", S3Xml.httpDate(object.lastModified()));
        ObjectResource.versionHeader(response, object);
        return response;
    }

}
