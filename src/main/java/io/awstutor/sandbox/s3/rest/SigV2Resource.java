package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of a SigV2 string-to-sign that only S3 can work out: the canonical resource,
 * {@code /bucket/key} (the bucket taken from a virtual host name if that is where it was) and
 * the sub-resources S3 lists, sorted. The request path's authenticator
 * ({@link io.awstutor.sandbox.auth.SigV2QueryAuthenticator}) asks for it through the handler.
 */
final class SigV2Resource {
    /** Sub-resources that are part of the string to sign, as S3 lists them. */
    private static final List<String> SUBRESOURCES = List.of("acl", "cors", "delete", "lifecycle", "location", "logging",
            "notification", "partNumber", "policy", "requestPayment", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
            "restore", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website");

    private SigV2Resource() {
    }

    static String of(SandboxRequest r, S3Address address) {
        return resource(r, address);
    }

    private static String resource(SandboxRequest r, S3Address address) {
        String path = r.rawPath() == null || r.rawPath().isEmpty() ? "/" : r.rawPath();
        String host = r.hostName().toLowerCase(Locale.ROOT);
        boolean virtual = address.hasBucket() && !path.startsWith("/" + address.bucket() + "/")
                && !path.equals("/" + address.bucket()) && host.startsWith(address.bucket() + ".");
        StringBuilder resource = new StringBuilder(virtual ? "/" + address.bucket() + path : path);
        Map<String, String> subs = new TreeMap<>();
        for (String sub : SUBRESOURCES) {
            if (r.hasQuery(sub)) {
                subs.put(sub, r.query(sub).orElse(""));
            }
        }
        char sep = '?';
        for (Map.Entry<String, String> e : subs.entrySet()) {
            resource.append(sep).append(e.getKey());
            if (!e.getValue().isEmpty()) {
                resource.append('=').append(e.getValue());
            }
            sep = '&';
        }
        return resource.toString();
    }

}
