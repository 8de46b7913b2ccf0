package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.http.Frontend;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The edge of the sandbox's CloudFront: a viewer's GET to a distribution, at
 * {@code http://dxxxx.cloudfront.localhost:PORT/path} or (for a terminal without DNS for
 * that) {@code http://127.0.0.1:PORT/_cloudfront/dxxxx/path}, answered from the edge cache
 * or fetched, anonymously as a viewer would, from the distribution's origin. The sandbox has
 * no internet, so origins are the sandbox's own S3 buckets: their REST address
 * ({@code bucket.s3.amazonaws.com}) or their website endpoint
 * ({@code bucket.s3-website-region.amazonaws.com}). Query strings are not forwarded, as with
 * AWS's CachingOptimized policy.
 */
public final class EdgeServer implements Frontend {
    public static final String HOST_SUFFIX = ".cloudfront.localhost";
    public static final String PATH_PREFIX = "/_cloudfront/";
    private static final Pattern WEBSITE_ORIGIN = Pattern.compile("(.+)\\.s3-website[.-]([a-z0-9-]+)\\.amazonaws\\.com");
    private static final Pattern REST_ORIGIN = Pattern.compile("(.+?)\\.s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com|(.+)\\.s3\\.localhost");
    private static final Pattern MAX_AGE = Pattern.compile("(?:s-maxage|max-age)\\s*=\\s*(\\d+)");

    private final CloudFrontBackend backend;
    private final EdgeCache cache = new EdgeCache();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, CacheCounts> counts = new java.util.concurrent.ConcurrentHashMap<>();

    /** How a distribution's viewer requests were answered since the sandbox started: from the cache, from the origin, or with an error. */
    public record CacheCounts(long hits, long misses, long errors) {
        static final CacheCounts NONE = new CacheCounts(0, 0, 0);

        CacheCounts plus(String cacheStatus) {
            return cacheStatus.startsWith("Hit") ? new CacheCounts(hits + 1, misses, errors)
                    : cacheStatus.startsWith("Miss") ? new CacheCounts(hits, misses + 1, errors)
                    : new CacheCounts(hits, misses, errors + 1);
        }
    }

    /** The edge's counts for one distribution (the console shows them). */
    public CacheCounts counts(String distributionId) {
        return counts.getOrDefault(distributionId, CacheCounts.NONE);
    }

    public EdgeServer(CloudFrontBackend backend) {
        this.backend = backend;
    }

    @Override
    public String service() {
        return "cloudfront";
    }

    @Override
    public boolean claims(SandboxRequest request) {
        return request.hostName().toLowerCase(Locale.ROOT).endsWith(HOST_SUFFIX) || request.rawPath().startsWith(PATH_PREFIX);
    }

    /** An invalidation reaches the edge at once (its status turns Completed a little later). */
    void invalidate(String distributionId, List<String> paths) {
        cache.invalidate(distributionId, paths);
    }

    @Override
    public SandboxResponse serve(SandboxRequest request, java.util.function.Function<SandboxRequest, SandboxResponse> origin)
            throws IOException {
        String host = request.hostName().toLowerCase(Locale.ROOT);
        String prefix;
        String path;
        if (host.endsWith(HOST_SUFFIX)) {
            prefix = host.substring(0, host.length() - HOST_SUFFIX.length());
            path = request.rawPath();
        } else {
            String rest = request.rawPath().substring(PATH_PREFIX.length());
            int slash = rest.indexOf('/');
            prefix = slash < 0 ? rest : rest.substring(0, slash);
            path = slash < 0 ? "/" : rest.substring(slash);
        }
        Optional<Distribution> found = backend.byDomain(prefix + ".cloudfront.net");
        if (found.isEmpty()) {
            return error(404, "No distribution answers at " + prefix + ".cloudfront.net in this sandbox.");
        }
        Distribution d = found.get();
        DistributionConfig config = d.config();
        if (!config.enabled()) {
            return error(403, "The distribution " + d.id() + " is disabled.");
        }
        if (path.equals("/") && !config.defaultRootObject().isEmpty()) {
            path = "/" + config.defaultRootObject();
        }
        DistributionConfig.Behavior behavior = behaviorFor(config, path);
        if (!behavior.allowedMethods().contains(request.method())) {
            return error(403, "This distribution is not configured to allow the HTTP request method that was used for this request.");
        }
        Optional<DistributionConfig.Origin> target = config.origins().stream()
                .filter(o -> o.id().equals(behavior.targetOriginId())).findFirst();
        Optional<String> originHost = target.flatMap(EdgeServer::sandboxHost);
        if (originHost.isEmpty()) {
            return error(502, "CloudFront wasn't able to connect to the origin"
                    + target.map(o -> " " + o.domainName()).orElse("") + ": the sandbox's edge reaches only its own S3 buckets"
                    + " (bucket.s3.amazonaws.com or the bucket's website endpoint).");
        }
        Instant now = backend.now();
        boolean cacheable = request.method().equals("GET");
        // CloudFront caches GET and HEAD alike (CachedMethods always holds both): a HEAD is
        // answered from what a GET stored, its headers without the body (the listener drops it)
        if (cacheable || request.method().equals("HEAD")) {
            Optional<EdgeCache.Entry> hit = cache.get(d.id(), path, now);
            if (hit.isPresent()) {
                EdgeCache.Entry entry = hit.get();
                SandboxResponse response = new SandboxResponse(entry.status(), copy(entry.headers()), entry.body().length,
                        out -> out.write(entry.body()));
                response.withHeader("Age", String.valueOf(Duration.between(entry.storedAt(), now).toSeconds()));
                return counted(d.id(), response, "Hit from cloudfront");
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of(originHost.get()));
        String originPath = target.get().originPath() + path;
        SandboxResponse fetched = origin.apply(new SandboxRequest(request.method(), originPath, "", headers, Map.of(),
                new ByteArrayInputStream(new byte[0]), request.remoteAddress(), Map.of()));
        if (!cacheable || fetched.status() != 200 || fetched.length() < 0 || fetched.length() > EdgeCache.MAX_OBJECT) {
            return counted(d.id(), fetched, fetched.status() >= 400 ? "Error from cloudfront" : "Miss from cloudfront");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) fetched.length());
        fetched.body().writeTo(body);
        byte[] bytes = body.toByteArray();
        Duration ttl = EdgeCache.ttl(behavior, maxAge(fetched));
        cache.put(d.id(), path, new EdgeCache.Entry(fetched.status(), copy(fetched.headers()), bytes, now, now.plus(ttl)));
        return counted(d.id(), new SandboxResponse(fetched.status(), copy(fetched.headers()), bytes.length, out -> out.write(bytes)),
                "Miss from cloudfront");
    }

    /** The first cache behavior whose pattern matches, else the default one (always last). */
    private static DistributionConfig.Behavior behaviorFor(DistributionConfig config, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        for (DistributionConfig.Behavior behavior : config.behaviors()) {
            String pattern = behavior.pathPattern().startsWith("/") ? behavior.pathPattern().substring(1) : behavior.pathPattern();
            if (glob(pattern).matcher(relative).matches()) {
                return behavior;
            }
        }
        return config.behaviors().get(config.behaviors().size() - 1);
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The Host under which the sandbox serves an origin that is one of its own buckets. */
    private static Optional<String> sandboxHost(DistributionConfig.Origin origin) {
        String domain = origin.domainName().toLowerCase(Locale.ROOT);
        Matcher website = WEBSITE_ORIGIN.matcher(domain);
        if (website.matches()) {
            return Optional.of(website.group(1) + ".s3-website." + website.group(2) + ".localhost");
        }
        Matcher rest = REST_ORIGIN.matcher(domain);
        if (rest.matches()) {
            return Optional.of((rest.group(1) != null ? rest.group(1) : rest.group(2)) + ".s3.localhost");
        }
        return Optional.empty();
    }

    private static Optional<Long> maxAge(SandboxResponse response) {
        for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Cache-Control")) {
                for (String value : header.getValue()) {
                    Matcher m = MAX_AGE.matcher(value.toLowerCase(Locale.ROOT));
                    if (m.find()) {
                        return Optional.of(Long.parseLong(m.group(1)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private SandboxResponse counted(String distributionId, SandboxResponse response, String cacheStatus) {
        counts.compute(distributionId, (id, c) -> (c == null ? CacheCounts.NONE : c).plus(cacheStatus));
        return edgeHeaders(response, cacheStatus);
    }

    private SandboxResponse edgeHeaders(SandboxResponse response, String cacheStatus) {
        byte[] id = new byte[8];
        random.nextBytes(id);
        return response.withHeader("X-Cache", cacheStatus)
                .withHeader("Via", "1.1 " + HexFormat.of().formatHex(id) + ".cloudfront.net (CloudFront)")
                .withHeader("X-Amz-Cf-Pop", "SBX1-C1")
                .withHeader("X-Amz-Cf-Id", requestId());
    }

    /** CloudFront's own errors are a small HTML page, not an XML document. */
    private SandboxResponse error(int status, String reason) {
        String title = status + " ERROR";
        String html = "<!DOCTYPE HTML><HTML><HEAD><TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY>"
                + "<H1>" + title + "</H1><H2>The request could not be satisfied.</H2><HR noshade size=\"1px\">"
                + reason.replace("&", "&amp;").replace("<", "&lt;") + "<BR clear=\"all\"><HR noshade size=\"1px\"><PRE>"
                + "Generated by cloudfront (CloudFront)\nRequest ID: " + requestId() + "</PRE></BODY></HTML>";
        return edgeHeaders(SandboxResponse.bytes(status, "text/html", html.getBytes(StandardCharsets.UTF_8)),
                "Error from cloudfront");
    }

    private String requestId() {
        byte[] id = new byte[42];
        random.nextBytes(id);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        return out;
    }
}
