package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.protocol.XmlWriter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** CloudFront's answers: Distribution, DistributionList, Invalidation(List) and Tags documents. */
final class CloudFrontXml {
    /** The members of a DistributionSummary that it copies from the configuration, in the model's order. */
    private static final List<String> SUMMARY_PARTS = List.of("Aliases", "Origins", "OriginGroups", "DefaultCacheBehavior",
            "CacheBehaviors", "CustomErrorResponses", "Comment", "PriceClass", "Enabled", "ViewerCertificate", "Restrictions",
            "WebACLId", "HttpVersion", "IsIPV6Enabled", "Staging");

    private final CloudFrontBackend backend;

    CloudFrontXml(CloudFrontBackend backend) {
        this.backend = backend;
    }

    String distribution(Distribution d) {
        return distribution(d, false);
    }

    /**
     * {@code justChanged}: the answer to the create or update that started a deployment, which
     * AWS answers InProgress; at time scale 0 the next read sees Deployed.
     */
    String distribution(Distribution d, boolean justChanged) {
        Instant now = backend.now();
        XmlWriter out = new XmlWriter().start("Distribution", DistributionConfig.NAMESPACE)
                .element("Id", d.id()).element("ARN", d.arn()).element("Status", justChanged ? "InProgress" : d.status(now))
                .element("LastModifiedTime", d.lastModified())
                .element("InProgressInvalidationBatches", d.invalidationsInProgress(now))
                .element("DomainName", d.domainName());
        for (String signers : List.of("ActiveTrustedSigners", "ActiveTrustedKeyGroups")) {
            out.start(signers).element("Enabled", false).element("Quantity", 0).end();
        }
        return out.raw(d.config().xml()).end().toString();
    }

    String distributionList(CloudFrontBackend.Page<Distribution> page, String marker, int maxItems) {
        Instant now = backend.now();
        XmlWriter out = new XmlWriter().start("DistributionList", DistributionConfig.NAMESPACE)
                .element("Marker", marker);
        page.nextMarker().ifPresent(n -> out.element("NextMarker", n));
        out.element("MaxItems", maxItems).element("IsTruncated", page.nextMarker().isPresent())
                .element("Quantity", page.items().size());
        if (!page.items().isEmpty()) {
            out.start("Items");
            for (Distribution d : page.items()) {
                out.start("DistributionSummary").element("Id", d.id()).element("ARN", d.arn()).element("ETag", d.etag())
                        .element("Status", d.status(now)).element("LastModifiedTime", d.lastModified())
                        .element("DomainName", d.domainName());
                SUMMARY_PARTS.forEach(part -> out.raw(d.config().part(part)));
                out.end();
            }
            out.end();
        }
        return out.end().toString();
    }

    String invalidation(Invalidation i) {
        return invalidation(i, false);
    }

    /** {@code justCreated}: CreateInvalidation's answer, InProgress whatever the time scale. */
    String invalidation(Invalidation i, boolean justCreated) {
        XmlWriter out = new XmlWriter().start("Invalidation", DistributionConfig.NAMESPACE)
                .element("Id", i.id()).element("Status", justCreated ? "InProgress" : i.status(backend.now())).element("CreateTime", i.createdAt())
                .start("InvalidationBatch").start("Paths").element("Quantity", i.paths().size());
        if (!i.paths().isEmpty()) {
            out.start("Items");
            i.paths().forEach(p -> out.element("Path", p));
            out.end();
        }
        return out.end().element("CallerReference", i.callerReference()).end().end().toString();
    }

    String invalidationList(CloudFrontBackend.Page<Invalidation> page, String marker, int maxItems) {
        XmlWriter out = new XmlWriter().start("InvalidationList", DistributionConfig.NAMESPACE).element("Marker", marker);
        page.nextMarker().ifPresent(n -> out.element("NextMarker", n));
        out.element("MaxItems", maxItems).element("IsTruncated", page.nextMarker().isPresent())
                .element("Quantity", page.items().size());
        if (!page.items().isEmpty()) {
            out.start("Items");
            for (Invalidation i : page.items()) {
                out.start("InvalidationSummary").element("Id", i.id()).element("CreateTime", i.createdAt())
                        .element("Status", i.status(backend.now())).end();
            }
            out.end();
        }
        return out.end().toString();
    }

    String tags(Map<String, String> tags) {
        XmlWriter out = new XmlWriter().start("Tags", DistributionConfig.NAMESPACE).start("Items");
        tags.forEach((k, v) -> out.start("Tag").element("Key", k).element("Value", v).end());
        return out.end().end().toString();
    }
}
