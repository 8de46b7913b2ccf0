package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.RoutingRule;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The static website endpoint: index and error documents, redirects, and 403 for what isn't public. */
class S3WebsiteTest {
    private static TestSandbox box;
    private static S3Client s3;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        s3 = box.s3();
        s3.createBucket(b -> b.bucket("my-site"));
        s3.putObject(b -> b.bucket("my-site").key("index.html").contentType("text/html"), RequestBody.fromString("<h1>home</h1>"));
        s3.putObject(b -> b.bucket("my-site").key("docs/index.html").contentType("text/html"), RequestBody.fromString("docs"));
        s3.putObject(b -> b.bucket("my-site").key("404.html").contentType("text/html"), RequestBody.fromString("custom not found"));
        s3.putBucketWebsite(b -> b.bucket("my-site").websiteConfiguration(w -> w
                .indexDocument(i -> i.suffix("index.html")).errorDocument(e -> e.key("404.html"))
                .routingRules(RoutingRule.builder().condition(c -> c.keyPrefixEquals("old/"))
                        .redirect(r -> r.replaceKeyPrefixWith("docs/")).build())));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    /** The clickable path form the shell prints. */
    private static HttpResponse<String> path(String site, String rest) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(box.endpoint() + "/_website/" + site + "/" + rest)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The website Host form, sent to 127.0.0.1 with the Host header a browser would send. */
    private static HttpResponse<String> host(String site, String rest) throws Exception {
        HttpClient viaLoopback = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", box.port()))).build();
        return viaLoopback.send(HttpRequest.newBuilder(URI.create("http://" + site + ".s3-website.us-east-1.localhost:"
                + box.port() + "/" + rest)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void contentThatIsNotPublicIs403() throws Exception {
        HttpResponse<String> closed = path("my-site", "");
        assertEquals(403, closed.statusCode());
        assertTrue(closed.body().contains("403 Forbidden"), closed.body());
    }

    @Test
    void aPublicSiteServesIndexErrorAndRedirects() throws Exception {
        s3.createBucket(b -> b.bucket("open-site"));
        s3.putObject(b -> b.bucket("open-site").key("index.html").contentType("text/html"), RequestBody.fromString("<h1>open</h1>"));
        s3.putObject(b -> b.bucket("open-site").key("docs/index.html").contentType("text/html"), RequestBody.fromString("docs"));
        s3.putObject(b -> b.bucket("open-site").key("error.html").contentType("text/html"), RequestBody.fromString("oops"));
        s3.putBucketWebsite(b -> b.bucket("open-site").websiteConfiguration(w -> w
                .indexDocument(i -> i.suffix("index.html")).errorDocument(e -> e.key("error.html"))
                .routingRules(RoutingRule.builder().condition(c -> c.keyPrefixEquals("old/"))
                        .redirect(r -> r.replaceKeyPrefixWith("docs/")).build())));
        s3.deletePublicAccessBlock(b -> b.bucket("open-site"));
        s3.putBucketPolicy(b -> b.bucket("open-site").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],"
                + "\"Resource\":[\"arn:aws:s3:::open-site\",\"arn:aws:s3:::open-site/*\"]}]}"));
        HttpResponse<String> home = path("open-site", "");
        assertEquals(200, home.statusCode());
        assertEquals("<h1>open</h1>", home.body());
        assertEquals("text/html", home.headers().firstValue("content-type").orElse(""));
        assertEquals("docs", path("open-site", "docs/").body());
        HttpResponse<String> slash = path("open-site", "docs");
        assertEquals(302, slash.statusCode());
        assertEquals("/_website/open-site/docs/", slash.headers().firstValue("location").orElse(""));
        HttpResponse<String> missing = path("open-site", "nothing-here");
        assertEquals(404, missing.statusCode());
        assertEquals("oops", missing.body());
        HttpResponse<String> moved = path("open-site", "old/page.html");
        assertEquals(301, moved.statusCode());
        assertEquals("/_website/open-site/docs/page.html", moved.headers().firstValue("location").orElse(""));
        HttpResponse<String> viaHost = host("open-site", "");
        assertEquals(200, viaHost.statusCode());
        assertEquals("<h1>open</h1>", viaHost.body());
    }

    @Test
    void websiteConfigurationRoundTrips() {
        var config = s3.getBucketWebsite(b -> b.bucket("my-site"));
        assertEquals("index.html", config.indexDocument().suffix());
        assertEquals("404.html", config.errorDocument().key());
        assertEquals("docs/", config.routingRules().get(0).redirect().replaceKeyPrefixWith());
        s3.createBucket(b -> b.bucket("no-site"));
        S3Exception none = assertThrows(S3Exception.class, () -> s3.getBucketWebsite(b -> b.bucket("no-site")));
        assertEquals("NoSuchWebsiteConfiguration", none.awsErrorDetails().errorCode());
    }
}
