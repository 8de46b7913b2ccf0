package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same STS scenario against the sandbox and moto_server, compared fact by fact with the
 * account id abstracted away (moto's is 123456789012). Only what both implement is compared:
 * moto enforces neither signatures nor trust policies, so the scenario is one AWS allows.
 */
class StsDifferentialTest {

    private static Map<String, String> scenario(URI endpoint) {
        AwsCredentials root = TestSandbox.root();
        try (IamClient iam = IamClient.builder().endpointOverride(endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(root))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            String account;
            try (StsClient sts = sts(endpoint, root)) {
                account = sts.getCallerIdentity().account();
            }
            iam.createUser(r -> r.userName("diff-user"));
            AccessKey key = iam.createAccessKey(r -> r.userName("diff-user")).accessKey();
            iam.createRole(r -> r.roleName("diff-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                            + account + ":user/diff-user\"},\"Action\":\"sts:AssumeRole\"}]}"));
            Map<String, String> facts = new LinkedHashMap<>();
            AwsCredentials user = TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey());
            try (StsClient sts = sts(endpoint, user)) {
                GetCallerIdentityResponse me = sts.getCallerIdentity();
                facts.put("user arn", me.arn().replace(account, "ACCOUNT"));
                facts.put("user id prefix", me.userId().substring(0, 4));
                AssumeRoleResponse assumed = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/diff-role")
                        .roleSessionName("diff-session").durationSeconds(1800));
                facts.put("assumed arn", assumed.assumedRoleUser().arn().replace(account, "ACCOUNT"));
                String roleId = assumed.assumedRoleUser().assumedRoleId();
                facts.put("assumed id shape", roleId.substring(0, 4) + "…" + roleId.substring(roleId.indexOf(':')));
                facts.put("session key prefix", assumed.credentials().accessKeyId().substring(0, 4));
                long minutes = Duration.between(Instant.now(), assumed.credentials().expiration()).toMinutes();
                facts.put("duration ~30 min", String.valueOf(minutes >= 28 && minutes <= 30));
                facts.put("token present", String.valueOf(!assumed.credentials().sessionToken().isEmpty()));
            }
            return facts;
        }
    }

    private static StsClient sts(URI endpoint, AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Test
    void assumeRoleAgreesWithMoto() {
        Map<String, String> ours;
        try (TestSandbox box = TestSandbox.start()) {
            ours = scenario(box.endpoint());
        }
        // AWS answers a user's GetCallerIdentity with the user's unique id (AIDA…); moto answers
        // a random id of its own ("99m4…"). AWS's documentation wins: compared here, not with moto.
        assertEquals("AIDA", ours.remove("user id prefix"));
        try (ExternalTools.MotoServer moto = ExternalTools.startMoto()) {
            Map<String, String> theirs = scenario(moto.endpoint());
            theirs.remove("user id prefix");
            assertEquals(theirs, ours);
        }
    }
}
