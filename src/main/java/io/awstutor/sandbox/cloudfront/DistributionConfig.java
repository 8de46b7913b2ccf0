package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.protocol.ValidationErrors;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlDocuments;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A distribution's configuration as CloudFront keeps it: every top-level member in the
 * model's order, the learner's own where given and CloudFront's defaults for the rest (so
 * GetDistributionConfig answers a complete document, as AWS does). {@code parts} maps each
 * member's name to its XML; the facts the backend needs are read out once.
 */
record DistributionConfig(Map<String, String> parts, String callerReference, boolean enabled, String comment,
                          List<Origin> origins, List<Behavior> behaviors, String defaultRootObject) {

    /** Where the edge fetches from: an origin's domain, and the folder it prepends to every path. */
    record Origin(String id, String domainName, String originPath) {
    }

    /**
     * How the edge treats the paths that match: which origin, which methods, how long it
     * caches (the default behavior's pattern is {@code *}; the others come first).
     */
    record Behavior(String pathPattern, String targetOriginId, List<String> allowedMethods, long minTtl, long defaultTtl,
                    long maxTtl) {
    }

    static final String NAMESPACE = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    /** The members of DistributionConfig in the model's order, with CloudFront's default for each optional one. */
    private static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("CallerReference", null);
        d.put("Aliases", "<Aliases><Quantity>0</Quantity></Aliases>");
        d.put("DefaultRootObject", "<DefaultRootObject></DefaultRootObject>");
        d.put("Origins", null);
        d.put("OriginGroups", "<OriginGroups><Quantity>0</Quantity></OriginGroups>");
        d.put("DefaultCacheBehavior", null);
        d.put("CacheBehaviors", "<CacheBehaviors><Quantity>0</Quantity></CacheBehaviors>");
        d.put("CustomErrorResponses", "<CustomErrorResponses><Quantity>0</Quantity></CustomErrorResponses>");
        d.put("Comment", null);
        d.put("Logging", "<Logging><Enabled>false</Enabled><IncludeCookies>false</IncludeCookies><Bucket></Bucket><Prefix></Prefix></Logging>");
        d.put("PriceClass", "<PriceClass>PriceClass_All</PriceClass>");
        d.put("Enabled", null);
        d.put("ViewerCertificate", "<ViewerCertificate><CloudFrontDefaultCertificate>true</CloudFrontDefaultCertificate>"
                + "<SSLSupportMethod>vip</SSLSupportMethod><MinimumProtocolVersion>TLSv1</MinimumProtocolVersion>"
                + "<CertificateSource>cloudfront</CertificateSource></ViewerCertificate>");
        d.put("Restrictions", "<Restrictions><GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity>"
                + "</GeoRestriction></Restrictions>");
        d.put("WebACLId", "<WebACLId></WebACLId>");
        d.put("HttpVersion", "<HttpVersion>http2</HttpVersion>");
        d.put("IsIPV6Enabled", "<IsIPV6Enabled>true</IsIPV6Enabled>");
        d.put("Staging", "<Staging>false</Staging>");
        return d;
    }

    private static final Set<String> PRICE_CLASSES = Set.of("PriceClass_100", "PriceClass_200", "PriceClass_All", "None");

    /** Reads and checks a {@code <DistributionConfig>} element with CloudFront's rules and errors. */
    static DistributionConfig parse(Element root) {
        if (!XmlDocuments.name(root).equals("DistributionConfig")) {
            throw CloudFrontErrors.malformedXml("the document's root must be DistributionConfig, not " + XmlDocuments.name(root));
        }
        for (String required : List.of("CallerReference", "Origins", "DefaultCacheBehavior", "Comment", "Enabled")) {
            if (XmlDocuments.child(root, required).isEmpty()) {
                throw CloudFrontErrors.malformedXml(ValidationErrors.message(null,
                        "distributionConfig." + ValidationErrors.member(required), ValidationErrors.notNull()));
            }
        }
        checkQuantities(root);
        List<String> originIds = new ArrayList<>();
        List<Origin> originList = new ArrayList<>();
        Element origins = XmlDocuments.child(root, "Origins").orElseThrow();
        for (Element origin : XmlDocuments.child(origins, "Items").map(i -> XmlDocuments.children(i, "Origin")).orElse(List.of())) {
            String id = XmlDocuments.text(origin, "Id");
            String domain = XmlDocuments.text(origin, "DomainName");
            if (id == null || id.isEmpty() || domain == null || domain.isEmpty()) {
                throw CloudFrontErrors.invalidArgument("Each origin needs an Id and a DomainName.");
            }
            if (originIds.contains(id)) {
                throw CloudFrontErrors.invalidArgument("The origin id " + id + " is used more than once; origin ids must be unique.");
            }
            originIds.add(id);
            String originPath = XmlDocuments.text(origin, "OriginPath");
            originList.add(new Origin(id, domain, originPath == null ? "" : originPath));
        }
        if (originIds.isEmpty()) {
            throw CloudFrontErrors.invalidArgument("The parameter Origins must contain at least one origin.");
        }
        Set<String> targets = new HashSet<>(originIds);
        XmlDocuments.child(root, "OriginGroups").flatMap(g -> XmlDocuments.child(g, "Items"))
                .ifPresent(items -> XmlDocuments.children(items, "OriginGroup").forEach(g -> targets.add(XmlDocuments.text(g, "Id"))));
        List<Element> behaviors = new ArrayList<>();
        XmlDocuments.child(root, "CacheBehaviors").flatMap(c -> XmlDocuments.child(c, "Items"))
                .ifPresent(items -> behaviors.addAll(XmlDocuments.children(items, "CacheBehavior")));
        behaviors.add(XmlDocuments.child(root, "DefaultCacheBehavior").orElseThrow());
        List<Behavior> behaviorList = new ArrayList<>();
        for (Element behavior : behaviors) {
            String target = XmlDocuments.text(behavior, "TargetOriginId");
            if (target == null || !targets.contains(target)) {
                throw new AwsException("NoSuchOrigin", "One or more of your origins or origin groups do not exist.", 404);
            }
            if (XmlDocuments.text(behavior, "ViewerProtocolPolicy") == null) {
                throw CloudFrontErrors.invalidArgument("The parameter ViewerProtocolPolicy is required.");
            }
            if (XmlDocuments.child(behavior, "CachePolicyId").isEmpty() && XmlDocuments.child(behavior, "ForwardedValues").isEmpty()) {
                throw CloudFrontErrors.invalidArgument("The parameter ForwardedValues is required.");
            }
            behaviorList.add(behavior(behavior));
        }
        String comment = XmlDocuments.text(root, "Comment");
        if (comment.length() > 128) {
            throw CloudFrontErrors.invalidArgument("The parameter Comment is longer than 128 characters.");
        }
        String priceClass = XmlDocuments.text(root, "PriceClass");
        if (priceClass != null && !PRICE_CLASSES.contains(priceClass)) {
            throw CloudFrontErrors.invalidArgument("The parameter PriceClass is invalid: " + priceClass + ".");
        }
        String rootObject = XmlDocuments.text(root, "DefaultRootObject");
        if (rootObject != null && (rootObject.startsWith("/") || rootObject.length() > 255)) {
            throw new AwsException("InvalidDefaultRootObject", "The specified default root object is invalid.", 400);
        }
        String enabled = XmlDocuments.text(root, "Enabled");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw CloudFrontErrors.malformedXml("Enabled must be true or false, not '" + enabled + "'");
        }

        Map<String, String> parts = new LinkedHashMap<>();
        DEFAULTS.forEach((name, fallback) -> {
            String given = XmlDocuments.child(root, name).map(DistributionConfig::write).orElse(fallback);
            if (given != null) {
                parts.put(name, given);
            }
        });
        for (Element other : XmlDocuments.children(root)) {
            parts.putIfAbsent(XmlDocuments.name(other), write(other));
        }
        return new DistributionConfig(parts, XmlDocuments.text(root, "CallerReference"), enabled.equals("true"), comment,
                List.copyOf(originList), List.copyOf(behaviorList), rootObject == null ? "" : rootObject);
    }

    /**
     * A behavior's edge rules. A cache policy's TTLs are those of AWS's CachingOptimized
     * (1 s to 1 year, a day by default), whichever policy id is named: the sandbox keeps no
     * policies of its own.
     */
    private static Behavior behavior(Element element) {
        String pattern = XmlDocuments.text(element, "PathPattern");
        List<String> methods = XmlDocuments.child(element, "AllowedMethods").flatMap(a -> XmlDocuments.child(a, "Items"))
                .map(items -> XmlDocuments.children(items, "Method").stream().map(m -> m.getTextContent().trim()).toList())
                .orElse(List.of("HEAD", "GET"));
        boolean legacy = XmlDocuments.child(element, "CachePolicyId").isEmpty();
        long min = legacy ? seconds(element, "MinTTL", 0) : 1;
        long max = legacy ? seconds(element, "MaxTTL", 31_536_000) : 31_536_000;
        long standard = legacy ? seconds(element, "DefaultTTL", 86_400) : 86_400;
        return new Behavior(pattern == null ? "*" : pattern, XmlDocuments.text(element, "TargetOriginId"), methods, min, standard, max);
    }

    private static long seconds(Element element, String name, long fallback) {
        String text = XmlDocuments.text(element, name);
        try {
            return text == null ? fallback : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw CloudFrontErrors.invalidArgument("The parameter " + name + " must be a number of seconds.");
        }
    }

    /** The whole configuration as {@code <DistributionConfig>…</DistributionConfig>}. */
    String xml() {
        return "<DistributionConfig>" + String.join("", parts.values()) + "</DistributionConfig>";
    }

    /** The member's XML, or empty when the configuration has none. */
    String part(String name) {
        return parts.getOrDefault(name, "");
    }

    /** Same settings, whatever the XML's spacing: how a repeated CallerReference is recognised. */
    boolean sameAs(DistributionConfig other) {
        return parts.equals(other.parts);
    }

    /** Every list in CloudFront's documents states its length; a mismatch is its own error. */
    private static void checkQuantities(Element element) {
        var quantity = XmlDocuments.child(element, "Quantity");
        if (quantity.isPresent()) {
            int items = XmlDocuments.child(element, "Items").map(i -> XmlDocuments.children(i).size()).orElse(0);
            int stated;
            try {
                stated = Integer.parseInt(quantity.get().getTextContent().trim());
            } catch (NumberFormatException e) {
                throw CloudFrontErrors.malformedXml("Quantity must be a number");
            }
            if (stated != items) {
                throw new AwsException("InconsistentQuantities", "The value of Quantity and the size of Items don't match.", 400);
            }
        }
        for (Element child : XmlDocuments.children(element)) {
            checkQuantities(child);
        }
    }

    /** A member as text without the namespace declaration the parser attaches to each element. */
    private static String write(Element element) {
        return XmlDocuments.serialize(element).replace(" xmlns=\"" + NAMESPACE + "\"", "");
    }
}
