package io.awstutor.sandbox.s3;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ACLs, bucket policies, Public Access Block and Object Ownership, as anonymous and IAM callers meet them. */
class S3AccessTest {
    private static TestSandbox box;
    private static S3Client s3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        s3 = box.s3();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static HttpResponse<String> anonymousGet(String bucket, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(box.endpoint() + "/" + bucket + "/" + key)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String publicReadPolicy(String bucket) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"PublicRead\",\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}";
    }

    @Test
    void newBucketsBlockPublicAccessAndDisableAcls() throws Exception {
        s3.createBucket(b -> b.bucket("private-by-default"));
        var block = s3.getPublicAccessBlock(b -> b.bucket("private-by-default")).publicAccessBlockConfiguration();
        assertTrue(block.blockPublicAcls() && block.ignorePublicAcls() && block.blockPublicPolicy() && block.restrictPublicBuckets());
        assertEquals(ObjectOwnership.BUCKET_OWNER_ENFORCED, s3.getBucketOwnershipControls(b -> b.bucket("private-by-default"))
                .ownershipControls().rules().get(0).objectOwnership());
        s3.putObject(b -> b.bucket("private-by-default").key("page.html"), RequestBody.fromString("<h1>hi</h1>"));
        HttpResponse<String> anonymous = anonymousGet("private-by-default", "page.html");
        assertEquals(403, anonymous.statusCode());
        assertTrue(anonymous.body().contains("<Code>AccessDenied</Code>"), anonymous.body());
        S3Exception acl = assertThrows(S3Exception.class, () -> s3.putBucketAcl(b -> b.bucket("private-by-default")
                .acl(BucketCannedACL.PUBLIC_READ)));
        assertEquals("AccessControlListNotSupported", acl.awsErrorDetails().errorCode());
        S3Exception policy = assertThrows(S3Exception.class, () -> s3.putBucketPolicy(b -> b.bucket("private-by-default")
                .policy(publicReadPolicy("private-by-default"))));
        assertEquals("AccessDenied", policy.awsErrorDetails().errorCode());
        assertTrue(policy.awsErrorDetails().errorMessage().contains("BlockPublicPolicy"));
    }

    @Test
    void aPublicPolicyOpensReadsUntilRestrictPublicBuckets() throws Exception {
        s3.createBucket(b -> b.bucket("public-site"));
        s3.putObject(b -> b.bucket("public-site").key("index.html"), RequestBody.fromString("welcome"));
        s3.deletePublicAccessBlock(b -> b.bucket("public-site"));
        s3.putBucketPolicy(b -> b.bucket("public-site").policy(publicReadPolicy("public-site")));
        assertTrue(s3.getBucketPolicyStatus(b -> b.bucket("public-site")).policyStatus().isPublic());
        HttpResponse<String> open = anonymousGet("public-site", "index.html");
        assertEquals(200, open.statusCode());
        assertEquals("welcome", open.body());
        HttpResponse<String> rewritten = anonymousGet("public-site", "index.html?response-content-type=text%2Fevil");
        assertEquals(400, rewritten.statusCode(), "only signed requests may rewrite response headers");
        assertTrue(rewritten.body().contains("<Code>InvalidRequest</Code><Message>Request specific response headers cannot "
                + "be used for anonymous GET requests.</Message>"), rewritten.body());
        // the policy grants GetObject only: listing stays closed
        assertEquals(403, anonymousGet("public-site", "").statusCode());
        s3.putPublicAccessBlock(b -> b.bucket("public-site").publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
        assertEquals(403, anonymousGet("public-site", "index.html").statusCode());
    }

    @Test
    void aclsGrantWhenOwnershipAllowsThem() throws Exception {
        s3.createBucket(b -> b.bucket("acl-bucket").objectOwnership(ObjectOwnership.OBJECT_WRITER));
        s3.deletePublicAccessBlock(b -> b.bucket("acl-bucket"));
        s3.putObject(b -> b.bucket("acl-bucket").key("open.txt").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("open"));
        s3.putObject(b -> b.bucket("acl-bucket").key("closed.txt"), RequestBody.fromString("closed"));
        assertEquals(200, anonymousGet("acl-bucket", "open.txt").statusCode());
        assertEquals(403, anonymousGet("acl-bucket", "closed.txt").statusCode());
        assertTrue(s3.getObjectAcl(b -> b.bucket("acl-bucket").key("open.txt")).grants().stream()
                .anyMatch(g -> "http://acs.amazonaws.com/groups/global/AllUsers".equals(g.grantee().uri())));
        s3.putPublicAccessBlock(b -> b.bucket("acl-bucket").publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
        assertEquals(403, anonymousGet("acl-bucket", "open.txt").statusCode());
        s3.putPublicAccessBlock(b -> b.bucket("acl-bucket").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));
        S3Exception blocked = assertThrows(S3Exception.class, () -> s3.putObject(b -> b.bucket("acl-bucket").key("x")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("x")));
        assertEquals("AccessDenied", blocked.awsErrorDetails().errorCode());
    }

    @Test
    void malformedPoliciesAreRefused() {
        s3.createBucket(b -> b.bucket("policy-checks"));
        S3Exception json = assertThrows(S3Exception.class, () -> s3.putBucketPolicy(b -> b.bucket("policy-checks").policy("not json")));
        assertEquals("MalformedPolicy", json.awsErrorDetails().errorCode());
        S3Exception resource = assertThrows(S3Exception.class, () -> s3.putBucketPolicy(b -> b.bucket("policy-checks").policy(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::another-bucket/*\"}]}")));
        assertEquals("MalformedPolicy", resource.awsErrorDetails().errorCode());
        assertEquals("Policy has invalid resource", resource.awsErrorDetails().errorMessage());
        S3Exception none = assertThrows(S3Exception.class, () -> s3.getBucketPolicy(b -> b.bucket("policy-checks")));
        assertEquals("NoSuchBucketPolicy", none.awsErrorDetails().errorCode());
    }

    @Test
    void iamUsersNeedAnIdentityOrBucketPolicy() {
        IamClient iam = box.iam();
        iam.createUser(b -> b.userName("reader"));
        AccessKey key = iam.createAccessKey(b -> b.userName("reader")).accessKey();
        S3Client reader = box.s3(TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey()), "us-east-1");
        s3.createBucket(b -> b.bucket("team-data"));
        s3.putObject(b -> b.bucket("team-data").key("report.csv"), RequestBody.fromString("a,b"));
        S3Exception denied = assertThrows(S3Exception.class, () -> reader.getObjectAsBytes(b -> b.bucket("team-data").key("report.csv")));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertTrue(denied.awsErrorDetails().errorMessage().contains("user/reader"), denied.awsErrorDetails().errorMessage());
        s3.putBucketPolicy(b -> b.bucket("team-data").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/reader\"},\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::team-data/*\"}]}"));
        assertEquals("a,b", reader.getObjectAsBytes(b -> b.bucket("team-data").key("report.csv")).asUtf8String());
        S3Exception noList = assertThrows(S3Exception.class, () -> reader.listObjectsV2(b -> b.bucket("team-data")));
        assertEquals("User: arn:aws:iam::000000000000:user/reader is not authorized to perform: s3:ListBucket on resource: "
                + "\"arn:aws:s3:::team-data\" because no identity-based policy allows the s3:ListBucket action",
                noList.awsErrorDetails().errorMessage());
        iam.putUserPolicy(b -> b.userName("reader").policyName("list").policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::team-data\"}]}"));
        assertEquals(1, reader.listObjectsV2(b -> b.bucket("team-data")).keyCount());
    }

    @Test
    void anExplicitDenyInTheBucketPolicyIsNamedAsAWSNamesIt() {
        IamClient iam = box.iam();
        iam.createUser(b -> b.userName("denied-reader"));
        iam.attachUserPolicy(b -> b.userName("denied-reader").policyArn("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
        AccessKey key = iam.createAccessKey(b -> b.userName("denied-reader")).accessKey();
        S3Client reader = box.s3(TestSandbox.credentials(key.accessKeyId(), key.secretAccessKey()), "us-east-1");
        s3.createBucket(b -> b.bucket("vault-data"));
        s3.putObject(b -> b.bucket("vault-data").key("secret.txt"), RequestBody.fromString("s"));
        assertEquals("s", reader.getObjectAsBytes(b -> b.bucket("vault-data").key("secret.txt")).asUtf8String());
        s3.putBucketPolicy(b -> b.bucket("vault-data").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoReaders\","
                + "\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/denied-reader\"},"
                + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::vault-data/*\"}]}"));
        S3Exception denied = assertThrows(S3Exception.class, () -> reader.getObjectAsBytes(b -> b.bucket("vault-data").key("secret.txt")));
        assertEquals("User: arn:aws:iam::000000000000:user/denied-reader is not authorized to perform: s3:GetObject on resource: "
                + "\"arn:aws:s3:::vault-data/secret.txt\" with an explicit deny in a resource-based policy",
                denied.awsErrorDetails().errorMessage());
    }
}
