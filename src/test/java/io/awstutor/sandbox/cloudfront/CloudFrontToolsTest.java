package io.awstutor.sandbox.cloudfront;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CloudFront from the AWS CLI (its shorthand builds a legacy-style config) and boto3, and across a restart. */
class CloudFrontToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCliCreatesListsInvalidatesAndIsRefusedAWrongETag() throws Exception {
        ExternalTools.aws();
        try (TestSandbox box = TestSandbox.start()) {
            ExternalTools.Result created = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "cloudfront",
                    "create-distribution", "--origin-domain-name", "photos.s3.amazonaws.com", "--default-root-object", "index.html");
            assertEquals(0, created.exitCode(), created.toString());
            JsonNode distribution = JSON.readTree(created.stdout()).get("Distribution");
            String id = distribution.get("Id").asText();
            assertEquals("photos.s3.amazonaws.com", distribution.get("DistributionConfig").get("Origins").get("Items").get(0)
                    .get("DomainName").asText());

            ExternalTools.Result listed = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "cloudfront",
                    "list-distributions", "--query", "DistributionList.Items[].Id", "--output", "text");
            assertEquals(id, listed.stdout().strip(), listed.toString());

            ExternalTools.Result invalidated = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "cloudfront",
                    "create-invalidation", "--distribution-id", id, "--paths", "/*", "/index.html");
            assertEquals(0, invalidated.exitCode(), invalidated.toString());
            assertEquals(2, JSON.readTree(invalidated.stdout()).get("Invalidation").get("InvalidationBatch").get("Paths")
                    .get("Quantity").asInt());

            ExternalTools.Result refused = ExternalTools.runAws(box.endpoint(), "test", "test", "us-east-1", "cloudfront",
                    "delete-distribution", "--id", id, "--if-match", "EWRONG");
            assertNotEquals(0, refused.exitCode());
            assertTrue(refused.stderr().contains("An error occurred (PreconditionFailed) when calling the DeleteDistribution operation"),
                    refused.stderr());
        }
    }

    @Test
    void boto3ReadsTheConfigAndItsETag() {
        ExternalTools.python3WithBoto3();
        try (TestSandbox box = TestSandbox.start()) {
            ExternalTools.Result result = ExternalTools.runBoto3(box.endpoint(), "test", "test", "us-east-1", """
                    import boto3
                    cf = boto3.client('cloudfront')
                    config = {'CallerReference': 'py-1', 'Comment': 'from boto3', 'Enabled': True,
                              'Origins': {'Quantity': 1, 'Items': [{'Id': 'o1', 'DomainName': 'example.com',
                                          'CustomOriginConfig': {'HTTPPort': 80, 'HTTPSPort': 443, 'OriginProtocolPolicy': 'https-only'}}]},
                              'DefaultCacheBehavior': {'TargetOriginId': 'o1', 'ViewerProtocolPolicy': 'allow-all',
                                                       'ForwardedValues': {'QueryString': False, 'Cookies': {'Forward': 'none'}}, 'MinTTL': 0}}
                    d = cf.create_distribution(DistributionConfig=config)['Distribution']
                    got = cf.get_distribution_config(Id=d['Id'])
                    print('etag-matches', got['ETag'] == cf.get_distribution(Id=d['Id'])['ETag'])
                    print('comment', got['DistributionConfig']['Comment'])
                    print('port', got['DistributionConfig']['Origins']['Items'][0]['CustomOriginConfig']['HTTPSPort'])
                    try:
                        cf.get_distribution(Id='ENOPE')
                    except cf.exceptions.NoSuchDistribution as e:
                        print('missing', e.response['ResponseMetadata']['HTTPStatusCode'])
                    """);
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(result.stdout().contains("etag-matches True"), result.stdout());
            assertTrue(result.stdout().contains("comment from boto3"), result.stdout());
            assertTrue(result.stdout().contains("port 443"), result.stdout());
            assertTrue(result.stdout().contains("missing 404"), result.stdout());
        }
    }

    @Test
    void distributionsSurviveARestart(@TempDir Path dir) {
        String id;
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            id = box.cloudfront().createDistribution(b -> b.distributionConfig(CloudFrontSdkTest.config("keep", true)))
                    .distribution().id();
        }
        try (TestSandbox box = TestSandbox.start(SandboxOptions.inMemory().withDataDir(dir).withTimeScale(0))) {
            assertEquals("site", box.cloudfront().getDistribution(b -> b.id(id)).distribution().distributionConfig().comment());
        }
    }
}
