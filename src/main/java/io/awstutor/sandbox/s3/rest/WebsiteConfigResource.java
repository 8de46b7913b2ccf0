package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;
import io.awstutor.sandbox.s3.S3Errors;
import io.awstutor.sandbox.s3.website.WebsiteConfiguration;
import org.w3c.dom.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Put/Get/DeleteBucketWebsite documents. */
final class WebsiteConfigResource {
    private final S3Context s3;

    WebsiteConfigResource(S3Context s3) {
        this.s3 = s3;
    }

    SandboxResponse get(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:GetBucketWebsite");
        WebsiteConfiguration w = bucket.config().website();
        if (w == null) {
            throw AwsException.notFound("NoSuchWebsiteConfiguration", "The specified bucket does not have a website configuration")
                    .with("BucketName", bucket.name());
        }
        XmlWriter xml = new XmlWriter().start("WebsiteConfiguration", S3Xml.NS);
        if (w.redirectAll() != null) {
            xml.start("RedirectAllRequestsTo").element("HostName", w.redirectAll().hostName())
                    .element("Protocol", w.redirectAll().protocol()).end();
        }
        if (w.indexSuffix() != null) {
            xml.start("IndexDocument").element("Suffix", w.indexSuffix()).end();
        }
        if (w.errorKey() != null) {
            xml.start("ErrorDocument").element("Key", w.errorKey()).end();
        }
        if (!w.routingRules().isEmpty()) {
            xml.start("RoutingRules");
            for (WebsiteConfiguration.RoutingRule r : w.routingRules()) {
                xml.start("RoutingRule");
                if (r.keyPrefixEquals() != null || r.httpErrorCodeReturnedEquals() != null) {
                    xml.start("Condition").element("KeyPrefixEquals", r.keyPrefixEquals())
                            .element("HttpErrorCodeReturnedEquals", r.httpErrorCodeReturnedEquals()).end();
                }
                xml.start("Redirect").element("Protocol", r.protocol()).element("HostName", r.hostName())
                        .element("ReplaceKeyPrefixWith", r.replaceKeyPrefixWith()).element("ReplaceKeyWith", r.replaceKeyWith())
                        .element("HttpRedirectCode", r.httpRedirectCode()).end();
                xml.end();
            }
            xml.end();
        }
        return S3Xml.ok(xml.end());
    }

    SandboxResponse put(ServiceCall call, Bucket bucket) throws IOException {
        s3.check(call, bucket, "s3:PutBucketWebsite");
        Element root = XmlInput.parse(XmlInput.readBody(call.request().body()));
        XmlInput.expectRoot(root, "WebsiteConfiguration");
        WebsiteConfiguration.RedirectAll redirectAll = XmlInput.child(root, "RedirectAllRequestsTo")
                .map(e -> new WebsiteConfiguration.RedirectAll(required(e, "HostName"), XmlInput.text(e, "Protocol")))
                .orElse(null);
        String suffix = XmlInput.child(root, "IndexDocument").map(e -> XmlInput.text(e, "Suffix")).orElse(null);
        String errorKey = XmlInput.child(root, "ErrorDocument").map(e -> XmlInput.text(e, "Key")).orElse(null);
        if (redirectAll != null && (suffix != null || errorKey != null)) {
            throw AwsException.badRequest("InvalidArgument",
                    "RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.");
        }
        if (redirectAll == null && suffix == null) {
            throw AwsException.badRequest("InvalidArgument",
                    "A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty");
        }
        if (suffix != null && (suffix.isEmpty() || suffix.contains("/"))) {
            throw AwsException.badRequest("InvalidArgument", "The IndexDocument Suffix is not well formed");
        }
        List<WebsiteConfiguration.RoutingRule> rules = new ArrayList<>();
        XmlInput.child(root, "RoutingRules").ifPresent(list -> {
            for (Element rule : XmlInput.children(list, "RoutingRule")) {
                Element condition = XmlInput.child(rule, "Condition").orElse(null);
                Element redirect = XmlInput.child(rule, "Redirect").orElseThrow(S3Errors::malformedXml);
                String code = XmlInput.text(redirect, "HttpRedirectCode");
                if (code != null && !code.matches("3\\d\\d")) {
                    throw AwsException.badRequest("InvalidArgument", "The provided HTTP redirect code (" + code + ") is not valid. "
                            + "Valid codes are 3XX except 300.");
                }
                rules.add(new WebsiteConfiguration.RoutingRule(
                        condition == null ? null : XmlInput.text(condition, "KeyPrefixEquals"),
                        condition == null ? null : XmlInput.text(condition, "HttpErrorCodeReturnedEquals"),
                        XmlInput.text(redirect, "HostName"), XmlInput.text(redirect, "Protocol"),
                        XmlInput.text(redirect, "ReplaceKeyPrefixWith"), XmlInput.text(redirect, "ReplaceKeyWith"), code));
            }
        });
        WebsiteConfiguration config = new WebsiteConfiguration(suffix, errorKey, redirectAll, rules);
        s3.backend.buckets().update(bucket, c -> c.withWebsite(config));
        return SandboxResponse.empty(200);
    }

    private static String required(Element parent, String name) {
        String value = XmlInput.text(parent, name);
        if (value == null || value.isEmpty()) {
            throw S3Errors.malformedXml();
        }
        return value;
    }

    SandboxResponse delete(ServiceCall call, Bucket bucket) {
        s3.check(call, bucket, "s3:DeleteBucketWebsite");
        s3.backend.buckets().update(bucket, c -> c.withWebsite(null));
        return SandboxResponse.empty(204);
    }
}
