package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.http.ServiceCall;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;
import io.awstutor.sandbox.s3.Bucket;

import java.util.Map;
import java.util.Optional;

/**
 * Reads of the bucket features the sandbox cannot configure (logging, notifications,
 * replication, acceleration, requester pays, analytics, metrics, inventory, intelligent
 * tiering), answered with the state every sandbox bucket truly is in: nothing configured,
 * in the form AWS gives a fresh bucket. Tools that read them all (Terraform refreshing an
 * aws_s3_bucket, say) then work; writes stay NotImplemented.
 */
final class UnconfiguredFeatures {
    /** List operations, by sub-resource: the IAM action and the result element. */
    private static final Map<String, String[]> LISTS = Map.of(
            "analytics", new String[] {"s3:GetAnalyticsConfiguration", "ListBucketAnalyticsConfigurationResult"},
            "metrics", new String[] {"s3:GetMetricsConfiguration", "ListMetricsConfigurationsResult"},
            "inventory", new String[] {"s3:GetInventoryConfiguration", "ListInventoryConfigurationsResult"},
            "intelligent-tiering", new String[] {"s3:GetIntelligentTieringConfiguration",
                    "ListBucketIntelligentTieringConfigurationsOutput"});

    private final S3Context s3;

    UnconfiguredFeatures(S3Context s3) {
        this.s3 = s3;
    }

    /** The answer to a GET of one of these sub-resources, or empty for any other request. */
    Optional<SandboxResponse> read(ServiceCall call, Bucket bucket) {
        SandboxRequest r = call.request();
        if (!r.method().equals("GET")) {
            return Optional.empty();
        }
        if (r.hasQuery("accelerate")) {
            s3.check(call, bucket, "s3:GetAccelerateConfiguration");
            return Optional.of(S3Xml.ok(new XmlWriter().start("AccelerateConfiguration", S3Xml.NS).end()));
        }
        if (r.hasQuery("requestPayment")) {
            s3.check(call, bucket, "s3:GetBucketRequestPayment");
            return Optional.of(S3Xml.ok(new XmlWriter().start("RequestPaymentConfiguration", S3Xml.NS)
                    .element("Payer", "BucketOwner").end()));
        }
        if (r.hasQuery("logging")) {
            s3.check(call, bucket, "s3:GetBucketLogging");
            return Optional.of(S3Xml.ok(new XmlWriter().start("BucketLoggingStatus", S3Xml.NS).end()));
        }
        if (r.hasQuery("notification")) {
            s3.check(call, bucket, "s3:GetBucketNotification");
            return Optional.of(S3Xml.ok(new XmlWriter().start("NotificationConfiguration", S3Xml.NS).end()));
        }
        if (r.hasQuery("replication")) {
            s3.check(call, bucket, "s3:GetReplicationConfiguration");
            throw AwsException.notFound("ReplicationConfigurationNotFoundError", "The replication configuration was not found")
                    .with("BucketName", bucket.name());
        }
        for (Map.Entry<String, String[]> list : LISTS.entrySet()) {
            if (r.hasQuery(list.getKey())) {
                s3.check(call, bucket, list.getValue()[0]);
                if (r.hasQuery("id")) {
                    throw AwsException.notFound("NoSuchConfiguration", "The specified configuration does not exist.");
                }
                return Optional.of(S3Xml.ok(new XmlWriter().start(list.getValue()[1], S3Xml.NS)
                        .element("IsTruncated", "false").end()));
            }
        }
        return Optional.empty();
    }
}
