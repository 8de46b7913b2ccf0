package io.awstutor.sandbox.accounts;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accounts made in one sandbox are isolated as AWS isolates accounts, seen through the real
 * SDK with each account's own root keys: AWS's error codes, not an empty answer.
 */
class AccountIsolationTest {
    private static TestSandbox box;
    private static AccountKeys ana;
    private static AccountKeys ben;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        ana = box.sandbox().accounts().create("Ana");
        ben = box.sandbox().accounts().create("Ben");
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static AwsCredentials keys(AccountKeys account) {
        return TestSandbox.credentials(account.accessKeyId(), account.secretAccessKey());
    }

    @Test
    void eachAccountHasItsOwnTwelveDigitId() {
        assertTrue(ana.accountId().matches("\\d{12}"), ana.accountId());
        assertNotEquals(ana.accountId(), ben.accountId());
        assertNotEquals(Sandbox.ROOT_ACCOUNT, ana.accountId());
        assertEquals("arn:aws:iam::" + ana.accountId() + ":root", box.sts(keys(ana)).getCallerIdentity().arn());
        assertEquals(ben.accountId(), box.sts(keys(ben)).getCallerIdentity().account());
        assertFalse(ana.toString().contains(ana.secretAccessKey()), "the secret never prints");
    }

    @Test
    void bucketNamesAreGlobalAndBucketsPrivateToTheirAccount() {
        S3Client anaS3 = box.s3(keys(ana));
        S3Client benS3 = box.s3(keys(ben));
        anaS3.createBucket(b -> b.bucket("ana-notes"));
        anaS3.putObject(b -> b.bucket("ana-notes").key("secret.txt"), RequestBody.fromString("mine"));

        AwsServiceException taken = assertThrows(AwsServiceException.class, () -> benS3.createBucket(b -> b.bucket("ana-notes")));
        assertEquals("BucketAlreadyExists", taken.awsErrorDetails().errorCode());
        assertEquals(409, taken.statusCode());

        AwsServiceException read = assertThrows(AwsServiceException.class,
                () -> benS3.getObjectAsBytes(b -> b.bucket("ana-notes").key("secret.txt")));
        assertEquals("AccessDenied", read.awsErrorDetails().errorCode());
        assertEquals(403, read.statusCode());
        AwsServiceException list = assertThrows(AwsServiceException.class, () -> benS3.listObjectsV2(b -> b.bucket("ana-notes")));
        assertEquals("AccessDenied", list.awsErrorDetails().errorCode());
        AwsServiceException delete = assertThrows(AwsServiceException.class, () -> benS3.deleteBucket(b -> b.bucket("ana-notes")));
        assertEquals("AccessDenied", delete.awsErrorDetails().errorCode());

        assertTrue(benS3.listBuckets().buckets().stream().map(Bucket::name).noneMatch("ana-notes"::equals));
        assertTrue(anaS3.listBuckets().buckets().stream().map(Bucket::name).anyMatch("ana-notes"::equals));
        assertEquals("mine", anaS3.getObjectAsBytes(b -> b.bucket("ana-notes").key("secret.txt")).asUtf8String());
    }

    @Test
    void iamAndEc2StateIsPerAccount() {
        box.iam(keys(ana)).createUser(b -> b.userName("deploy").tags(Tag.builder().key("owner").value("ana").build()));
        assertTrue(box.iam(keys(ben)).listUsers().users().isEmpty(), "Ben's account has no users");
        box.iam(keys(ben)).createUser(b -> b.userName("deploy")); // the same name is free in another account
        assertEquals("arn:aws:iam::" + ben.accountId() + ":user/deploy", box.iam(keys(ben)).getUser(b -> b.userName("deploy")).user().arn());

        String groupId = box.ec2(keys(ana), "us-east-1").createSecurityGroup(b -> b.groupName("web").description("web")).groupId();
        Ec2Exception missing = assertThrows(Ec2Exception.class,
                () -> box.ec2(keys(ben), "us-east-1").describeSecurityGroups(b -> b.groupIds(groupId)));
        assertEquals("InvalidGroup.NotFound", missing.awsErrorDetails().errorCode());
    }

    @Test
    void anUnknownKeyIsInvalidAccessKeyId() {
        AwsServiceException unknown = assertThrows(AwsServiceException.class,
                () -> box.sts(TestSandbox.credentials("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40))).getCallerIdentity());
        assertEquals("InvalidClientTokenId", unknown.awsErrorDetails().errorCode());
    }

    @Test
    void accountsAndTheirResourcesSurviveARestart(@TempDir Path data) throws Exception {
        AccountKeys cara;
        try (TestSandbox first = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data).withTimeScale(0))) {
            cara = first.sandbox().accounts().create("Cara");
            first.s3(keys(cara)).createBucket(b -> b.bucket("cara-site"));
        }
        Path file = data.resolve("accounts").resolve("accounts.json");
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(file),
                "the file holds secrets: owner only");
        try (TestSandbox second = TestSandbox.start(SandboxOptions.inMemory().withDataDir(data).withTimeScale(0))) {
            assertEquals(cara.accountId(), second.sts(keys(cara)).getCallerIdentity().account());
            assertTrue(second.s3(keys(cara)).listBuckets().buckets().stream().anyMatch(b -> b.name().equals("cara-site")));
            assertEquals(Optional.of(cara), second.sandbox().accounts().byId(cara.accountId()));
        }
    }

    /** On a network, the well-known root key is refused; an account's own keys still work. */
    @Test
    void theWellKnownRootKeyOnlyWorksFromThisMachine() throws Exception {
        Optional<InetAddress> lan = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (Exception e) { return false; } })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to bind to");
        try (Sandbox shared = Sandbox.start(SandboxOptions.inMemory().withBindAddress(lan.get()))) {
            AccountKeys dana = shared.accounts().create("Dana");
            URI endpoint = URI.create("http://" + lan.get().getHostAddress() + ":" + shared.port());
            AwsServiceException refused = assertThrows(AwsServiceException.class, () -> sts(endpoint, TestSandbox.root()).getCallerIdentity());
            assertEquals("InvalidClientTokenId", refused.awsErrorDetails().errorCode());
            assertEquals(dana.accountId(), sts(endpoint, keys(dana)).getCallerIdentity().account());
        }
    }

    private static StsClient sts(URI endpoint, AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build();
    }
}
