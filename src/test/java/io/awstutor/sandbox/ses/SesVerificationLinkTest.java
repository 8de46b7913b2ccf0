package io.awstutor.sandbox.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.SandboxContext;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import io.awstutor.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SES verifies as AWS does: an address stays Pending until someone opens the link SES mailed
 * to it (here: into the sandbox's mailbox), a domain until its record is published.
 */
class SesVerificationLinkTest {
    private static final Pattern LINK = Pattern.compile("http://\\S+/_aws/ses/verify\\?token=[A-Za-z0-9]+");
    private static TestSandbox box;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static String status(SesClient ses, String identity) {
        return ses.getIdentityVerificationAttributes(b -> b.identities(identity)).verificationAttributes()
                .get(identity).verificationStatusAsString();
    }

    private static JsonNode mailFor(String address) throws Exception {
        String json = HTTP.send(HttpRequest.newBuilder(box.endpoint().resolve("/_aws/ses")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode found = null;
        for (JsonNode m : new ObjectMapper().readTree(json).get("messages")) {
            if (m.get("Destination").get("ToAddresses").get(0).asText().equals(address)) {
                found = m;
            }
        }
        assertTrue(found != null, "a message to " + address + " in " + json);
        return found;
    }

    private static String link(JsonNode message) {
        Matcher m = LINK.matcher(message.get("Body").get("text_part").asText());
        assertTrue(m.find(), message.toString());
        return m.group();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void send(SesClient ses, String from) {
        ses.sendEmail(b -> b.source(from).destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                .message(m -> m.subject(s -> s.data("Hi")).body(body -> body.text(t -> t.data("Hello")))));
    }

    @Test
    void anAddressIsPendingUntilItsMailedLinkIsOpened() throws Exception {
        SesClient ses = box.ses(TestSandbox.root(), "eu-west-1");
        ses.verifyEmailIdentity(b -> b.emailAddress("ana@example.com"));
        assertEquals("Pending", status(ses, "ana@example.com"));
        MessageRejectedException refused = assertThrows(MessageRejectedException.class, () -> send(ses, "ana@example.com"));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("failed the check in region EU-WEST-1: ana@example.com"));

        JsonNode mail = mailFor("ana@example.com");
        assertEquals("no-reply-aws@amazon.com", mail.get("Source").asText());
        assertEquals("eu-west-1", mail.get("Region").asText());
        assertTrue(mail.get("Subject").asText().contains("Email Address Verification Request"), mail.toString());
        String link = link(mail);
        assertTrue(link.startsWith(box.endpoint().toString()), "the link points at the sandbox the client reached: " + link);

        HttpResponse<String> opened = get(link);
        assertEquals(200, opened.statusCode());
        assertTrue(opened.body().contains("ana@example.com is now verified in eu-west-1"), opened.body());
        assertEquals("Success", status(ses, "ana@example.com"));
        send(ses, "ana@example.com");

        HttpResponse<String> again = get(link);
        assertEquals(404, again.statusCode(), "a link works once");
        assertEquals(List.of("ana@example.com"), ses.listIdentities().identities());
    }

    @Test
    void askingAgainMailsANewLinkAndTheOldOneStopsWorking() throws Exception {
        SesClient ses = box.ses(TestSandbox.root(), "ap-south-1");
        ses.verifyEmailIdentity(b -> b.emailAddress("bo@example.com"));
        String first = link(mailFor("bo@example.com"));
        ses.verifyEmailIdentity(b -> b.emailAddress("bo@example.com"));
        String second = link(mailFor("bo@example.com"));
        assertNotEquals(first, second);
        assertEquals(404, get(first).statusCode());
        assertEquals("Pending", status(ses, "bo@example.com"));
        assertEquals(200, get(second).statusCode());
        assertEquals("Success", status(ses, "bo@example.com"));
    }

    @Test
    void curlFollowsTheLinkToo() throws Exception {
        Path curl = ExternalTools.find("curl").orElse(null);
        ExternalTools.require(curl != null, "curl");
        SesClient ses = box.ses(TestSandbox.root(), "us-west-2");
        ses.verifyEmailIdentity(b -> b.emailAddress("cy@example.com"));
        ExternalTools.Result clicked = run(curl.toString(), "-s", link(mailFor("cy@example.com")));
        assertEquals(0, clicked.exitCode(), clicked::toString);
        assertTrue(clicked.stdout().contains("Congratulations! cy@example.com is now verified"), clicked.stdout());
        assertEquals("Success", status(ses, "cy@example.com"));
    }

    private static ExternalTools.Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        return new ExternalTools.Result(process.waitFor(), out, err);
    }

    @Test
    void aDomainIsPendingUntilItsRecordIsPublished() {
        SesClient ses = box.ses(TestSandbox.root(), "ca-central-1");
        ses.verifyDomainIdentity(b -> b.domain("example.org"));
        assertEquals("Pending", status(ses, "example.org"));
        assertThrows(MessageRejectedException.class, () -> send(ses, "news@example.org"));
        box.sandbox().service(SesHandler.class).orElseThrow().backend()
                .publishDomainRecord("000000000000", "ca-central-1", "example.org");
        assertEquals("Success", status(ses, "example.org"));
        send(ses, "news@example.org");
    }

    @Test
    void anUnopenedLinkLapsesAfter24Hours() {
        MutableClock clock = new MutableClock();
        SesBackend backend = new SesBackend(new SandboxContext(clock, 0, Optional.empty()), false);
        backend.verifyEmail("000000000000", "us-east-1", "late@example.com", "http://127.0.0.1:1");
        String token = backend.identities("000000000000", "us-east-1").get(0).linkToken();
        clock.advance(Duration.ofHours(25));
        Identity identity = backend.identities("000000000000", "us-east-1").get(0);
        assertEquals(Identity.Status.Failed, backend.status(identity));
        assertTrue(backend.confirm(token).isEmpty(), "an expired link verifies nothing");
        backend.verifyEmail("000000000000", "us-east-1", "late@example.com", "http://127.0.0.1:1");
        assertEquals(Identity.Status.Pending, backend.status(backend.identities("000000000000", "us-east-1").get(0)),
                "asking again starts over");
    }
}
