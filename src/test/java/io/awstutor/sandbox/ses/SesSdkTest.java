package io.awstutor.sandbox.ses;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.GetSendQuotaResponse;
import software.amazon.awssdk.services.ses.model.IdentityType;
import software.amazon.awssdk.services.ses.model.IdentityVerificationAttributes;
import software.amazon.awssdk.services.ses.model.ListIdentitiesResponse;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;
import software.amazon.awssdk.services.ses.model.SendDataPoint;
import software.amazon.awssdk.services.ses.model.SesException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SES through the real SDK for Java over HTTP: identities, the SES sandbox's sending rules, quota, statistics. */
class SesSdkTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        // these tests are about sending: identities are verified at once, as `awstutor sandbox --ses-auto-verify` does
        box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withSesAutoVerify(true));
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static SesException fails(String code, int status, Executable call) {
        SesException e = assertThrows(SesException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode());
        return e;
    }

    private static void send(SesClient ses, String from, String... to) {
        ses.sendEmail(b -> b.source(from).destination(d -> d.toAddresses(to))
                .message(m -> m.subject(s -> s.data("Hello")).body(body -> body.text(t -> t.data("Hi there")))));
    }

    @Test
    void anUnverifiedSenderIsRejectedAsAwsRejectsIt() {
        SesClient ses = box.ses(TestSandbox.root(), "eu-west-1");
        MessageRejectedException e = assertThrows(MessageRejectedException.class,
                () -> send(ses, "Ana <ana@example.com>", "bo@example.org"));
        assertEquals(400, e.statusCode());
        assertEquals("Email address is not verified. The following identities failed the check in region EU-WEST-1: "
                + "ana@example.com, bo@example.org", e.awsErrorDetails().errorMessage());
    }

    @Test
    void inTheSesSandboxRecipientsMustBeVerifiedToo_exceptTheSimulator() {
        SesClient ses = box.ses(TestSandbox.root(), "us-west-2");
        ses.verifyEmailIdentity(b -> b.emailAddress("sender@example.com"));
        MessageRejectedException e = assertThrows(MessageRejectedException.class,
                () -> send(ses, "sender@example.com", "someone@example.org"));
        assertTrue(e.awsErrorDetails().errorMessage().endsWith("in region US-WEST-2: someone@example.org"), e.getMessage());

        send(ses, "sender@example.com", "success@simulator.amazonses.com", "bounce@simulator.amazonses.com");
        ses.verifyDomainIdentity(b -> b.domain("Example.org"));
        String id = ses.sendEmail(b -> b.source("sender@example.com").destination(d -> d.toAddresses("someone@example.org"))
                .message(m -> m.subject(s -> s.data("Hi")).body(body -> body.html(t -> t.data("<p>Hi</p>"))))).messageId();
        assertTrue(id.length() > 20, id);

        List<SendDataPoint> points = ses.getSendStatistics().sendDataPoints();
        assertEquals(3, points.stream().mapToLong(SendDataPoint::deliveryAttempts).sum(), points.toString());
        assertEquals(1, points.stream().mapToLong(SendDataPoint::bounces).sum(), points.toString());
        GetSendQuotaResponse quota = ses.getSendQuota();
        assertEquals(200.0, quota.max24HourSend());
        assertEquals(1.0, quota.maxSendRate());
        assertEquals(3.0, quota.sentLast24Hours(), "the quota counts recipients, not messages");
    }

    @Test
    void identitiesArePerRegionAndListedByType() {
        SesClient ses = box.ses(TestSandbox.root(), "ap-south-1");
        ses.verifyEmailIdentity(b -> b.emailAddress("a@example.com"));
        ses.verifyEmailAddress(b -> b.emailAddress("b@example.com"));
        String token = ses.verifyDomainIdentity(b -> b.domain("example.net")).verificationToken();
        assertFalse(token.isBlank());

        assertEquals(List.of("a@example.com", "b@example.com", "example.net"), ses.listIdentities().identities());
        assertEquals(List.of("example.net"), ses.listIdentities(b -> b.identityType(IdentityType.DOMAIN)).identities());
        assertEquals(List.of("a@example.com", "b@example.com"), ses.listVerifiedEmailAddresses().verifiedEmailAddresses());
        ListIdentitiesResponse first = ses.listIdentities(b -> b.maxItems(2));
        assertEquals(2, first.identities().size());
        assertEquals(List.of("example.net"), ses.listIdentities(b -> b.maxItems(2).nextToken(first.nextToken())).identities());
        assertEquals(3, ses.listIdentitiesPaginator().identities().stream().count());

        Map<String, IdentityVerificationAttributes> attributes = ses.getIdentityVerificationAttributes(
                b -> b.identities("a@example.com", "example.net", "never@example.com")).verificationAttributes();
        assertEquals("Success", attributes.get("a@example.com").verificationStatusAsString());
        assertEquals(token, attributes.get("example.net").verificationToken());
        assertFalse(attributes.containsKey("never@example.com"), "SES leaves unknown identities out");

        assertTrue(box.ses(TestSandbox.root(), "ap-southeast-1").listIdentities().identities().isEmpty(), "another region is empty");
        ses.deleteIdentity(b -> b.identity("example.net"));
        ses.deleteIdentity(b -> b.identity("example.net"));
        assertEquals(List.of("a@example.com", "b@example.com"), ses.listIdentities().identities());
    }

    @Test
    void malformedAddressesGetSesOwnMessages() {
        SesClient ses = box.ses(TestSandbox.root(), "ca-central-1");
        assertEquals("Invalid email address<not-an-address>.", fails("InvalidParameterValue", 400,
                () -> ses.verifyEmailIdentity(b -> b.emailAddress("not-an-address"))).awsErrorDetails().errorMessage());
        ses.verifyEmailIdentity(b -> b.emailAddress("ok@example.com"));
        assertEquals("Missing final '@domain'", fails("InvalidParameterValue", 400,
                () -> send(ses, "ok@example.com", "nobody")).awsErrorDetails().errorMessage());
        assertEquals("Missing domain", fails("InvalidParameterValue", 400,
                () -> send(ses, "ok@example.com", "nobody@")).awsErrorDetails().errorMessage());
        assertEquals("Local address contains control or whitespace", fails("InvalidParameterValue", 400,
                () -> send(ses, "ok@example.com", "no body@example.com")).awsErrorDetails().errorMessage());
        fails("InvalidParameterValue", 400, () -> ses.verifyDomainIdentity(b -> b.domain("not a domain")));
    }

    @Test
    void rawMessagesTakeSenderAndRecipientsFromTheirHeaders() {
        SesClient ses = box.ses(TestSandbox.root(), "eu-north-1");
        ses.verifyDomainIdentity(b -> b.domain("example.com"));
        String mime = "From: \"Team, Ops\" <ops@example.com>\r\nTo: a@example.com, \"B\" <b@example.com>\r\n"
                + "Subject: Report\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nAll good.\r\n";
        ses.sendRawEmail(b -> b.rawMessage(m -> m.data(SdkBytes.fromString(mime, StandardCharsets.UTF_8))));
        assertEquals(2.0, ses.getSendQuota().sentLast24Hours());
        MessageRejectedException e = assertThrows(MessageRejectedException.class, () -> ses.sendRawEmail(b -> b
                .rawMessage(m -> m.data(SdkBytes.fromString(mime.replace("b@example.com", "x@elsewhere.org"), StandardCharsets.UTF_8)))));
        assertTrue(e.getMessage().contains(": x@elsewhere.org"), e.getMessage());
    }

    @Test
    void aUserNeedsSesPermissionToSend() {
        IamClient iam = box.iam();
        iam.createUser(b -> b.userName("mailer"));
        AccessKey key = iam.createAccessKey(b -> b.userName("mailer")).accessKey();
        SesClient asUser = box.ses(TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey()), "us-east-1");
        SesException denied = fails("AccessDenied", 403, () -> asUser.listIdentities());
        assertTrue(denied.awsErrorDetails().errorMessage().startsWith(
                "User: arn:aws:iam::000000000000:user/mailer is not authorized to perform: ses:ListIdentities on resource: *"),
                denied.getMessage());
        iam.attachUserPolicy(b -> b.userName("mailer").policyArn("arn:aws:iam::aws:policy/AmazonSESFullAccess"));
        asUser.verifyEmailIdentity(b -> b.emailAddress("mailer@example.com"));
        send(asUser, "mailer@example.com", "success@simulator.amazonses.com");
        assertTrue(asUser.getAccountSendingEnabled().enabled());
    }

    @Test
    void theMailboxShowsWhatWasSent_asLocalStackShowsIt() throws Exception {
        SesClient ses = box.ses(TestSandbox.root(), "eu-south-1");
        ses.verifyEmailIdentity(b -> b.emailAddress("news@example.com"));
        ses.sendEmail(b -> b.source("news@example.com").destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                .message(m -> m.subject(s -> s.data("Issue 1")).body(body -> body.html(t -> t.data("<p>Read me</p>")))));
        var http = java.net.http.HttpClient.newHttpClient();
        String json = http.send(java.net.http.HttpRequest.newBuilder(box.endpoint().resolve("/_aws/ses?email=news@example.com")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        var messages = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("messages");
        assertEquals(1, messages.size(), json);
        assertEquals("eu-south-1", messages.get(0).get("Region").asText());
        assertEquals("Issue 1", messages.get(0).get("Subject").asText());
        assertEquals("<p>Read me</p>", messages.get(0).get("Body").get("html_part").asText());
        assertEquals("success@simulator.amazonses.com", messages.get(0).get("Destination").get("ToAddresses").get(0).asText());
    }

    @Test
    void anOperationTheSandboxLacksSaysSo() {
        SesException e = fails("InvalidAction", 400, () -> box.ses().createTemplate(b -> b.template(t -> t.templateName("welcome")
                .subjectPart("Hi").textPart("Hello"))));
        assertTrue(e.awsErrorDetails().errorMessage().contains(
                "CreateTemplate is an operation of AWS SES that the awstutor sandbox does not implement"), e.getMessage());
    }

    @Test
    void theDailyQuotaCountsRecipients() {
        SesClient ses = box.ses(TestSandbox.root(), "sa-east-1");
        ses.verifyEmailIdentity(b -> b.emailAddress("bulk@example.com"));
        String[] fifty = new String[50];
        for (int i = 0; i < 50; i++) {
            fifty[i] = "success+" + i + "@simulator.amazonses.com";
        }
        for (int i = 0; i < 4; i++) {
            send(ses, "bulk@example.com", fifty);
        }
        SesException e = fails("Throttling", 400, () -> send(ses, "bulk@example.com", "success@simulator.amazonses.com"));
        assertEquals("Daily message quota exceeded.", e.awsErrorDetails().errorMessage());
        String[] tooMany = java.util.Arrays.copyOf(fifty, 51);
        tooMany[50] = "one-more@simulator.amazonses.com";
        fails("InvalidParameterValue", 400, () -> send(ses, "bulk@example.com", tooMany));
    }
}
