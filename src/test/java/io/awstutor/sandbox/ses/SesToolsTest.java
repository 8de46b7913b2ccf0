package io.awstutor.sandbox.ses;

import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SES from the learner's other clients (the AWS CLI, boto3), and its state across a restart. */
class SesToolsTest {

    @Test
    void theCliVerifiesSendsAndReadsTheSandboxRejection() {
        ExternalTools.aws();
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withSesAutoVerify(true))) {
            ExternalTools.Result refused = ExternalTools.runAws(box.endpoint(), "test", "test", "eu-west-1", "ses", "send-email",
                    "--from", "me@example.com", "--to", "you@example.com", "--subject", "Hi", "--text", "Hello");
            assertNotEquals(0, refused.exitCode());
            assertTrue(refused.stderr().contains("An error occurred (MessageRejected) when calling the SendEmail operation: "
                    + "Email address is not verified. The following identities failed the check in region EU-WEST-1: "
                    + "me@example.com, you@example.com"), refused.stderr());

            for (String address : List.of("me@example.com", "you@example.com")) {
                ExternalTools.Result verified = ExternalTools.runAws(box.endpoint(), "test", "test", "eu-west-1", "ses",
                        "verify-email-identity", "--email-address", address);
                assertEquals(0, verified.exitCode(), verified.toString());
            }
            ExternalTools.Result sent = ExternalTools.runAws(box.endpoint(), "test", "test", "eu-west-1", "ses", "send-email",
                    "--from", "me@example.com", "--to", "you@example.com", "--subject", "Hi", "--text", "Hello");
            assertEquals(0, sent.exitCode(), sent.toString());
            assertTrue(sent.stdout().contains("\"MessageId\""), sent.stdout());

            ExternalTools.Result status = ExternalTools.runAws(box.endpoint(), "test", "test", "eu-west-1", "ses",
                    "get-identity-verification-attributes", "--identities", "you@example.com",
                    "--query", "VerificationAttributes.\"you@example.com\".VerificationStatus", "--output", "text");
            assertEquals("Success", status.stdout().strip(), status.toString());
        }
    }

    @Test
    void boto3SendsAndCountsWhatItSent() {
        ExternalTools.python3WithBoto3();
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withTimeScale(0).withSesAutoVerify(true))) {
            ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", """
                    import boto3
                    ses = boto3.client('ses')
                    ses.verify_domain_identity(Domain='example.com')
                    ses.send_email(Source='news@example.com', Destination={'ToAddresses': ['a@example.com'], 'BccAddresses': ['complaint@simulator.amazonses.com']},
                                   Message={'Subject': {'Data': 'News'}, 'Body': {'Text': {'Data': 'Hello'}}})
                    try:
                        ses.send_email(Source='news@example.org', Destination={'ToAddresses': ['a@example.com']},
                                       Message={'Subject': {'Data': 'x'}, 'Body': {'Text': {'Data': 'y'}}})
                    except ses.exceptions.MessageRejected as e:
                        print('rejected', e.response['Error']['Message'])
                    points = ses.get_send_statistics()['SendDataPoints']
                    print('attempts', sum(p['DeliveryAttempts'] for p in points), 'complaints', sum(p['Complaints'] for p in points))
                    print('quota', ses.get_send_quota()['SentLast24Hours'])
                    """);
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.stdout().contains("rejected Email address is not verified. The following identities failed the check "
                    + "in region US-EAST-1: news@example.org"), result.stdout());
            assertTrue(result.stdout().contains("attempts 2 complaints 1"), result.stdout());
            assertTrue(result.stdout().contains("quota 2.0"), result.stdout());
        }
    }

    @Test
    void identitiesAndTheDaysSendingSurviveARestart(@TempDir Path dir) {
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0).withSesAutoVerify(true))) {
            box.ses().verifyEmailIdentity(b -> b.emailAddress("keep@example.com"));
            box.ses().sendEmail(b -> b.source("keep@example.com").destination(d -> d.toAddresses("success@simulator.amazonses.com"))
                    .message(m -> m.subject(s -> s.data("s")).body(body -> body.text(t -> t.data("t")))));
        }
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0).withSesAutoVerify(true))) {
            assertEquals(List.of("keep@example.com"), box.ses().listIdentities().identities());
            assertEquals(1.0, box.ses().getSendQuota().sentLast24Hours());
        }
    }
}
