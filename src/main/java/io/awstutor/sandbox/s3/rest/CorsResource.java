package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.CorsRule;
import io.awstutor.sandbox.s3.S3Errors;
import org.w3c.dom.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Put/Get/DeleteBucketCors, the browser's preflight ({@code OPTIONS}) and the
 * {@code Access-Control-*} headers S3 adds to a request with an {@code Origin} that a rule allows.
 */
final class CorsResource {
    private static final int MAX_RULES = 100;

    private final S3Context s3;

    CorsResource(S3Context s3) {
        this.s3 = s3;
    }

    SandboxResponse get(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketCORS");
        List<CorsRule> rules = bucket.config().cors();
        if (rules == null) {
            throw AwsException.notFound("NoSuchCORSConfiguration", "The CORS configuration does not exist")
                    .with("BucketName", bucket.name());
        }
        XmlWriter xml = new XmlWriter().start("CORSConfiguration", S3Xml.NS);
        for (CorsRule rule : rules) {
            xml.start("CORSRule").element("ID", rule.id());
            rule.allowedHeaders().forEach(h -> xml.element("AllowedHeader", h));
            rule.allowedMethods().forEach(m -> xml.element("AllowedMethod", m));
            rule.allowedOrigins().forEach(o -> xml.element("AllowedOrigin", o));
            rule.exposeHeaders().forEach(h -> xml.element("ExposeHeader", h));
            if (rule.maxAgeSeconds() != null) {
                xml.element("MaxAgeSeconds", String.valueOf(rule.maxAgeSeconds()));
            }
            xml.end();
        }
        return S3Xml.ok(xml.end());
    }

    SandboxResponse put(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutBucketCORS");
        Element root = XmlInput.parse(XmlInput.readBody(call.request().body()));
        XmlInput.expectRoot(root, "CORSConfiguration");
        List<Element> elements = XmlInput.children(root, "CORSRule");
        if (elements.isEmpty() || elements.size() > MAX_RULES) {
            throw S3Errors.malformedXml();
        }
        List<CorsRule> rules = new ArrayList<>();
        for (Element e : elements) {
            List<String> methods = texts(e, "AllowedMethod");
            List<String> origins = texts(e, "AllowedOrigin");
            if (methods.isEmpty() || origins.isEmpty()) {
                throw S3Errors.malformedXml();
            }
            for (String method : methods) {
                if (!CorsRule.METHODS.contains(method)) {
                    throw AwsException.badRequest("InvalidRequest",
                            "Found unsupported HTTP method in CORS config. Unsupported method is " + method);
                }
            }
            for (String origin : origins) {
                if (origin.chars().filter(c -> c == '*').count() > 1) {
                    throw AwsException.badRequest("InvalidRequest", "AllowedOrigin \"" + origin
                            + "\" can not have more than one wildcard.");
                }
            }
            Integer maxAge = null;
            String age = XmlInput.text(e, "MaxAgeSeconds");
            if (age != null) {
                try {
                    maxAge = Integer.valueOf(age.trim());
                } catch (NumberFormatException bad) {
                    throw S3Errors.malformedXml();
                }
            }
            rules.add(new CorsRule(XmlInput.text(e, "ID"), origins, methods, texts(e, "AllowedHeader"),
                    texts(e, "ExposeHeader"), maxAge));
        }
        s3.backend.buckets().update(bucket, c -> c.withCors(rules));
        return SandboxResponse.empty(200);
    }

    SandboxResponse delete(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:PutBucketCORS");
        s3.backend.buckets().update(bucket, c -> c.withCors(null));
        return SandboxResponse.empty(204);
    }

    /** The browser's preflight: 200 with what the first matching rule allows, else S3's 403. */
    SandboxResponse preflight(SandboxRequest request, Bucket bucket) {
        String origin = request.header("origin").orElse(null);
        String method = request.header("access-control-request-method").orElse(null);
        if (origin == null || method == null) {
            throw AwsException.badRequest("BadRequest", "Insufficient information. Origin request header needed.");
        }
        if (bucket.config().cors() == null) {
            throw AwsException.forbidden("AccessForbidden", "CORSResponse: CORS is not enabled for this bucket.")
                    .with("Method", method).with("ResourceType", "BUCKET");
        }
        List<String> headers = requestedHeaders(request);
        CorsRule rule = CorsRule.match(bucket.config().cors(), origin, method, headers);
        if (rule == null) {
            throw AwsException.forbidden("AccessForbidden", "CORSResponse: This CORS request is not allowed. This is usually "
                    + "because the evalution of Origin, request method / Access-Control-Request-Method or "
                    + "Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.")
                    .with("Method", method).with("ResourceType", "OBJECT");
        }
        SandboxResponse response = allow(SandboxResponse.empty(200), rule, origin);
        response.withHeader("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!headers.isEmpty()) {
            response.withHeader("Access-Control-Allow-Headers", String.join(", ", headers));
        }
        if (rule.maxAgeSeconds() != null) {
            response.withHeader("Access-Control-Max-Age", String.valueOf(rule.maxAgeSeconds()));
        }
        return response.withHeader("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
    }

    /** An actual request from a browser: the answer gets the headers of the rule that allows it, if any. */
    void decorate(SandboxRequest request, Bucket bucket, SandboxResponse response) {
        String origin = request.header("origin").orElse(null);
        if (origin == null || bucket == null) {
            return;
        }
        CorsRule rule = CorsRule.match(bucket.config().cors(), origin, request.method(), List.of());
        if (rule != null) {
            allow(response, rule, origin).withHeader("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
        }
    }

    private static SandboxResponse allow(SandboxResponse response, CorsRule rule, String origin) {
        boolean any = rule.allowedOrigins().contains("*");
        response.withHeader("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            response.withHeader("Access-Control-Allow-Credentials", "true");
        }
        if (!rule.exposeHeaders().isEmpty()) {
            response.withHeader("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        return response;
    }

    private static List<String> requestedHeaders(SandboxRequest request) {
        return request.header("access-control-request-headers").map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    private static List<String> texts(Element parent, String name) {
        return XmlInput.children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
    }
}
