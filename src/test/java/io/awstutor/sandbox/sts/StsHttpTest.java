package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STS and the keys IAM issues, through the SDK over HTTP. */
class StsHttpTest {
    private TestSandbox box;

    @BeforeEach
    void start() {
        box = TestSandbox.start();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    private AccessKey userWithKey(String name) {
        IamClient iam = box.iam();
        iam.createUser(r -> r.userName(name));
        return iam.createAccessKey(r -> r.userName(name)).accessKey();
    }

    private static AwsCredentials of(AccessKey key) {
        return TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey());
    }

    private static AwsCredentials of(Credentials session) {
        return TestSandbox.credentials(session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
    }

    @Test
    void anIamUserIsWhoTheirKeySays() {
        AccessKey key = userWithKey("alice");
        GetCallerIdentityResponse me = box.sts(of(key)).getCallerIdentity();
        assertEquals("arn:aws:iam::000000000000:user/alice", me.arn());
        assertEquals("000000000000", me.account());
        assertTrue(me.userId().startsWith("AIDA"), me.userId());
    }

    @Test
    void aDeactivatedOrDeletedKeyStopsAtOnce() {
        AccessKey key = userWithKey("bob");
        StsClient sts = box.sts(of(key));
        sts.getCallerIdentity();
        box.iam().updateAccessKey(r -> r.userName("bob").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        AwsServiceException inactive = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
        assertEquals("InvalidClientTokenId", inactive.awsErrorDetails().errorCode());
        box.iam().updateAccessKey(r -> r.userName("bob").accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
        sts.getCallerIdentity();
        box.iam().deleteAccessKey(r -> r.userName("bob").accessKeyId(key.accessKeyId()));
        AwsServiceException deleted = assertThrows(AwsServiceException.class, sts::getCallerIdentity);
        assertEquals("InvalidClientTokenId", deleted.awsErrorDetails().errorCode());
        assertEquals(403, deleted.statusCode());
    }

    @Test
    void sessionTokensActAsTheirUserUntilTheyExpire() {
        AccessKey key = userWithKey("carol");
        Credentials session = box.sts(of(key)).getSessionToken(r -> r.durationSeconds(900)).credentials();
        assertTrue(session.accessKeyId().startsWith("ASIA"), session.accessKeyId());
        Instant expected = Instant.now().plusSeconds(900);
        assertTrue(Duration.between(session.expiration(), expected).abs().getSeconds() < 30, session.expiration().toString());

        StsClient temporary = box.sts(of(session));
        assertEquals("arn:aws:iam::000000000000:user/carol", temporary.getCallerIdentity().arn());

        // the token is required and must be the one issued with the key
        StsClient noToken = box.sts(TestSandbox.credentials(session.accessKeyId(), session.secretAccessKey()));
        assertEquals("InvalidClientTokenId", assertThrows(AwsServiceException.class, noToken::getCallerIdentity)
                .awsErrorDetails().errorCode());
        StsClient wrongToken = box.sts(TestSandbox.credentials(session.accessKeyId(), session.secretAccessKey(), "x" + session.sessionToken()));
        assertEquals("InvalidClientTokenId", assertThrows(AwsServiceException.class, wrongToken::getCallerIdentity)
                .awsErrorDetails().errorCode());

        box.clock().advance(Duration.ofSeconds(901));
        AwsServiceException expired = assertThrows(AwsServiceException.class, temporary::getCallerIdentity);
        assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is expired", expired.awsErrorDetails().errorMessage());
        assertEquals(403, expired.statusCode());
    }

    /**
     * AWS: GetSessionToken's credentials cannot call IAM without MFA (answered as an invalid
     * token) and cannot ask for another session token; other services take them.
     */
    @Test
    void sessionTokenCredentialsMayNotCallIamNorGetAnotherToken() {
        AccessKey key = userWithKey("dave");
        box.iam().attachUserPolicy(r -> r.userName("dave").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        Credentials session = box.sts(of(key)).getSessionToken().credentials();
        AwsServiceException iam = assertThrows(AwsServiceException.class, () -> box.iam(of(session)).listUsers());
        assertEquals(403, iam.statusCode());
        assertEquals("InvalidClientTokenId", iam.awsErrorDetails().errorCode());
        assertEquals("The security token included in the request is invalid.", iam.awsErrorDetails().errorMessage());
        box.s3(of(session)).listBuckets();
        assertEquals("arn:aws:iam::000000000000:user/dave", box.sts(of(session)).getCallerIdentity().arn());

        AwsServiceException again = assertThrows(AwsServiceException.class, () -> box.sts(of(session)).getSessionToken());
        assertEquals("AccessDenied", again.awsErrorDetails().errorCode());
        assertEquals("Cannot call GetSessionToken with session credentials", again.awsErrorDetails().errorMessage());
        box.iam(of(key)).listUsers();
    }

    /** GetAccessKeyInfo through boto3: the owning account of any key the sandbox issued, whoever asks. */
    @Test
    void getAccessKeyInfoNamesTheKeysAccount() {
        AccessKey key = userWithKey("erin");
        Credentials session = box.sts(of(key)).getSessionToken().credentials();
        String script = String.join("\n",
                "import boto3, botocore",
                "sts = boto3.client('sts')",
                "print(sts.get_access_key_info(AccessKeyId='" + key.accessKeyId() + "')['Account'])",
                "print(sts.get_access_key_info(AccessKeyId='" + session.accessKeyId() + "')['Account'])",
                "try:",
                "    sts.get_access_key_info(AccessKeyId='AKIAIOSFODNN7EXAMPLE')",
                "except botocore.exceptions.ClientError as e:",
                "    print(e.response['ResponseMetadata']['HTTPStatusCode'], e.response['Error']['Code'], e.response['Error']['Message'])");
        ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", script);
        assertEquals(0, result.exitCode(), result.toString());
        String[] lines = result.stdout().strip().split("\n");
        assertEquals("000000000000", lines[0]);
        assertEquals("000000000000", lines[1]);
        assertTrue(lines[2].startsWith("400 InvalidParameterValue The sandbox did not issue the access key AKIAIOSFODNN7EXAMPLE"), lines[2]);
    }

    @Test
    void sessionTokenDurationIsChecked() {
        AwsServiceException tooShort = assertThrows(AwsServiceException.class,
                () -> box.sts().getSessionToken(r -> r.durationSeconds(899)));
        assertEquals("ValidationError", tooShort.awsErrorDetails().errorCode());
        assertEquals("1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 900", tooShort.awsErrorDetails().errorMessage());
        Credentials root = box.sts().getSessionToken().credentials();
        assertTrue(root.expiration().isBefore(Instant.now().plusSeconds(3601)), "root's session tokens last an hour at most");
        assertEquals("arn:aws:iam::000000000000:root", box.sts(of(root)).getCallerIdentity().arn());
    }

    @Test
    void rootMayNotAssumeRoles() {
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> box.sts().assumeRole(r -> r
                .roleArn("arn:aws:iam::000000000000:role/admin").roleSessionName("s1")));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals("Roles may not be assumed by root accounts.", e.awsErrorDetails().errorMessage());
        assertEquals(403, e.statusCode());
    }

    @Test
    void aMissingRoleIsRefusedLikeAForbiddenOne() {
        AccessKey key = userWithKey("dave");
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> box.sts(of(key)).assumeRole(r -> r
                .roleArn("arn:aws:iam::000000000000:role/nope").roleSessionName("s1")));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals("User: arn:aws:iam::000000000000:user/dave is not authorized to perform: sts:AssumeRole on resource: "
                + "arn:aws:iam::000000000000:role/nope", e.awsErrorDetails().errorMessage());
    }

    @Test
    void assumeRoleParametersAreValidated() {
        AccessKey key = userWithKey("erin");
        AwsServiceException badName = assertThrows(AwsServiceException.class, () -> box.sts(of(key)).assumeRole(r -> r
                .roleArn("arn:aws:iam::000000000000:role/any").roleSessionName("has space")));
        assertEquals("ValidationError", badName.awsErrorDetails().errorCode());
        assertTrue(badName.awsErrorDetails().errorMessage().contains("roleSessionName"), badName.getMessage());
        AwsServiceException tooLong = assertThrows(AwsServiceException.class, () -> box.sts(of(key)).assumeRole(r -> r
                .roleArn("arn:aws:iam::000000000000:role/any").roleSessionName("s1").durationSeconds(50000)));
        assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());
    }

    @Test
    void awsCliSeesAnIamUser() {
        AccessKey key = userWithKey("frank");
        ExternalTools.Result result = ExternalTools.runAws(box.endpoint(), key.accessKeyId(), key.secretAccessKey(),
                "us-east-1", "sts", "get-caller-identity");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("\"Arn\": \"arn:aws:iam::000000000000:user/frank\""), result.stdout());
    }

    @Test
    void awsCliIamGetUserAsRoot() {
        ExternalTools.Result result = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "iam", "get-user");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("arn:aws:iam::000000000000:root"), result.stdout());
    }
}
