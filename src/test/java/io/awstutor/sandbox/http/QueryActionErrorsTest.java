package io.awstutor.sandbox.http;

import io.awstutor.sandbox.SignedHttp;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What IAM and STS answer for a request whose Action or Version they cannot route: AWS's
 * InvalidAction (400) "Could not find operation X for version V", the version checked first;
 * an operation AWS has but the sandbox lacks says so.
 */
class QueryActionErrorsTest {
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static SignedHttp.Response post(String service, String form) {
        return SignedHttp.postForm(box.endpoint(), service, "us-east-1", TestSandbox.root(), Clock.systemUTC(), form);
    }

    private static void assertInvalidAction(SignedHttp.Response response, String message) {
        assertEquals(400, response.status(), response.body());
        assertTrue(response.body().contains("<Code>InvalidAction</Code><Message>" + message + "</Message>"), response.body());
    }

    @Test
    void aMissingOrWrongVersionIsAnInvalidAction() {
        assertInvalidAction(post("iam", "Action=GetUser"), "Could not find operation GetUser for version NO_VERSION_SPECIFIED");
        assertInvalidAction(post("sts", "Action=GetCallerIdentity"),
                "Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED");
        assertInvalidAction(post("iam", "Action=GetUser&Version=2011-06-15"), "Could not find operation GetUser for version 2011-06-15");
        assertInvalidAction(post("sts", "Action=GetCallerIdentity&Version="), "Could not find operation GetCallerIdentity for version ");
        assertEquals(200, post("sts", "Action=GetCallerIdentity&Version=2011-06-15").status());
    }

    @Test
    void unknownAndUnimplementedActionsAreTold() {
        assertInvalidAction(post("iam", "Action=NoSuchThing&Version=2010-05-08"), "Could not find operation NoSuchThing for version 2010-05-08");
        assertInvalidAction(post("iam", "Action=getuser&Version=2010-05-08"), "Could not find operation getuser for version 2010-05-08");
        assertInvalidAction(post("iam", "Action=ListMFADevices&Version=2010-05-08"), "Could not find operation ListMFADevices for version "
                + "2010-05-08 (ListMFADevices is an operation of AWS IAM that the awstutor sandbox does not implement)");
        assertInvalidAction(post("sts", "Action=GetFederationToken&Version=2011-06-15"), "Could not find operation GetFederationToken for "
                + "version 2011-06-15 (GetFederationToken is an operation of AWS STS that the awstutor sandbox does not implement)");
    }

    /** EC2 and RDS name an operation AWS has but the sandbox lacks the way IAM, STS and SES do, not as a typo. */
    @Test
    void ec2AndRdsSayWhatTheSandboxLacks() {
        SignedHttp.Response ec2 = post("ec2", "Action=DescribeTransitGateways&Version=2016-11-15");
        assertEquals(400, ec2.status(), ec2.body());
        assertTrue(ec2.body().contains("<Code>InvalidAction</Code><Message>Could not find operation DescribeTransitGateways for version "
                + "2016-11-15 (DescribeTransitGateways is an operation of AWS EC2 that the awstutor sandbox does not implement)"), ec2.body());
        SignedHttp.Response typo = post("ec2", "Action=DescribeTransitGateway&Version=2016-11-15");
        assertTrue(typo.body().contains("<Message>Could not find operation DescribeTransitGateway for version 2016-11-15</Message>"), typo.body());
        assertInvalidAction(post("rds", "Action=DescribeDBProxies&Version=2014-10-31"), "Could not find operation DescribeDBProxies for "
                + "version 2014-10-31 (DescribeDBProxies is an operation of AWS RDS that the awstutor sandbox does not implement)");
    }

    /** Any real region (or the SDK for Java's aws-global) may sign IAM and STS; a made-up one is refused as AWS does. */
    @Test
    void theScopeMustNameARealRegion() {
        for (String service : new String[] {"iam", "sts"}) {
            String form = service.equals("iam") ? "Action=GetUser&Version=2010-05-08" : "Action=GetCallerIdentity&Version=2011-06-15";
            SignedHttp.Response bogus = SignedHttp.postForm(box.endpoint(), service, "xx-nowhere-9", TestSandbox.root(), Clock.systemUTC(), form);
            assertEquals(403, bogus.status(), bogus.body());
            assertTrue(bogus.body().contains("<Code>SignatureDoesNotMatch</Code><Message>Credential should be scoped to a valid region, "
                    + "not &apos;xx-nowhere-9&apos;. </Message>"), bogus.body());
            for (String region : new String[] {"eu-west-1", "ap-southeast-2", "aws-global"}) {
                SignedHttp.Response fine = SignedHttp.postForm(box.endpoint(), service, region, TestSandbox.root(), Clock.systemUTC(), form);
                assertEquals(200, fine.status(), region + ": " + fine.body());
            }
        }
    }

    /** A query call with no signature, or one whose Authorization header cannot be read, as IAM and STS answer it. */
    @Test
    void unsignedAndUnreadableQueryCalls() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.function.Function<String, java.net.http.HttpResponse<String>> post = authorization -> {
            var builder = java.net.http.HttpRequest.newBuilder(box.endpoint().resolve("/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Action=ListUsers&Version=2010-05-08"));
            if (authorization != null) {
                builder.header("Authorization", authorization);
            }
            try {
                return http.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var unsigned = post.apply(null);
        assertEquals(403, unsigned.statusCode());
        assertTrue(unsigned.body().contains("<Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message>"),
                unsigned.body());
        var get = http.send(java.net.http.HttpRequest.newBuilder(box.endpoint().resolve("/?Action=GetCallerIdentity&Version=2011-06-15")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, get.statusCode());
        assertTrue(get.body().contains("<Code>MissingAuthenticationToken</Code>"), get.body());
        for (String garbage : new String[] {"garbage", "AWS4-HMAC-SHA256 garbage", "AWS AKIDEXAMPLE:c2lnbmF0dXJl"}) {
            var answer = post.apply(garbage);
            assertEquals(400, answer.statusCode(), garbage);
            assertTrue(answer.body().contains("<ErrorResponse><Error><Type>Sender</Type><Code>IncompleteSignature</Code>"), answer.body());
        }
    }
}
