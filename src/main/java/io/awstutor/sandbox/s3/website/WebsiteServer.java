package io.awstutor.sandbox.s3.website;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.KeyHistoryView;
import io.awstutor.sandbox.s3.S3Backend;
import io.awstutor.sandbox.s3.S3Object;
import io.awstutor.sandbox.s3.access.S3AccessControl;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static website endpoint, as AWS's behaves: anonymous reads only (a signature is
 * ignored), index documents for "folders", a 302 from {@code folder} to {@code folder/},
 * redirect rules, the error document, and HTML error pages. Content that isn't public is
 * 403; a missing key is 404 only when the public may list the bucket, else 403.
 * {@code prefix} is how the site's root is addressed ("/" on the website Host, or
 * "/_website/&lt;bucket&gt;/" on the path form), for the redirects it writes.
 */
public final class WebsiteServer {
    private final S3Backend backend;
    private final S3AccessControl access;

    public WebsiteServer(S3Backend backend, S3AccessControl access) {
        this.backend = backend;
        this.access = access;
    }

    public SandboxResponse serve(ServiceCall call, String bucketName, String key, String prefix) {
        String method = call.request().method();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            return page(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", Map.of(), call, head);
        }
        ServiceCall anonymous = new ServiceCall(call.request(), new Caller.Anonymous(), call.region(), call.requestId(),
                call.authorizer(), anonymousContext(call));
        Optional<Bucket> found = backend.findBucket(bucketName);
        if (found.isEmpty()) {
            return page(404, "NoSuchBucket", "The specified bucket does not exist", Map.of("BucketName", bucketName), call, head);
        }
        Bucket bucket = found.get();
        WebsiteConfiguration site = bucket.config().website();
        if (site == null) {
            return page(404, "NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration",
                    Map.of("BucketName", bucketName), call, head);
        }
        if (site.redirectAll() != null) {
            String protocol = site.redirectAll().protocol() == null ? "http" : site.redirectAll().protocol();
            return redirect(301, protocol + "://" + site.redirectAll().hostName() + "/" + key);
        }
        for (WebsiteConfiguration.RoutingRule rule : site.routingRules()) {
            if (rule.matches(key, null)) {
                return redirect(rule, key, prefix, call);
            }
        }
        String target = key.isEmpty() || key.endsWith("/") ? key + site.indexSuffix() : key;
        Optional<S3Object> object = KeyHistoryView.current(bucket, target);
        if (object.isEmpty() && !key.isEmpty() && !key.endsWith("/")
                && KeyHistoryView.current(bucket, key + "/" + site.indexSuffix()).isPresent()) {
            return redirect(302, prefix + key + "/");
        }
        int status;
        if (object.isPresent() && readable(anonymous, bucket, object.get())) {
            S3Object o = object.get();
            if (o.headers().websiteRedirectLocation() != null) {
                return redirect(301, o.headers().websiteRedirectLocation());
            }
            if (o.storageClass().archived() && (o.restore() == null || !o.restore().readable(backend.now()))) {
                status = 403;
            } else {
                return content(200, o, head);
            }
        } else if (object.isPresent()) {
            status = 403;
        } else {
            status = access.allowed(anonymous, bucket.config(), new S3AccessControl.Need("s3:ListBucket", bucket.arn(),
                    "READ", bucket.config().acl(), Map.of())) ? 404 : 403;
        }
        for (WebsiteConfiguration.RoutingRule rule : site.routingRules()) {
            if (rule.matches(key, status)) {
                return redirect(rule, key, prefix, call);
            }
        }
        if (site.errorKey() != null) {
            Optional<S3Object> error = KeyHistoryView.current(bucket, site.errorKey());
            if (error.isPresent() && readable(anonymous, bucket, error.get())) {
                return content(status, error.get(), head);
            }
        }
        if (status == 404) {
            return page(404, "NoSuchKey", "The specified key does not exist.", Map.of("Key", target), call, head);
        }
        return page(403, "AccessDenied", "Access Denied", Map.of(), call, head);
    }

    private static Map<String, List<String>> anonymousContext(ServiceCall call) {
        Map<String, List<String>> context = new HashMap<>(call.baseContext() == null ? Map.of() : call.baseContext());
        context.keySet().removeIf(k -> k.startsWith("aws:Principal") || k.equals("aws:userid") || k.equals("aws:username"));
        context.put("aws:PrincipalType", List.of("Anonymous"));
        return context;
    }

    private boolean readable(ServiceCall anonymous, Bucket bucket, S3Object object) {
        return access.allowed(anonymous, bucket.config(), new S3AccessControl.Need("s3:GetObject",
                bucket.objectArn(object.key()), "READ", object.acl(), Map.of()));
    }

    private SandboxResponse content(int status, S3Object object, boolean head) {
        SandboxResponse response = new SandboxResponse(status, new LinkedHashMap<>(), object.size(),
                head ? out -> { } : out -> backend.blobs().copyRange(object.segments(), 0, object.size(), out));
        response.withHeader("Content-Type", object.headers().contentType())
                .withHeader("ETag", object.quotedEtag())
                .withHeader("Last-Modified", io.awstutor.sandbox.protocol.HttpDate.format(object.lastModified()));
        if (object.headers().contentEncoding() != null) {
            response.withHeader("Content-Encoding", object.headers().contentEncoding());
        }
        if (object.headers().cacheControl() != null) {
            response.withHeader("Cache-Control", object.headers().cacheControl());
        }
        if (head) {
            response.withHeader("Content-Length", String.valueOf(object.size()));
        }
        return response;
    }

    private SandboxResponse redirect(WebsiteConfiguration.RoutingRule rule, String key, String prefix, ServiceCall call) {
        int code = rule.httpRedirectCode() == null ? 301 : Integer.parseInt(rule.httpRedirectCode());
        String newKey = rule.redirectedKey(key);
        if (rule.hostName() == null) {
            return redirect(code, prefix + newKey);
        }
        String protocol = rule.protocol() == null ? "http" : rule.protocol();
        return redirect(code, protocol + "://" + rule.hostName() + "/" + newKey);
    }

    private static SandboxResponse redirect(int status, String location) {
        return SandboxResponse.empty(status).withHeader("Location", location);
    }

    private SandboxResponse page(int status, String code, String message, Map<String, String> fields, ServiceCall call,
                                 boolean head) {
        String reason = switch (status) {
            case 403 -> "403 Forbidden";
            case 404 -> "404 Not Found";
            case 405 -> "405 Method Not Allowed";
            default -> status + " Error";
        };
        StringBuilder html = new StringBuilder("<html>\n<head><title>").append(reason).append("</title></head>\n<body>\n<h1>")
                .append(reason).append("</h1>\n<ul>\n<li>Code: ").append(code).append("</li>\n<li>Message: ")
                .append(XmlWriter.escape(message)).append("</li>\n");
        fields.forEach((k, v) -> html.append("<li>").append(k).append(": ").append(XmlWriter.escape(v)).append("</li>\n"));
        html.append("<li>RequestId: ").append(call.requestId()).append("</li>\n</ul>\n<hr/>\n</body>\n</html>\n");
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        SandboxResponse response = head
                ? new SandboxResponse(status, new LinkedHashMap<>(), bytes.length, out -> { })
                : SandboxResponse.bytes(status, "text/html; charset=utf-8", bytes);
        if (head) {
            response.withHeader("Content-Type", "text/html; charset=utf-8");
        }
        return response;
    }

}
