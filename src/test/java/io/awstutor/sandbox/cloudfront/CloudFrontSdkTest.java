package io.awstutor.sandbox.cloudfront;

import io.awstutor.sandbox.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CloudFrontException;
import software.amazon.awssdk.services.cloudfront.model.CreateDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionConfigResponse;
import software.amazon.awssdk.services.cloudfront.model.Invalidation;
import software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CloudFront through the real SDK for Java over HTTP (deployments are immediate: time scale 0). */
class CloudFrontSdkTest {
    private static TestSandbox box;
    private static CloudFrontClient cf;

    @BeforeAll
    static void start() {
        box = TestSandbox.start();
        cf = box.cloudfront();
    }

    @AfterAll
    static void stop() {
        box.close();
    }

    static DistributionConfig config(String reference, boolean enabled) {
        return DistributionConfig.builder().callerReference(reference).comment("site").enabled(enabled)
                .defaultRootObject("index.html")
                .origins(o -> o.quantity(1).items(origin -> origin.id("site-bucket").domainName("site.s3.amazonaws.com")
                        .s3OriginConfig(s -> s.originAccessIdentity(""))))
                .defaultCacheBehavior(b -> b.targetOriginId("site-bucket").viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6"))
                .build();
    }

    private static CloudFrontException fails(String code, int status, Executable call) {
        CloudFrontException e = assertThrows(CloudFrontException.class, call);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.getMessage());
        assertEquals(status, e.statusCode());
        return e;
    }

    @Test
    void aDistributionIsCreatedDisabledAndDeleted() {
        CreateDistributionResponse created = cf.createDistribution(b -> b.distributionConfig(config("ref-1", true)));
        String id = created.distribution().id();
        assertTrue(id.matches("E[A-Z0-9]{13}"), id);
        assertTrue(created.distribution().domainName().matches("d[a-z0-9]{13}\\.cloudfront\\.net"), created.distribution().domainName());
        assertEquals("arn:aws:cloudfront::000000000000:distribution/" + id, created.distribution().arn());
        assertEquals("https://cloudfront.amazonaws.com/2020-05-31/distribution/" + id, created.location());
        assertFalse(created.eTag().isBlank());
        assertEquals("index.html", created.distribution().distributionConfig().defaultRootObject());
        assertEquals(0, created.distribution().distributionConfig().aliases().quantity(), "CloudFront fills in the defaults");
        assertEquals("PriceClass_All", created.distribution().distributionConfig().priceClassAsString());

        cf.waiter().waitUntilDistributionDeployed(b -> b.id(id));
        assertEquals("Deployed", cf.getDistribution(b -> b.id(id)).distribution().status());

        fails("InvalidIfMatchVersion", 400, () -> cf.deleteDistribution(b -> b.id(id)));
        fails("DistributionNotDisabled", 409, () -> cf.deleteDistribution(b -> b.id(id).ifMatch(created.eTag())));

        GetDistributionConfigResponse current = cf.getDistributionConfig(b -> b.id(id));
        assertEquals(created.eTag(), current.eTag());
        DistributionConfig disabled = current.distributionConfig().toBuilder().enabled(false).build();
        fails("PreconditionFailed", 412, () -> cf.updateDistribution(b -> b.id(id).ifMatch("E0000000000000").distributionConfig(disabled)));
        String etag = cf.updateDistribution(b -> b.id(id).ifMatch(current.eTag()).distributionConfig(disabled)).eTag();
        assertNotEquals(created.eTag(), etag, "every change gives a new ETag");
        fails("PreconditionFailed", 412, () -> cf.deleteDistribution(b -> b.id(id).ifMatch(created.eTag())));
        cf.deleteDistribution(b -> b.id(id).ifMatch(etag));
        fails("NoSuchDistribution", 404, () -> cf.getDistribution(b -> b.id(id)));
    }

    @Test
    void theSameCallerReferenceIsIdempotentOrAConflict() {
        String first = cf.createDistribution(b -> b.distributionConfig(config("ref-2", false))).distribution().id();
        assertEquals(first, cf.createDistribution(b -> b.distributionConfig(config("ref-2", false))).distribution().id());
        fails("DistributionAlreadyExists", 409, () -> cf.createDistribution(b -> b.distributionConfig(
                config("ref-2", false).toBuilder().comment("another").build())));
        List<DistributionSummary> all = cf.listDistributionsPaginator().stream().map(r -> r.distributionList())
                .flatMap(l -> l.items().stream()).toList();
        assertTrue(all.stream().anyMatch(d -> d.id().equals(first) && d.comment().equals("site") && !d.enabled()), all.toString());
        assertEquals("site-bucket", all.get(0).origins().items().get(0).id());
        var page = cf.listDistributions(b -> b.maxItems("1")).distributionList();
        assertEquals(1, page.quantity());
    }

    @Test
    void configurationsAreCheckedAsCloudFrontChecksThem() {
        fails("NoSuchOrigin", 404, () -> cf.createDistribution(b -> b.distributionConfig(config("ref-3", true).toBuilder()
                .defaultCacheBehavior(d -> d.targetOriginId("nowhere").viewerProtocolPolicy(ViewerProtocolPolicy.ALLOW_ALL)
                        .cachePolicyId("658327ea-f89d-4fab-a63d-7e88639e58f6")).build())));
        fails("InconsistentQuantities", 400, () -> cf.createDistribution(b -> b.distributionConfig(config("ref-4", true).toBuilder()
                .aliases(a -> a.quantity(2).items("www.example.com")).build())));
        CloudFrontException legacy = fails("InvalidArgument", 400, () -> cf.createDistribution(b -> b.distributionConfig(
                config("ref-5", true).toBuilder().defaultCacheBehavior(d -> d.targetOriginId("site-bucket")
                        .viewerProtocolPolicy(ViewerProtocolPolicy.ALLOW_ALL)).build())));
        assertEquals("The parameter ForwardedValues is required.", legacy.awsErrorDetails().errorMessage());
        fails("InvalidDefaultRootObject", 400, () -> cf.createDistribution(b -> b.distributionConfig(
                config("ref-6", true).toBuilder().defaultRootObject("/index.html").build())));
        fails("NoSuchDistribution", 404, () -> cf.getDistribution(b -> b.id("E000000000000")));
    }

    @Test
    void invalidationsAndTags() {
        var created = cf.createDistributionWithTags(b -> b.distributionConfigWithTags(c -> c.distributionConfig(config("ref-7", true))
                .tags(t -> t.items(tag -> tag.key("awstutor:lesson").value("cloudfront")))));
        String id = created.distribution().id();
        String arn = created.distribution().arn();
        assertEquals("cloudfront", cf.listTagsForResource(b -> b.resource(arn)).tags().items().get(0).value());
        cf.tagResource(b -> b.resource(arn).tags(t -> t.items(tag -> tag.key("env").value("dev"))));
        cf.untagResource(b -> b.resource(arn).tagKeys(k -> k.items("awstutor:lesson")));
        assertEquals(List.of("env"), cf.listTagsForResource(b -> b.resource(arn)).tags().items().stream().map(t -> t.key()).toList());

        Invalidation inv = cf.createInvalidation(b -> b.distributionId(id).invalidationBatch(batch -> batch.callerReference("inv-1")
                .paths(p -> p.quantity(2).items("/index.html", "/images/*")))).invalidation();
        assertTrue(inv.id().matches("I[A-Z0-9]{13}"), inv.id());
        cf.waiter().waitUntilInvalidationCompleted(b -> b.distributionId(id).id(inv.id()));
        assertEquals(List.of("/index.html", "/images/*"), cf.getInvalidation(b -> b.distributionId(id).id(inv.id()))
                .invalidation().invalidationBatch().paths().items());
        assertEquals(1, cf.listInvalidations(b -> b.distributionId(id)).invalidationList().quantity());
        fails("InvalidArgument", 400, () -> cf.createInvalidation(b -> b.distributionId(id).invalidationBatch(batch -> batch
                .callerReference("inv-2").paths(p -> p.quantity(1).items("no-slash")))));
    }
}
