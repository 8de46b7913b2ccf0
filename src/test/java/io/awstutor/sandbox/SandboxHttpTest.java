package io.awstutor.sandbox;

import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The listener, routing and SigV4 as a real client sees them. */
class SandboxHttpTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    @Test
    void listensOnLoopbackOnly() {
        assertEquals("127.0.0.1", box.endpoint().getHost());
        assertTrue(box.port() > 0);
    }

    @Test
    void rootIsAccountZero() {
        GetCallerIdentityResponse me = box.sts().getCallerIdentity();
        assertEquals("000000000000", me.account());
        assertEquals("arn:aws:iam::000000000000:root", me.arn());
        assertEquals("000000000000", me.userId());
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        StsClient sts = box.sts(TestSandbox.credentials("test", "not-the-secret"));
        AwsServiceException e = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
        assertEquals(403, e.statusCode());
        assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        assertEquals("The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
                e.awsErrorDetails().errorMessage());
        assertNotNull(e.requestId());
    }

    @Test
    void unknownKeyIsInvalidClientTokenId() {
        StsClient sts = box.sts(TestSandbox.credentials("AKIAIOSFODNN7EXAMPLE", "secret"));
        AwsServiceException e = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
        assertEquals(403, e.statusCode());
        assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void sessionTokenOnAPermanentKeyIsRefused() {
        StsClient sts = box.sts(TestSandbox.credentials("test", "test", "made-up-token"));
        AwsServiceException e = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
        assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
    }

    @Test
    void clockSkewBeyondFifteenMinutesIsSignatureExpired() {
        Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        SignedHttp.Response response = SignedHttp.postForm(box.endpoint(), "sts", "us-east-1", TestSandbox.root(),
                behind, "Action=GetCallerIdentity&Version=2011-06-15");
        assertEquals(403, response.status(), response.body());
        assertTrue(response.body().contains("<Code>SignatureDoesNotMatch</Code>"), response.body());
        assertTrue(response.body().matches("(?s).*Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\).*"),
                response.body());

        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(20));
        SignedHttp.Response future = SignedHttp.postForm(box.endpoint(), "sts", "us-east-1", TestSandbox.root(),
                ahead, "Action=GetCallerIdentity&Version=2011-06-15");
        assertTrue(future.body().contains("Signature not yet current"), future.body());

        Clock slightly = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        SignedHttp.Response fine = SignedHttp.postForm(box.endpoint(), "sts", "us-east-1", TestSandbox.root(),
                slightly, "Action=GetCallerIdentity&Version=2011-06-15");
        assertEquals(200, fine.status(), fine.body());
    }

    @Test
    void presignedQueryWorksUntilItExpires() {
        URI url = SignedHttp.presignGet(box.endpoint(), "sts", "us-east-1", TestSandbox.root(), Clock.systemUTC(),
                Duration.ofMinutes(5), Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15"));
        SignedHttp.Response ok = SignedHttp.get(url, Map.of());
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("<Arn>arn:aws:iam::000000000000:root</Arn>"), ok.body());

        URI old = SignedHttp.presignGet(box.endpoint(), "sts", "us-east-1", TestSandbox.root(),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)), Duration.ofMinutes(5),
                Map.of("Action", "GetCallerIdentity", "Version", "2011-06-15"));
        SignedHttp.Response expired = SignedHttp.get(old, Map.of());
        assertEquals(403, expired.status(), expired.body());
        assertTrue(expired.body().contains("Signature expired"), expired.body());
    }

    @Test
    void tamperedBodyIsSignatureDoesNotMatch() {
        var request = software.amazon.awssdk.http.SdkHttpRequest.builder()
                .method(software.amazon.awssdk.http.SdkHttpMethod.POST).uri(box.endpoint().resolve("/"))
                .putHeader("Content-Type", "application/x-www-form-urlencoded").build();
        byte[] signedBody = "Action=GetCallerIdentity&Version=2011-06-15".getBytes();
        var signed = software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.create().sign(r -> r
                .identity(TestSandbox.root()).request(request)
                .payload(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(signedBody))
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        SignedHttp.Response response = SignedHttp.send(signed.request(), "Action=GetCallerIdentity&Version=2011-06-16".getBytes());
        assertEquals(403, response.status());
        assertTrue(response.body().contains("SignatureDoesNotMatch"), response.body());
    }

    @Test
    void malformedAuthorizationIsIncompleteSignature() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(box.endpoint().resolve("/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/sts/aws4_request")
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<Code>IncompleteSignature</Code>"), response.body());
        assertTrue(response.body().contains("Signature&apos; parameter"), response.body());
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    @Test
    void unknownServiceIsNamed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(box.endpoint().resolve("/"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=00")
                .header("X-Amz-Date", "20250101T000000Z")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("lambda"), response.body());
        assertTrue(response.body().contains("sts"), response.body());
    }

    /** The AWS CLI shows the sandbox's answer for a JSON-protocol service it does not serve, not a raw document. */
    @Test
    void anUnservedJsonServiceIsAnsweredInJsonThatTheCliReads() {
        ExternalTools.Result result = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1",
                "ssm", "get-parameter", "--name", "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("An error occurred (UnknownService) when calling the GetParameter operation: "
                + "The sandbox does not serve the service 'ssm'"), result.stderr());
        assertFalse(result.stderr().contains("<?xml"), result.stderr());
    }

    /** A REST-JSON call (a GET with neither target nor body) is answered in JSON too; a query call in XML. */
    @Test
    void unservedRestJsonAndQueryServicesAreAnsweredAsTheirCliReadsThem() {
        ExternalTools.Result lambda = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "lambda", "list-functions");
        assertNotEquals(0, lambda.exitCode(), lambda.toString());
        assertTrue(lambda.stderr().contains("An error occurred (UnknownService) when calling the ListFunctions operation: "
                + "The sandbox does not serve the service 'lambda'"), lambda.stderr());
        assertFalse(lambda.stderr().contains("<?xml"), lambda.stderr());

        ExternalTools.Result sns = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "sns", "list-topics");
        assertNotEquals(0, sns.exitCode(), sns.toString());
        assertTrue(sns.stderr().contains("An error occurred (UnknownService) when calling the ListTopics operation: "
                + "The sandbox does not serve the service 'sns'"), sns.stderr());
    }

    /** SES's API v2 signs as ses, as the first API does: it is told apart by its path and answered as unserved, in JSON. */
    @Test
    void sesApiV2IsAnsweredAsUnservedInJson() {
        ExternalTools.Result result = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "sesv2", "get-account");
        assertNotEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("An error occurred (UnknownService) when calling the GetAccount operation: "
                + "The sandbox serves SES's first API (aws ses, SesClient), not SES API v2"), result.stderr());
        // the first API is served as before
        ExternalTools.Result v1 = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "ses", "list-identities");
        assertEquals(0, v1.exitCode(), v1.toString());
    }

    /** The JDK server answers Expect: 100-continue before the body is sent; curl waits for it. */
    @Test
    void expectContinueIsAnswered() {
        var curl = ExternalTools.find("curl");
        ExternalTools.require(curl.isPresent(), "curl");
        ExternalTools.Result result = ExternalTools.run(List.of(curl.get().toString(), "-sv", "--expect100-timeout", "30",
                "-H", "Expect: 100-continue", "--data-binary", "Action=GetCallerIdentity", box.endpoint() + "/"), Map.of(), 60);
        assertTrue(result.stderr().contains("HTTP/1.1 100 Continue"), result.stderr());
        // an unsigned query call: what matters is that the body was sent and answered
        assertTrue(result.stderr().toLowerCase(java.util.Locale.ROOT).contains("x-amzn-requestid"), result.stderr());
        assertTrue(result.stdout().contains("<Code>MissingAuthenticationToken</Code>"), result.stdout());
    }

    @Test
    void awsCliGetCallerIdentity() {
        ExternalTools.Result result = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1",
                "sts", "get-caller-identity");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("\"Account\": \"000000000000\""), result.stdout());
        assertTrue(result.stdout().contains("\"Arn\": \"arn:aws:iam::000000000000:root\""), result.stdout());
    }

    @Test
    void boto3GetCallerIdentity() {
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1",
                "import boto3; print(boto3.client('sts').get_caller_identity()['Arn'])");
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("arn:aws:iam::000000000000:root", result.stdout().trim());
    }

    @Test
    void awsCliWrongSecret() {
        ExternalTools.Result result = ExternalTools.runAws(box.endpoint(), "test", "wrong", "us-east-1",
                "sts", "get-caller-identity");
        assertEquals(255, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("(SignatureDoesNotMatch)"), result.stderr());
    }
}
