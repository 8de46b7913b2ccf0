package io.awstutor.web.console;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's HTTP contract, without a browser: sign-in cookies, refusals, downloads and mail frames. */
class SandboxConsoleHttpTest {
    private static TestSandbox box;
    private static SandboxConsole console;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        console = SandboxConsole.mount(box.sandbox());
        box.iam().createUser(b -> b.userName("carol"));
        box.iam().createLoginProfile(b -> b.userName("carol").password("Carol-pass-2024!"));
    }

    @AfterAll
    static void stop() {
        console.close();
        box.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create(box.endpoint() + "/_console" + path));
    }

    private static HttpRequest.Builder form(String path, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return at(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    @Test
    void signingInSetsAnHttpOnlyStrictCookieAndAWrongPasswordGetsOneAnswer() throws Exception {
        HttpResponse<String> wrong = send(form("/signin", "account", "000000000000", "user", "carol", "password", "nope"));
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("Your authentication information is incorrect."), wrong.body());
        assertTrue(wrong.headers().firstValue("Set-Cookie").isEmpty());
        HttpResponse<String> nobody = send(form("/signin", "account", "000000000000", "user", "nobody", "password", "Carol-pass-2024!"));
        assertTrue(nobody.body().contains("Your authentication information is incorrect."), "the same answer for an unknown user");

        HttpResponse<String> right = send(form("/signin", "account", "000000000000", "user", "carol", "password", "Carol-pass-2024!"));
        assertEquals(303, right.statusCode());
        String cookie = right.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith(SignIn.COOKIE + "=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Carol-pass"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpResponse<String> iam = send(at("/iam").header("Cookie", session));
        assertTrue(iam.body().contains("carol @ 000000000000"), iam.body());
        assertTrue(iam.body().contains("user/carol is not authorized to perform: iam:ListUsers"), iam.body());
        assertFalse(iam.body().contains("ASIA"), "the session's key is never shown");
    }

    @Test
    void anotherSitesPageCannotSignInOrCreate() throws Exception {
        HttpResponse<String> forged = send(form("/s3", "bucket", "forged-bucket", "region", "us-east-1")
                .header("Origin", "http://evil.example"));
        assertEquals(403, forged.statusCode());
        assertTrue(box.s3().listBuckets().buckets().stream().noneMatch(b -> b.name().equals("forged-bucket")));
    }

    @Test
    void aDownloadIsAnAttachmentNeverAPage() throws Exception {
        box.s3().createBucket(b -> b.bucket("downloads"));
        box.s3().putObject(b -> b.bucket("downloads").key("site/index.html").contentType("text/html"),
                RequestBody.fromString("<script>alert(1)</script>"));
        HttpResponse<String> download = send(at("/s3/downloads/download?key=site%2Findex.html"));
        assertEquals(200, download.statusCode());
        assertEquals("application/octet-stream", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"index.html\""));
        assertEquals("<script>alert(1)</script>", download.body());
    }

    @Test
    void aMessagesHtmlPartIsServedUnderACspThatLetsNothingRun() throws Exception {
        box.ses().verifyEmailIdentity(b -> b.emailAddress("news@example.com"));
        box.sandbox().service(io.awstutor.sandbox.ses.SesHandler.class).orElseThrow().backend()
                .confirm(box.sandbox().service(io.awstutor.sandbox.ses.SesHandler.class).orElseThrow().backend()
                        .identities("000000000000", "us-east-1").get(0).linkToken());
        String id = box.ses().sendEmail(b -> b.source("news@example.com").destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                .message(m -> m.subject(s -> s.data("Hi")).body(x -> x.html(h -> h.data("<script>alert(1)</script><b>bold</b>"))))).messageId();
        HttpResponse<String> page = send(at("/ses?region=us-east-1"));
        assertTrue(page.body().contains("<iframe class=\"mail\" sandbox "), page.body());
        HttpResponse<String> part = send(at("/ses/message/" + id + "/html?region=us-east-1"));
        assertEquals("<script>alert(1)</script><b>bold</b>", part.body());
        assertEquals(SesPages.MAIL_CSP, part.headers().firstValue("Content-Security-Policy").orElse(""));
    }
}
