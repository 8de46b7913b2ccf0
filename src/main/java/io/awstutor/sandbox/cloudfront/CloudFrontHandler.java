package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.protocol.Arns;
import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.RestRoutes;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.ServiceHandler;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.Tag;
import io.awstutor.sandbox.protocol.QueryErrorFormat;
import io.awstutor.sandbox.protocol.XmlDocuments;
import io.awstutor.sandbox.protocol.XmlWriter;
import org.w3c.dom.Element;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CloudFront's REST-XML API (version 2020-05-31): distributions, invalidations and tags.
 * Routes through its table ({@link RestRoutes}), authorizes {@code cloudfront:Action} on the distribution's
 * ARN, and answers with the documents and ETag headers the SDKs expect. Its error document
 * has the query protocol's shape ({@code <ErrorResponse><Error><Type/><Code/><Message/>…}).
 */
public final class CloudFrontHandler implements ServiceHandler {
    private static final String PREFIX = "/2020-05-31";

    private static final Pattern UNSIGNED_API = Pattern.compile(PREFIX
            + "/(distribution|distributionsByWebACLId|origin-access-control|origin-access-identity|tagging|cache-policy"
            + "|origin-request-policy|response-headers-policy|function|key-group|public-key|field-level-encryption)(/.*)?");

    private final CloudFrontBackend backend;
    private final EdgeServer edge;
    private final CloudFrontXml xml;
    private final ErrorFormat errors = new QueryErrorFormat(DistributionConfig.NAMESPACE);
    /** CloudFront's API as the sandbox serves it, in the order of the API reference. */
    private final RestRoutes routes = new RestRoutes()
            .add("POST", PREFIX + "/distribution", "CreateDistribution", (call, p) -> create(call))
            .add("GET", PREFIX + "/distribution", "ListDistributions", (call, p) -> list(call))
            .add("GET", PREFIX + "/distribution/{Id}", "GetDistribution", (call, p) -> get(call, p.get("Id")))
            .add("GET", PREFIX + "/distribution/{Id}/config", "GetDistributionConfig", (call, p) -> getConfig(call, p.get("Id")))
            .add("PUT", PREFIX + "/distribution/{Id}/config", "UpdateDistribution", (call, p) -> update(call, p.get("Id")))
            .add("DELETE", PREFIX + "/distribution/{Id}", "DeleteDistribution", (call, p) -> delete(call, p.get("Id")))
            .add("POST", PREFIX + "/distribution/{DistributionId}/invalidation", "CreateInvalidation",
                    (call, p) -> invalidate(call, p.get("DistributionId")))
            .add("GET", PREFIX + "/distribution/{DistributionId}/invalidation", "ListInvalidations",
                    (call, p) -> invalidations(call, p.get("DistributionId")))
            .add("GET", PREFIX + "/distribution/{DistributionId}/invalidation/{Id}", "GetInvalidation",
                    (call, p) -> invalidation(call, p.get("DistributionId"), p.get("Id")))
            .add("GET", PREFIX + "/tagging", "ListTagsForResource", (call, p) -> tagging(call, "GET"))
            .add("POST", PREFIX + "/tagging", "TagResource", (call, p) -> tagging(call, "POST"));

    public CloudFrontHandler(CloudFrontBackend backend) {
        this.backend = backend;
        this.edge = new EdgeServer(backend);
        this.xml = new CloudFrontXml(backend);
    }

    /** The viewers' side of the same distributions. */
    public EdgeServer edge() {
        return edge;
    }

    @Override
    public String signingName() {
        return "cloudfront";
    }

    @Override
    public ErrorFormat errorFormat() {
        return errors;
    }

    /** The API's own resources; a bucket named like the API version is left to S3 for any other path. */
    @Override
    public boolean recognizesUnsigned(SandboxRequest request) {
        return UNSIGNED_API.matcher(request.rawPath()).matches();
    }

    @Override
    public SandboxResponse handle(ServiceCall call) throws IOException {
        String method = call.request().method();
        return routes.find(method, call.request().rawPath())
                .orElseThrow(() -> new AwsException("NotImplemented", "The sandbox's CloudFront does not implement " + method + " "
                        + call.request().rawPath() + " (it serves distributions, invalidations and tags).", 501, false))
                .answer(call);
    }

    @Override
    public java.util.Optional<String> operationName(io.awstutor.sandbox.http.SandboxRequest request) {
        return routes.operationOf(request);
    }

    private SandboxResponse get(ServiceCall call, String id) {
        authorize(call, "GetDistribution", id);
        Distribution d = backend.get(call.accountId(), id);
        return document(200, xml.distribution(d), d);
    }

    private SandboxResponse getConfig(ServiceCall call, String id) {
        authorize(call, "GetDistributionConfig", id);
        Distribution d = backend.get(call.accountId(), id);
        return document(200, new XmlWriter().raw(d.config().xml().replaceFirst("<DistributionConfig>",
                "<DistributionConfig xmlns=\"" + DistributionConfig.NAMESPACE + "\">")).toString(), d);
    }

    private SandboxResponse update(ServiceCall call, String id) throws IOException {
        authorize(call, "UpdateDistribution", id);
        DistributionConfig config = DistributionConfig.parse(body(call));
        Distribution d = backend.update(call.accountId(), id, call.request().header("if-match").orElse(null), config);
        return document(200, xml.distribution(d, true), d);
    }

    private SandboxResponse delete(ServiceCall call, String id) {
        authorize(call, "DeleteDistribution", id);
        backend.delete(call.accountId(), id, call.request().header("if-match").orElse(null));
        return SandboxResponse.empty(204);
    }

    private SandboxResponse invalidations(ServiceCall call, String distributionId) {
        authorize(call, "ListInvalidations", distributionId);
        String marker = call.request().query("Marker").orElse(null);
        return SandboxResponse.xml(200, xml.invalidationList(backend.invalidations(call.accountId(), distributionId,
                marker, maxItems(call)), marker == null ? "" : marker, maxItems(call)));
    }

    private SandboxResponse invalidation(ServiceCall call, String distributionId, String id) {
        authorize(call, "GetInvalidation", distributionId);
        return SandboxResponse.xml(200, xml.invalidation(backend.invalidation(call.accountId(), distributionId, id)));
    }

    private SandboxResponse create(ServiceCall call) throws IOException {
        Element root = body(call);
        Map<String, String> tags = Map.of();
        if (call.request().hasQuery("WithTags")) {
            if (!XmlDocuments.name(root).equals("DistributionConfigWithTags")) {
                throw CloudFrontErrors.malformedXml("CreateDistributionWithTags takes a DistributionConfigWithTags document");
            }
            tags = XmlDocuments.child(root, "Tags").map(CloudFrontHandler::readTags).orElse(Map.of());
            root = XmlDocuments.child(root, "DistributionConfig")
                    .orElseThrow(() -> CloudFrontErrors.malformedXml("DistributionConfigWithTags needs a DistributionConfig"));
        }
        authorize(call, call.request().hasQuery("WithTags") ? "CreateDistributionWithTags" : "CreateDistribution", "*");
        Distribution d = backend.create(call.accountId(), DistributionConfig.parse(root), tags);
        return document(201, xml.distribution(d, true), d)
                .withHeader("Location", "https://cloudfront.amazonaws.com" + PREFIX + "/distribution/" + d.id());
    }

    private SandboxResponse list(ServiceCall call) {
        authorize(call, "ListDistributions", "*");
        String marker = call.request().query("Marker").orElse(null);
        int max = maxItems(call);
        return SandboxResponse.xml(200, xml.distributionList(backend.list(call.accountId(), marker, max),
                marker == null ? "" : marker, max));
    }

    private SandboxResponse invalidate(ServiceCall call, String distributionId) throws IOException {
        authorize(call, "CreateInvalidation", distributionId);
        Element batch = body(call);
        if (!XmlDocuments.name(batch).equals("InvalidationBatch")) {
            throw CloudFrontErrors.malformedXml("the document's root must be InvalidationBatch");
        }
        String reference = XmlDocuments.text(batch, "CallerReference");
        Element paths = XmlDocuments.child(batch, "Paths").orElseThrow(() -> CloudFrontErrors.malformedXml("InvalidationBatch needs Paths"));
        List<String> items = XmlDocuments.child(paths, "Items").map(i -> XmlDocuments.children(i, "Path").stream()
                .map(p -> p.getTextContent().trim()).toList()).orElse(List.of());
        String quantity = XmlDocuments.text(paths, "Quantity");
        if (quantity == null || !quantity.equals(String.valueOf(items.size()))) {
            throw new AwsException("InconsistentQuantities", "The value of Quantity and the size of Items don't match.", 400);
        }
        if (reference == null || reference.isEmpty()) {
            throw CloudFrontErrors.malformedXml("InvalidationBatch needs a CallerReference");
        }
        Invalidation created = backend.invalidate(call.accountId(), distributionId, reference, items);
        edge.invalidate(distributionId, items);
        return SandboxResponse.xml(201, xml.invalidation(created, true)).withHeader("Location",
                "https://cloudfront.amazonaws.com" + PREFIX + "/distribution/" + distributionId + "/invalidation/" + created.id());
    }

    private SandboxResponse tagging(ServiceCall call, String method) throws IOException {
        String resource = call.request().query("Resource").orElseThrow(() ->
                CloudFrontErrors.invalidArgument("The parameter Resource is required."));
        String operation = call.request().query("Operation").orElse("");
        if (method.equals("GET")) {
            call.authorize("cloudfront:ListTagsForResource", resource, "AccessDenied");
            return SandboxResponse.xml(200, xml.tags(backend.tags(call.accountId(), resource)));
        }
        if (method.equals("POST") && operation.equals("Tag")) {
            call.authorize("cloudfront:TagResource", resource, "AccessDenied");
            backend.tag(call.accountId(), resource, readTags(body(call)));
            return SandboxResponse.empty(204);
        }
        if (method.equals("POST") && operation.equals("Untag")) {
            call.authorize("cloudfront:UntagResource", resource, "AccessDenied");
            List<String> keys = new ArrayList<>();
            XmlDocuments.child(body(call), "Items").ifPresent(items ->
                    XmlDocuments.children(items, "Key").forEach(k -> keys.add(k.getTextContent().trim())));
            backend.untag(call.accountId(), resource, keys);
            return SandboxResponse.empty(204);
        }
        throw CloudFrontErrors.invalidArgument("The parameter Operation must be Tag or Untag.");
    }

    private static Map<String, String> readTags(Element tags) {
        List<Tag> requested = new ArrayList<>();
        XmlDocuments.child(tags, "Items").ifPresent(items -> XmlDocuments.children(items, "Tag").forEach(t ->
                requested.add(new Tag(XmlDocuments.text(t, "Key"), XmlDocuments.text(t, "Value")))));
        return CloudFrontTagRules.RULES.requested(requested);
    }

    private static Element body(ServiceCall call) throws IOException {
        byte[] bytes = XmlDocuments.readBody(call.request().body(),
                () -> CloudFrontErrors.malformedXml("The request document is too large."));
        if (bytes.length == 0) {
            throw AwsException.badRequest("MissingBody", "This operation requires a body. Ensure that the body is present and the Content-Type header is set.");
        }
        return XmlDocuments.parse(bytes, () -> CloudFrontErrors.malformedXml("The XML you provided was not well-formed or did not validate against our published schema."));
    }

    private static int maxItems(ServiceCall call) {
        String text = call.request().query("MaxItems").orElse("100");
        try {
            int max = Integer.parseInt(text);
            if (max < 1 || max > 1000) {
                throw new NumberFormatException();
            }
            return max;
        } catch (NumberFormatException e) {
            throw CloudFrontErrors.invalidArgument("The parameter MaxItems must be a number from 1 to 1000.");
        }
    }

    private static SandboxResponse document(int status, String body, Distribution d) {
        return SandboxResponse.xml(status, body).withHeader("ETag", d.etag());
    }

    private static void authorize(ServiceCall call, String action, String distributionId) {
        String resource = distributionId.equals("*") ? "*"
                : Arns.global("cloudfront", call.accountId(), "distribution/" + distributionId);
        call.authorize("cloudfront:" + action, resource, "AccessDenied");
    }
}
