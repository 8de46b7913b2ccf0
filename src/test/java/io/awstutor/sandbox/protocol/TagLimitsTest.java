package io.awstutor.sandbox.protocol;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * AWS's tag limits (50 a resource, 10 an S3 object, key 128 and value 256 characters, duplicate
 * keys, the reserved aws: prefix) as each service's SDK client sees them: one mechanism, each
 * service's own error code and wording.
 */
class TagLimitsTest {
    private static final String LONG_KEY = "k".repeat(129);
    private static final String LONG_VALUE = "v".repeat(257);
    private static TestSandbox box;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    private static AwsServiceException fails(String code, int status, String message, Executable call) {
        AwsServiceException e = assertThrows(AwsServiceException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode(), e.getMessage());
        if (message != null) {
            assertEquals(message, e.awsErrorDetails().errorMessage());
        }
        return e;
    }

    private static List<String> keys(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "k" + i).toList();
    }

    @Test
    void s3BucketsTakeFiftyTagsObjectsTen() {
        S3Client s3 = box.s3();
        s3.createBucket(b -> b.bucket("tag-limits"));
        s3.putObject(b -> b.bucket("tag-limits").key("a.txt"), software.amazon.awssdk.core.sync.RequestBody.fromString("a"));
        var fifty = keys(50).stream().map(k -> software.amazon.awssdk.services.s3.model.Tag.builder().key(k).value("v").build()).toList();
        s3.putBucketTagging(b -> b.bucket("tag-limits").tagging(t -> t.tagSet(fifty)));
        var fiftyOne = keys(51).stream().map(k -> software.amazon.awssdk.services.s3.model.Tag.builder().key(k).value("v").build()).toList();
        fails("BadRequest", 400, "Bucket tag count cannot be greater than 50",
                () -> s3.putBucketTagging(b -> b.bucket("tag-limits").tagging(t -> t.tagSet(fiftyOne))));
        fails("BadRequest", 400, "Object tags cannot be greater than 10",
                () -> s3.putObjectTagging(b -> b.bucket("tag-limits").key("a.txt").tagging(t -> t.tagSet(fifty.subList(0, 11)))));
        fails("InvalidTag", 400, "The TagKey you have provided is invalid",
                () -> s3.putObjectTagging(b -> b.bucket("tag-limits").key("a.txt").tagging(t -> t.tagSet(s -> s.key(LONG_KEY).value("v")))));
        fails("InvalidTag", 400, "The TagValue you have provided is invalid",
                () -> s3.putBucketTagging(b -> b.bucket("tag-limits").tagging(t -> t.tagSet(s -> s.key("k").value(LONG_VALUE)))));
        fails("InvalidTag", 400, "Cannot provide multiple Tags with the same key",
                () -> s3.putBucketTagging(b -> b.bucket("tag-limits").tagging(t -> t.tagSet(s -> s.key("k").value("1"), s -> s.key("k").value("2")))));
        fails("InvalidTag", 400, "System tags cannot be added/updated by requester",
                () -> s3.putBucketTagging(b -> b.bucket("tag-limits").tagging(t -> t.tagSet(s -> s.key("aws:owner").value("me")))));
        fails("BadRequest", 400, "Object tags cannot be greater than 10",
                () -> s3.putObject(b -> b.bucket("tag-limits").key("b.txt").tagging(String.join("&", keys(11).stream().map(k -> k + "=v").toList())),
                        software.amazon.awssdk.core.sync.RequestBody.fromString("b")));
        assertEquals(50, s3.getBucketTagging(b -> b.bucket("tag-limits")).tagSet().size(), "a refused PUT keeps the earlier set");
    }

    @Test
    void iamCountsTagsAcrossRequestsAndIgnoresKeyCase() {
        IamClient iam = box.iam();
        iam.createUser(r -> r.userName("tagged"));
        iam.tagUser(r -> r.userName("tagged").tags(keys(49).stream().map(k -> software.amazon.awssdk.services.iam.model.Tag.builder().key(k).value("v").build()).toList()));
        iam.tagUser(r -> r.userName("tagged").tags(t -> t.key("K1").value("replaced")));
        fails("LimitExceeded", 409, "The number of tags has reached the maximum limit.",
                () -> iam.tagUser(r -> r.userName("tagged").tags(t -> t.key("x").value("1"), t -> t.key("y").value("2"))));
        fails("InvalidInput", 400, "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
                () -> iam.tagUser(r -> r.userName("tagged").tags(t -> t.key("Env").value("1"), t -> t.key("env").value("2"))));
        fails("ValidationError", 400, "1 validation error detected: Value '" + LONG_KEY + "' at 'tags.1.member.key' failed to satisfy "
                + "constraint: Member must have length less than or equal to 128",
                () -> iam.createRole(r -> r.roleName("r").assumeRolePolicyDocument("{}").tags(t -> t.key(LONG_KEY).value("v"))));
        fails("ValidationError", 400, null,
                () -> iam.tagUser(r -> r.userName("tagged").tags(t -> t.key("k").value(LONG_VALUE))));
        fails("InvalidInput", 400, null, () -> iam.tagUser(r -> r.userName("tagged").tags(t -> t.key("aws:x").value("1"))));
        var tags = iam.listUserTags(r -> r.userName("tagged")).tags();
        assertEquals(49, tags.size());
        assertEquals("replaced", tags.stream().filter(t -> t.key().equalsIgnoreCase("k1")).findFirst().orElseThrow().value());
    }

    @Test
    void ec2CountsTagsOnEachResource() {
        Ec2Client ec2 = box.ec2();
        String group = ec2.createSecurityGroup(r -> r.groupName("tag-limits").description("t")).groupId();
        ec2.createTags(r -> r.resources(group).tags(keys(50).stream().map(k -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(k).value("v").build()).toList()));
        fails("TagLimitExceeded", 400, "The maximum number of Tags for a resource has been reached.",
                () -> ec2.createTags(r -> r.resources(group).tags(t -> t.key("one-more").value("v"))));
        fails("InvalidParameterValue", 400, "Tag key exceeds the maximum length of 128 characters",
                () -> ec2.createTags(r -> r.resources(group).tags(t -> t.key(LONG_KEY).value("v"))));
        fails("InvalidParameterValue", 400, "Tag value exceeds the maximum length of 256 characters",
                () -> ec2.createTags(r -> r.resources(group).tags(t -> t.key("k1").value(LONG_VALUE))));
        fails("InvalidParameterValue", 400, "Tag keys starting with 'aws:' are reserved for internal use",
                () -> ec2.createTags(r -> r.resources(group).tags(t -> t.key("aws:x").value("v"))));
        fails("InvalidParameterValue", 400, null,
                () -> ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16").tagSpecifications(s -> s.resourceType("vpc")
                        .tags(t -> t.key("k").value("1"), t -> t.key("k").value("2")))));
    }

    @Test
    void rdsNowHasAwsLimits() {
        RdsClient rds = box.rds();
        List<String> subnets = box.ec2().describeSubnets().subnets().stream().map(s -> s.subnetId()).limit(2).toList();
        String arn = rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("tag-limits").dbSubnetGroupDescription("t").subnetIds(subnets))
                .dbSubnetGroup().dbSubnetGroupArn();
        rds.addTagsToResource(r -> r.resourceName(arn).tags(keys(50).stream().map(k -> software.amazon.awssdk.services.rds.model.Tag.builder().key(k).value("v").build()).toList()));
        fails("InvalidParameterValue", 400, "A resource can have at most 50 tags.",
                () -> rds.addTagsToResource(r -> r.resourceName(arn).tags(t -> t.key("one-more").value("v"))));
        rds.removeTagsFromResource(r -> r.resourceName(arn).tagKeys("k50"));
        fails("InvalidParameterValue", 400, "The tag key must be at most 128 characters long.",
                () -> rds.addTagsToResource(r -> r.resourceName(arn).tags(t -> t.key(LONG_KEY).value("v"))));
        fails("InvalidParameterValue", 400, "The tag value must be at most 256 characters long.",
                () -> rds.addTagsToResource(r -> r.resourceName(arn).tags(t -> t.key("k").value(LONG_VALUE))));
        fails("InvalidParameterValue", 400, "Tag keys can't begin with 'aws:' or 'rds:'.",
                () -> rds.addTagsToResource(r -> r.resourceName(arn).tags(t -> t.key("rds:x").value("v"))));
        fails("InvalidParameterValue", 400, null,
                () -> rds.createDBSubnetGroup(r -> r.dbSubnetGroupName("dup").dbSubnetGroupDescription("t").subnetIds(subnets)
                        .tags(t -> t.key("k").value("1"), t -> t.key("k").value("2"))));
        assertEquals(49, rds.listTagsForResource(r -> r.resourceName(arn)).tagList().size());
    }

    @Test
    void secretsManagerChecksTheTagsOfANewSecret() {
        var sm = box.secretsmanager();
        var tooMany = keys(51).stream().map(k -> software.amazon.awssdk.services.secretsmanager.model.Tag.builder().key(k).value("v").build()).toList();
        fails("InvalidParameterException", 400, "A secret can have at most 50 tags.",
                () -> sm.createSecret(r -> r.name("tagged").secretString("s").tags(tooMany)));
        fails("ValidationException", 400, "1 validation error detected: Value '" + LONG_KEY + "' at 'tags.1.member.key' failed to "
                + "satisfy constraint: Member must have length less than or equal to 128",
                () -> sm.createSecret(r -> r.name("tagged").secretString("s").tags(t -> t.key(LONG_KEY).value("v"))));
        fails("InvalidParameterException", 400, null,
                () -> sm.createSecret(r -> r.name("tagged").secretString("s").tags(t -> t.key("aws:x").value("v"))));
        sm.createSecret(r -> r.name("tagged").secretString("s").tags(tooMany.subList(0, 50)));
        assertEquals(50, sm.describeSecret(r -> r.secretId("tagged")).tags().size());
    }

    @Test
    void cloudFrontRefusesBadTagsAsInvalidTagging() {
        CloudFrontClient cf = box.cloudfront();
        DistributionConfig config = DistributionConfig.builder().callerReference("tag-limits").comment("t").enabled(true)
                .origins(o -> o.quantity(1).items(origin -> origin.id("b").domainName("b.s3.amazonaws.com")
                        .s3OriginConfig(s -> s.originAccessIdentity(""))))
                .defaultCacheBehavior(b -> b.targetOriginId("b").viewerProtocolPolicy(ViewerProtocolPolicy.ALLOW_ALL)
                        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))
                .build();
        String arn = cf.createDistribution(b -> b.distributionConfig(config)).distribution().arn();
        var fifty = keys(50).stream().map(k -> software.amazon.awssdk.services.cloudfront.model.Tag.builder().key(k).value("v").build()).toList();
        cf.tagResource(b -> b.resource(arn).tags(t -> t.items(fifty)));
        fails("InvalidTagging", 400, "A resource can have at most 50 tags.",
                () -> cf.tagResource(b -> b.resource(arn).tags(t -> t.items(i -> i.key("one-more").value("v")))));
        fails("InvalidTagging", 400, "A tag value must be at most 256 characters.",
                () -> cf.tagResource(b -> b.resource(arn).tags(t -> t.items(i -> i.key("k1").value(LONG_VALUE)))));
        fails("InvalidTagging", 400, null,
                () -> cf.tagResource(b -> b.resource(arn).tags(t -> t.items(i -> i.key("k1").value("<script>")))));
        assertEquals(50, cf.listTagsForResource(b -> b.resource(arn)).tags().items().size());
    }
}
