package io.awstutor.sandbox.access;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.ByteArrayInputStream;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every request signed by a user or a role session is evaluated against IAM's policies. */
class EnforcementHttpTest {
    private static final String ACCOUNT = "000000000000";
    private TestSandbox box;
    private IamClient root;

    @BeforeEach
    void start() {
        box = TestSandbox.start();
        root = box.iam();
    }

    @AfterEach
    void stop() {
        box.close();
    }

    private AwsCredentials user(String name, String... managedPolicies) {
        root.createUser(r -> r.userName(name));
        for (String policy : managedPolicies) {
            root.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/" + policy));
        }
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        return TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey());
    }

    private static AwsCredentials of(Credentials session) {
        return TestSandbox.credentials(session.accessKeyId(), session.secretAccessKey(), session.sessionToken());
    }

    private static String trustFor(String principalArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + principalArn + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    @Test
    void readOnlyUserCanListButNotCreate() {
        IamClient reader = box.iam(user("reader", "IAMReadOnlyAccess"));
        assertTrue(reader.listUsers().users().stream().anyMatch(u -> u.userName().equals("reader")));
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> reader.createUser(r -> r.userName("mallory")));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
        assertEquals("User: arn:aws:iam::000000000000:user/reader is not authorized to perform: iam:CreateUser on resource: "
                + "arn:aws:iam::000000000000:user/mallory because no identity-based policy allows the iam:CreateUser action",
                e.awsErrorDetails().errorMessage());
        assertTrue(root.listUsers().users().stream().noneMatch(u -> u.userName().equals("mallory")));
    }

    @Test
    void explicitDenyBeatsAdministratorAccess() {
        IamClient admin = box.iam(user("admin", "AdministratorAccess"));
        admin.createUser(r -> r.userName("allowed-before"));
        root.putUserPolicy(r -> r.userName("admin").policyName("NoUserCreation").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"DenyCreateUser\",\"Effect\":\"Deny\","
                        + "\"Action\":\"iam:CreateUser\",\"Resource\":\"*\"}]}"));
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> admin.createUser(r -> r.userName("denied")));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().endsWith("with an explicit deny in an identity-based policy"),
                e.awsErrorDetails().errorMessage());
        String reason = e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader(ServiceCall.DECISION_HEADER).orElse("");
        assertTrue(reason.contains("'DenyCreateUser'"), "the shell can name the deciding statement: " + reason);
        admin.listUsers(); // everything else still allowed
    }

    @Test
    void rootIsNeverDenied() {
        // a user with a policy that denies everything is refused; the root of the same account is not
        AwsCredentials walled = user("walled");
        root.putUserPolicy(r -> r.userName("walled").policyName("deny-all").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        AwsServiceException refused = assertThrows(AwsServiceException.class, () -> box.iam(walled).createUser(r -> r.userName("x")));
        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
        assertTrue(refused.awsErrorDetails().errorMessage().endsWith("with an explicit deny in an identity-based policy"),
                refused.awsErrorDetails().errorMessage());

        root.createUser(r -> r.userName("x"));
        assertEquals("arn:aws:iam::" + ACCOUNT + ":user/x", root.getUser(r -> r.userName("x")).user().arn());
        root.deleteUser(r -> r.userName("x"));
        AwsServiceException gone = assertThrows(AwsServiceException.class, () -> root.getUser(r -> r.userName("x")));
        assertEquals("NoSuchEntity", gone.awsErrorDetails().errorCode());
    }

    @Test
    void assumedRoleWorksEverywhereUntilItExpires() {
        AwsCredentials alice = user("alice");
        root.createRole(r -> r.roleName("storage").assumeRolePolicyDocument(trustFor("arn:aws:iam::" + ACCOUNT + ":user/alice")));
        root.attachRolePolicy(r -> r.roleName("storage").policyArn("arn:aws:iam::aws:policy/AmazonS3FullAccess"));

        // the trust policy names alice herself: no identity policy of hers is needed
        AssumeRoleResponse assumed = box.sts(alice).assumeRole(r -> r
                .roleArn("arn:aws:iam::" + ACCOUNT + ":role/storage").roleSessionName("work").durationSeconds(900));
        Credentials session = assumed.credentials();
        assertTrue(session.accessKeyId().startsWith("ASIA"));
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/storage/work", assumed.assumedRoleUser().arn());
        assertTrue(assumed.assumedRoleUser().assumedRoleId().startsWith("AROA")
                && assumed.assumedRoleUser().assumedRoleId().endsWith(":work"), assumed.assumedRoleUser().assumedRoleId());
        assertEquals(assumed.assumedRoleUser().arn(), box.sts(of(session)).getCallerIdentity().arn());

        // the role's policies apply: S3 yes (an aws-chunked upload signed with the session), IAM no
        S3Client s3 = box.s3(of(session));
        s3.createBucket(r -> r.bucket("role-bucket"));
        byte[] data = "uploaded by a role session".getBytes();
        s3.putObject(r -> r.bucket("role-bucket").key("k"), RequestBody.fromInputStream(new ByteArrayInputStream(data), data.length));
        assertEquals("uploaded by a role session", box.s3().getObjectAsBytes(r -> r.bucket("role-bucket").key("k")).asUtf8String());
        AwsServiceException iamDenied = assertThrows(AwsServiceException.class, () -> box.iam(of(session)).listUsers());
        assertTrue(iamDenied.awsErrorDetails().errorMessage().startsWith(
                "User: arn:aws:sts::" + ACCOUNT + ":assumed-role/storage/work is not authorized to perform: iam:ListUsers"),
                iamDenied.awsErrorDetails().errorMessage());

        box.clock().advance(Duration.ofSeconds(901));
        AwsServiceException expired = assertThrows(AwsServiceException.class, () -> box.sts(of(session)).getCallerIdentity());
        assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());
        AwsServiceException expiredS3 = assertThrows(AwsServiceException.class, () -> box.s3(of(session)).listBuckets());
        assertEquals("ExpiredToken", expiredS3.awsErrorDetails().errorCode());
    }

    @Test
    void aTrustPolicyThatDoesNotNameTheCallerRefuses() {
        AwsCredentials bob = user("bob", "AdministratorAccess");
        user("alice");
        root.createRole(r -> r.roleName("alices").assumeRolePolicyDocument(trustFor("arn:aws:iam::" + ACCOUNT + ":user/alice")));
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> box.sts(bob).assumeRole(r -> r
                .roleArn("arn:aws:iam::" + ACCOUNT + ":role/alices").roleSessionName("s1")));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
        assertEquals("User: arn:aws:iam::" + ACCOUNT + ":user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::"
                + ACCOUNT + ":role/alices", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aTrustPolicyNamingTheAccountNeedsAnIdentityPolicyToo() {
        AwsCredentials carol = user("carol");
        root.createRole(r -> r.roleName("team").maxSessionDuration(7200)
                .assumeRolePolicyDocument(trustFor("arn:aws:iam::" + ACCOUNT + ":root")));
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/team";
        AwsServiceException denied = assertThrows(AwsServiceException.class, () -> box.sts(carol).assumeRole(r -> r
                .roleArn(roleArn).roleSessionName("s1")));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());

        root.putUserPolicy(r -> r.userName("carol").policyName("assume").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + roleArn + "\"}]}"));
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/team/s1",
                box.sts(carol).assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").durationSeconds(7200)).assumedRoleUser().arn());

        AwsServiceException tooLong = assertThrows(AwsServiceException.class, () -> box.sts(carol).assumeRole(r -> r
                .roleArn(roleArn).roleSessionName("s1").durationSeconds(7201)));
        assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());
        assertEquals("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.", tooLong.awsErrorDetails().errorMessage());
    }

    @Test
    void externalIdConditionsTheTrustPolicy() {
        AwsCredentials erin = user("erin");
        root.createRole(r -> r.roleName("vendor").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                        + ACCOUNT + ":user/erin\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"xyz-123\"}}}]}"));
        String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/vendor";
        assertEquals("AccessDenied", assertThrows(AwsServiceException.class, () -> box.sts(erin).assumeRole(r -> r
                .roleArn(roleArn).roleSessionName("s1"))).awsErrorDetails().errorCode());
        assertEquals("AccessDenied", assertThrows(AwsServiceException.class, () -> box.sts(erin).assumeRole(r -> r
                .roleArn(roleArn).roleSessionName("s1").externalId("wrong"))).awsErrorDetails().errorCode());
        box.sts(erin).assumeRole(r -> r.roleArn(roleArn).roleSessionName("s1").externalId("xyz-123"));
        // a session policy would narrow the session: refused rather than silently ignored
        AwsServiceException narrowed = assertThrows(AwsServiceException.class, () -> box.sts(erin).assumeRole(r -> r
                .roleArn(roleArn).roleSessionName("s1").externalId("xyz-123")
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
        assertEquals("UnsupportedParameter", narrowed.awsErrorDetails().errorCode());
        // so would session tags (AWS checks sts:TagSession) and an MFA code (AWS verifies it)
        AwsServiceException tagged = assertThrows(AwsServiceException.class, () -> box.sts(erin).assumeRole(r -> r
                .roleArn(roleArn).roleSessionName("s1").externalId("xyz-123").tags(t -> t.key("team").value("blue"))));
        assertEquals(400, tagged.statusCode());
        assertEquals("The sandbox does not support session tags (Tags) in AssumeRole yet.", tagged.awsErrorDetails().errorMessage());
        AwsServiceException mfa = assertThrows(AwsServiceException.class, () -> box.sts(erin).getSessionToken(r -> r
                .serialNumber("arn:aws:iam::000000000000:mfa/erin").tokenCode("123456")));
        assertEquals("UnsupportedParameter", mfa.awsErrorDetails().errorCode());
    }

    @Test
    void virtualHostedS3WorksWithSessionCredentials() {
        AwsCredentials frank = user("frank", "AmazonS3FullAccess");
        S3Client s3 = box.s3VirtualHost(frank, "us-east-1");
        s3.createBucket(r -> r.bucket("vhost-bucket"));
        s3.putObject(r -> r.bucket("vhost-bucket").key("a/b.txt"), RequestBody.fromString("virtual"));
        assertEquals("virtual", box.s3().getObjectAsBytes(r -> r.bucket("vhost-bucket").key("a/b.txt")).asUtf8String());
    }

    @Test
    void awsCliAssumeRoleAndGetUser() {
        AccessKey key;
        root.createUser(r -> r.userName("dora"));
        key = root.createAccessKey(r -> r.userName("dora")).accessKey();
        root.createRole(r -> r.roleName("dora-role").assumeRolePolicyDocument(trustFor("arn:aws:iam::" + ACCOUNT + ":user/dora")));
        ExternalTools.Result getUser = ExternalTools.runAws(box.endpoint(), key.accessKeyId(), key.secretAccessKey(),
                "us-east-1", "iam", "get-user");
        assertTrue(getUser.exitCode() != 0, "dora has no policy: " + getUser);
        assertTrue(getUser.stderr().contains("(AccessDenied)"), getUser.stderr());

        ExternalTools.Result assume = ExternalTools.runAws(box.endpoint(), key.accessKeyId(), key.secretAccessKey(),
                "us-east-1", "sts", "assume-role", "--role-arn", "arn:aws:iam::" + ACCOUNT + ":role/dora-role",
                "--role-session-name", "cli");
        assertEquals(0, assume.exitCode(), assume.toString());
        assertTrue(assume.stdout().contains("\"Arn\": \"arn:aws:sts::" + ACCOUNT + ":assumed-role/dora-role/cli\""), assume.stdout());
    }
}
