package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.Distribution;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.OriginProtocolPolicy;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A viewer's requests to the sandbox's CloudFront edge: served from an S3 website, cached, invalidated. */
class EdgeServerTest {
    private static TestSandbox box;
    private static CloudFrontClient cf;
    private static S3Client s3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        cf = box.cloudfront();
        s3 = box.s3();
        s3.createBucket(b -> b.bucket("edge-site"));
        s3.deletePublicAccessBlock(b -> b.bucket("edge-site"));
        s3.putBucketPolicy(b -> b.bucket("edge-site").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::edge-site/*\"}]}"));
        s3.putBucketWebsite(b -> b.bucket("edge-site").websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))));
        put("index.html", "version 1");
        s3.createBucket(b -> b.bucket("edge-private"));
        s3.putObject(b -> b.bucket("edge-private").key("secret.txt"), RequestBody.fromString("private"));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static void put(String key, String text) {
        s3.putObject(b -> b.bucket("edge-site").key(key).contentType("text/html"), RequestBody.fromString(text));
    }

    private static Distribution distribution(String reference, String originDomain, boolean website) {
        DistributionConfig config = DistributionConfig.builder().callerReference(reference).comment("edge").enabled(true)
                .origins(o -> o.quantity(1).items(origin -> {
                    origin.id("site").domainName(originDomain);
                    if (website) {
                        origin.customOriginConfig(c -> c.httpPort(80).httpsPort(443).originProtocolPolicy(OriginProtocolPolicy.HTTP_ONLY));
                    } else {
                        origin.s3OriginConfig(c -> c.originAccessIdentity(""));
                    }
                }))
                .defaultCacheBehavior(b -> b.targetOriginId("site").viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))
                .build();
        return cf.createDistribution(b -> b.distributionConfig(config)).distribution();
    }

    private static HttpResponse<String> get(Distribution d, String path) throws Exception {
        String prefix = d.domainName().replace(".cloudfront.net", "");
        return HTTP.send(HttpRequest.newBuilder(URI.create(box.endpoint() + "/_cloudfront/" + prefix + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theEdgeCachesUntilAnInvalidation() throws Exception {
        Distribution d = distribution("edge-1", "edge-site.s3-website-us-east-1.amazonaws.com", true);
        HttpResponse<String> first = get(d, "/");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("version 1", first.body());
        assertEquals("Miss from cloudfront", first.headers().firstValue("x-cache").orElse(""));
        assertTrue(first.headers().firstValue("via").orElse("").endsWith(".cloudfront.net (CloudFront)"));

        put("index.html", "version 2");
        HttpResponse<String> cached = get(d, "/");
        assertEquals("version 1", cached.body(), "the edge still has the old page");
        assertEquals("Hit from cloudfront", cached.headers().firstValue("x-cache").orElse(""));
        assertTrue(cached.headers().firstValue("age").isPresent());

        cf.createInvalidation(b -> b.distributionId(d.id()).invalidationBatch(i -> i.callerReference("new-page")
                .paths(p -> p.quantity(1).items("/*"))));
        HttpResponse<String> fresh = get(d, "/");
        assertEquals("version 2", fresh.body());
        assertEquals("Miss from cloudfront", fresh.headers().firstValue("x-cache").orElse(""));
    }

    @Test
    void aHeadRequestIsAnsweredFromTheCacheAsCurlDashIShowsOnAws() throws Exception {
        Distribution d = distribution("edge-5", "edge-site.s3-website-us-east-1.amazonaws.com", true);
        put("head.html", "cached body");
        assertEquals("Miss from cloudfront", get(d, "/head.html").headers().firstValue("x-cache").orElse(""));
        // curl -I: CloudFront caches GET and HEAD (CachedMethods always holds both)
        String prefix = d.domainName().replace(".cloudfront.net", "");
        HttpResponse<Void> head = HTTP.send(HttpRequest.newBuilder(URI.create(box.endpoint() + "/_cloudfront/" + prefix + "/head.html"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, head.statusCode());
        assertEquals("Hit from cloudfront", head.headers().firstValue("x-cache").orElse(""));
        assertEquals("11", head.headers().firstValue("content-length").orElse(""));
        assertEquals("text/html", head.headers().firstValue("content-type").orElse(""));
    }

    @Test
    void aPrivateBucketBehindTheEdgeIsStillPrivate_andOtherOriginsAreOutOfReach() throws Exception {
        HttpResponse<String> denied = get(distribution("edge-2", "edge-private.s3.amazonaws.com", false), "/secret.txt");
        assertEquals(403, denied.statusCode(), denied.body());
        assertTrue(denied.body().contains("<Code>AccessDenied</Code>"), denied.body());
        assertEquals("Error from cloudfront", denied.headers().firstValue("x-cache").orElse(""));

        HttpResponse<String> external = get(distribution("edge-3", "www.example.com", true), "/");
        assertEquals(502, external.statusCode());
        assertTrue(external.body().contains("wasn't able to connect to the origin www.example.com"), external.body());
    }

    @Test
    void aDisabledDistributionOrAnUnknownDomainIsRefused() throws Exception {
        Distribution d = distribution("edge-4", "edge-site.s3-website-us-east-1.amazonaws.com", true);
        var current = cf.getDistributionConfig(b -> b.id(d.id()));
        cf.updateDistribution(b -> b.id(d.id()).ifMatch(current.eTag())
                .distributionConfig(current.distributionConfig().toBuilder().enabled(false).build()));
        HttpResponse<String> disabled = get(d, "/");
        assertEquals(403, disabled.statusCode());
        assertTrue(disabled.body().contains("The request could not be satisfied."), disabled.body());

        HttpResponse<String> unknown = HTTP.send(HttpRequest.newBuilder(URI.create(box.endpoint() + "/_cloudfront/dnothere0000000/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unknown.statusCode());
    }
}
