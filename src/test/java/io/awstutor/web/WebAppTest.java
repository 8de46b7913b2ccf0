package io.awstutor.web;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web layer over real HTTP on the sandbox's listener: routes, escaping, guards, assets, events. */
class WebAppTest {
    private static Sandbox sandbox;
    private static final EventHub HUB = new EventHub();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.inMemory());
        sandbox.mount(Assets.app());
        sandbox.mount(new WebApp("/_demo", "demo")
                .get("/", r -> WebResponse.page("Demo", Html.of("<main id=\"main\"><h1>{}</h1></main>", "Demo <home>")))
                .get("/things/{name}", r -> WebResponse.fragment(Html.of("<p>{}</p>", r.param("name").orElseThrow())))
                .get("/files/{key+}", r -> WebResponse.text(200, r.param("key").orElseThrow()))
                .post("/things", r -> WebResponse.text(200, "made " + r.param("name", "?")))
                .get("/refuse", r -> { throw new WebException(409, "Not now <b>please</b>"); })
                .events("/events", HUB));
    }

    @AfterAll
    static void stop() {
        HUB.close();
        sandbox.close();
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesEscapeWhatTheyShowAndCarryAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/_demo/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Demo &lt;home&gt;</h1>"), page.body());
        assertTrue(page.body().contains("/_web/assets/app.js"));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));

        HttpResponse<String> thing = get("/_demo/things/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", thing.body());
    }

    @Test
    void routesDecodeSegmentsAndTakeTheRestOfAKey() throws Exception {
        assertEquals("a/b c/d+e.txt", get("/_demo/files/a/b%20c/d+e.txt").body());
        assertEquals(303, get("/_demo").statusCode(), "the bare prefix redirects to its index");
        HttpResponse<String> missing = get("/_demo/nothing/here");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("There is no page at this address."));
        HttpResponse<String> wrongMethod = post("/_demo/things/x", "");
        assertEquals(405, wrongMethod.statusCode());
    }

    @Test
    void aPageRefusalShowsItsMessageEscaped() throws Exception {
        HttpResponse<String> refused = get("/_demo/refuse");
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("Not now &lt;b&gt;please&lt;/b&gt;"), refused.body());
    }

    @Test
    void formsArePostedFromThisOriginOnly() throws Exception {
        String origin = "http://127.0.0.1:" + sandbox.port();
        assertEquals("made bucket", post("/_demo/things", "name=bucket", "Origin", origin).body());
        assertEquals("made curl", post("/_demo/things", "name=curl").body(), "a script sends no Origin and is not a browser");
        HttpResponse<String> crossSite = post("/_demo/things", "name=evil", "Origin", "http://evil.example");
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.body().contains("another site"));
        assertEquals(403, post("/_demo/things", "name=evil", "Referer", "http://evil.example/page").statusCode());
        assertEquals(403, post("/_demo/things", "name=evil", "Origin", "null").statusCode());
    }

    @Test
    void aForeignHostNameIsRefused() throws Exception {
        // DNS rebinding: a page at evil.example whose name now points at 127.0.0.1
        assertEquals("HTTP/1.1 403 Forbidden", statusLineFor("evil.example:" + sandbox.port()));
        assertEquals("HTTP/1.1 200 OK", statusLineFor("console.localhost:" + sandbox.port()));
        assertEquals("HTTP/1.1 200 OK", statusLineFor("localhost:" + sandbox.port()));
    }

    private static String statusLineFor(String host) throws Exception {
        try (var raw = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), sandbox.port())) {
            raw.getOutputStream().write(("GET /_demo/ HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(raw.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void assetsComeFromTheJarAndNothingElseDoes() throws Exception {
        HttpResponse<String> js = get("/_web/assets/app.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(js.body().contains("data-live"));
        assertEquals(404, get("/_web/assets/..%2FWebApp.class").statusCode());
        assertEquals(404, get("/_web/assets/Html.class").statusCode());
    }

    @Test
    void eventsReachAnOpenStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_demo/events")).build();
        HttpResponse<java.io.InputStream> stream = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElse(""));
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
            StringBuilder got = new StringBuilder();
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    got.append(line).append('\n');
                    if (line.startsWith("data: second")) {
                        return got.toString();
                    }
                }
            } catch (java.io.IOException e) {
                return got + "!" + e;
            }
            return got.toString();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (HUB.subscribers() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        HUB.publish("s3", "first line\nsecond line");
        String got = seen.get(5, TimeUnit.SECONDS);
        assertTrue(got.contains("event: s3\ndata: first line\ndata: second line\n"), got);
        stream.body().close();
        assertFalse(got.contains("<"), got);
    }

    @Test
    void answeredCallsAreHeardByListeners() throws Exception {
        var heard = new java.util.concurrent.LinkedBlockingQueue<io.awstutor.sandbox.http.CallListener.Call>();
        sandbox.onCall(heard::add);
        try (var sts = software.amazon.awssdk.services.sts.StsClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .build()) {
            sts.getCallerIdentity();
        }
        var call = heard.poll(5, TimeUnit.SECONDS);
        assertEquals("sts", call.service());
        assertEquals("GetCallerIdentity", call.operation());
        assertEquals("000000000000", call.account());
        assertEquals("eu-west-1", call.region());
        assertEquals(200, call.status());

        // REST services name their operations from their route tables
        try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                .endpointOverride(sandbox.endpoint()).forcePathStyle(true)
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")))
                .build()) {
            heard.clear();
            s3.createBucket(b -> b.bucket("heard-bucket"));
            assertEquals("CreateBucket", heard.poll(5, TimeUnit.SECONDS).operation());
            assertThrows(software.amazon.awssdk.services.s3.model.NoSuchKeyException.class,
                    () -> s3.getObject(b -> b.bucket("heard-bucket").key("missing")));
            var failed = heard.poll(5, TimeUnit.SECONDS);
            assertEquals("GetObject", failed.operation());
            assertEquals(404, failed.status());
            assertTrue(failed.failed());
        }
    }
}
