package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.ObjectListing;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** ListObjects, ListObjectsV2 and ListObjectVersions documents. */
final class ListingResource {
    private final S3Context s3;

    ListingResource(S3Context s3) {
        this.s3 = s3;
    }

    private Map<String, List<String>> context(SandboxRequest request) {
        Map<String, List<String>> context = new HashMap<>();
        request.query("prefix").ifPresent(v -> context.put("s3:prefix", List.of(v)));
        request.query("delimiter").ifPresent(v -> context.put("s3:delimiter", List.of(v)));
        request.query("max-keys").ifPresent(v -> context.put("s3:max-keys", List.of(v)));
        return context;
    }

    private static boolean urlEncoding(SandboxRequest request) {
        String type = request.query("encoding-type").orElse(null);
        if (type == null) {
            return false;
        }
        if (!type.equals("url")) {
            throw S3Errors.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", type);
        }
        return true;
    }

    SandboxResponse listV1(ServiceCall call, Bucket bucket) {
        SandboxRequest request = call.request();
        s3.check(call, bucket, "s3:ListBucket", "READ", context(request));
        boolean url = urlEncoding(request);
        String prefix = request.query("prefix").orElse("");
        String delimiter = request.query("delimiter").orElse(null);
        String marker = request.query("marker").orElse("");
        int maxKeys = RequestHeaders.intQuery(request, "max-keys", 1000, 1000);
        ObjectListing.Page page = s3.backend.listing().list(bucket, prefix, delimiter, marker.isEmpty() ? null : marker, maxKeys);
        XmlWriter xml = new XmlWriter().start("ListBucketResult", S3Xml.NS)
                .element("Name", bucket.name())
                .element("Prefix", S3Xml.encode(prefix, url))
                .element("Marker", S3Xml.encode(marker, url));
        if (page.truncated() && delimiter != null) {
            xml.element("NextMarker", S3Xml.encode(page.last(), url));
        }
        xml.element("MaxKeys", maxKeys);
        if (delimiter != null) {
            xml.element("Delimiter", S3Xml.encode(delimiter, url));
        }
        xml.element("IsTruncated", page.truncated());
        if (url) {
            xml.element("EncodingType", "url");
        }
        for (S3Object o : page.objects()) {
            contents(xml, o, url, true);
        }
        commonPrefixes(xml, page.commonPrefixes(), url);
        return S3Xml.ok(xml.end());
    }

    SandboxResponse listV2(ServiceCall call, Bucket bucket) {
        SandboxRequest request = call.request();
        s3.check(call, bucket, "s3:ListBucket", "READ", context(request));
        boolean url = urlEncoding(request);
        String prefix = request.query("prefix").orElse("");
        String delimiter = request.query("delimiter").orElse(null);
        String token = request.query("continuation-token").orElse(null);
        String startAfter = request.query("start-after").orElse(null);
        boolean fetchOwner = "true".equalsIgnoreCase(request.query("fetch-owner").orElse("false"));
        int maxKeys = RequestHeaders.intQuery(request, "max-keys", 1000, 1000);
        String after = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        if (token != null) {
            after = decodeToken(token);
        }
        ObjectListing.Page page = s3.backend.listing().list(bucket, prefix, delimiter, after, maxKeys);
        XmlWriter xml = new XmlWriter().start("ListBucketResult", S3Xml.NS)
                .element("Name", bucket.name())
                .element("Prefix", S3Xml.encode(prefix, url));
        if (token != null) {
            xml.element("ContinuationToken", token);
        }
        if (page.truncated()) {
            xml.element("NextContinuationToken", encodeToken(page.last()));
        }
        xml.element("KeyCount", page.objects().size() + page.commonPrefixes().size())
                .element("MaxKeys", maxKeys);
        if (delimiter != null) {
            xml.element("Delimiter", S3Xml.encode(delimiter, url));
        }
        xml.element("IsTruncated", page.truncated());
        if (startAfter != null) {
            xml.element("StartAfter", S3Xml.encode(startAfter, url));
        }
        if (url) {
            xml.element("EncodingType", "url");
        }
        for (S3Object o : page.objects()) {
            contents(xml, o, url, fetchOwner);
        }
        commonPrefixes(xml, page.commonPrefixes(), url);
        return S3Xml.ok(xml.end());
    }

    static String encodeToken(String last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + last).getBytes(StandardCharsets.UTF_8));
    }

    static String decodeToken(String token) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("v1:")) {
                return decoded.substring(3);
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to S3's error
        }
        throw S3Errors.invalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }

    private void contents(XmlWriter xml, S3Object o, boolean url, boolean owner) {
        xml.start("Contents")
                .element("Key", S3Xml.encode(o.key(), url))
                .element("LastModified", o.lastModified())
                .element("ETag", o.quotedEtag());
        checksumInfo(xml, o);
        xml.element("Size", o.size())
                .element("StorageClass", o.storageClass().name());
        if (owner) {
            xml.start("Owner").element("ID", s3.canonicalId(o.ownerAccount())).end();
        }
        if (o.restore() != null) {
            xml.start("RestoreStatus")
                    .element("IsRestoreInProgress", o.restore().ongoing(s3.backend.now()));
            if (!o.restore().ongoing(s3.backend.now())) {
                xml.element("RestoreExpiryDate", o.restore().expiry());
            }
            xml.end();
        }
        xml.end();
    }

    private static void checksumInfo(XmlWriter xml, S3Object o) {
        if (!o.checksums().isEmpty()) {
            o.checksums().keySet().forEach(a -> xml.element("ChecksumAlgorithm", a.name()));
            xml.element("ChecksumType", o.checksumType() == null ? "FULL_OBJECT" : o.checksumType());
        }
    }

    private static void commonPrefixes(XmlWriter xml, List<String> prefixes, boolean url) {
        for (String p : prefixes) {
            xml.start("CommonPrefixes").element("Prefix", S3Xml.encode(p, url)).end();
        }
    }

    SandboxResponse listVersions(ServiceCall call, Bucket bucket) {
        SandboxRequest request = call.request();
        s3.check(call, bucket, "s3:ListBucketVersions", "READ", context(request));
        boolean url = urlEncoding(request);
        String prefix = request.query("prefix").orElse("");
        String delimiter = request.query("delimiter").orElse(null);
        String keyMarker = request.query("key-marker").orElse("");
        String versionMarker = request.query("version-id-marker").orElse("");
        if (keyMarker.isEmpty() && !versionMarker.isEmpty()) {
            throw S3Errors.invalidArgument("A version-id marker cannot be specified without a key marker.",
                    "version-id-marker", versionMarker);
        }
        int maxKeys = RequestHeaders.intQuery(request, "max-keys", 1000, 1000);
        ObjectListing.VersionPage page = s3.backend.listing().versions(bucket, prefix, delimiter,
                keyMarker.isEmpty() ? null : keyMarker, versionMarker.isEmpty() ? null : versionMarker, maxKeys);
        XmlWriter xml = new XmlWriter().start("ListVersionsResult", S3Xml.NS)
                .element("Name", bucket.name())
                .element("Prefix", S3Xml.encode(prefix, url))
                .element("KeyMarker", S3Xml.encode(keyMarker, url))
                .element("VersionIdMarker", versionMarker);
        if (page.truncated()) {
            xml.element("NextKeyMarker", S3Xml.encode(page.nextKeyMarker(), url));
            xml.element("NextVersionIdMarker", page.nextVersionIdMarker());
        }
        xml.element("MaxKeys", maxKeys);
        if (delimiter != null) {
            xml.element("Delimiter", S3Xml.encode(delimiter, url));
        }
        xml.element("IsTruncated", page.truncated());
        if (url) {
            xml.element("EncodingType", "url");
        }
        String currentKey = null;
        for (S3Object v : page.versions()) {
            boolean latest = isLatest(bucket, v);
            if (v.deleteMarker()) {
                xml.start("DeleteMarker")
                        .start("Owner").element("ID", s3.canonicalId(v.ownerAccount())).end()
                        .element("Key", S3Xml.encode(v.key(), url))
                        .element("VersionId", v.versionId())
                        .element("IsLatest", latest)
                        .element("LastModified", v.lastModified())
                        .end();
            } else {
                xml.start("Version").element("ETag", v.quotedEtag());
                checksumInfo(xml, v);
                xml.element("Size", v.size())
                        .element("StorageClass", v.storageClass().name())
                        .element("Key", S3Xml.encode(v.key(), url))
                        .element("VersionId", v.versionId())
                        .element("IsLatest", latest)
                        .element("LastModified", v.lastModified())
                        .start("Owner").element("ID", s3.canonicalId(v.ownerAccount())).end()
                        .end();
            }
            currentKey = v.key();
        }
        commonPrefixes(xml, page.commonPrefixes(), url);
        return S3Xml.ok(xml.end());
    }

    private boolean isLatest(Bucket bucket, S3Object v) {
        return s3.backend.objects().isLatest(bucket, v);
    }
}
