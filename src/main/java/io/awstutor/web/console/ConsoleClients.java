package io.awstutor.web.console;

import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SDK clients the console reads and writes with: real clients, over the sandbox's own
 * listener, signed as the {@link Operator}, so that every page goes through the same request
 * path, rules and IAM decisions as the learner's Java. Clients are kept per operator, service
 * and region (building one costs more than a call) and share one HTTP connection pool.
 */
final class ConsoleClients implements AutoCloseable {
    private final URI endpoint;
    /** Built on the first page's first call: mounting the console must not slow the sandbox's start. */
    private SdkHttpClient http;
    private final Map<String, AutoCloseable> clients = new ConcurrentHashMap<>();

    ConsoleClients(URI endpoint) {
        this.endpoint = endpoint;
    }

    IamClient iam(Operator who) {
        return client(who, "iam", "us-east-1", () -> build(IamClient.builder(), who, "us-east-1"));
    }

    StsClient sts(Operator who) {
        return client(who, "sts", "us-east-1", () -> build(StsClient.builder(), who, "us-east-1"));
    }

    S3Client s3(Operator who, String region) {
        return client(who, "s3", region, () -> build(S3Client.builder().forcePathStyle(true), who, region));
    }

    Ec2Client ec2(Operator who, String region) {
        return client(who, "ec2", region, () -> build(Ec2Client.builder(), who, region));
    }

    RdsClient rds(Operator who, String region) {
        return client(who, "rds", region, () -> build(RdsClient.builder(), who, region));
    }

    SesClient ses(Operator who, String region) {
        return client(who, "ses", region, () -> build(SesClient.builder(), who, region));
    }

    CloudFrontClient cloudfront(Operator who) {
        return client(who, "cloudfront", "us-east-1", () -> build(CloudFrontClient.builder(), who, "us-east-1"));
    }

    @SuppressWarnings("unchecked")
    private <C extends AutoCloseable> C client(Operator who, String service, String region, Supplier<C> build) {
        return (C) clients.computeIfAbsent(who.credentials().accessKeyId() + " " + service + " " + region, k -> build.get());
    }

    /** A signed-out operator's clients go with them. */
    void forget(Operator who) {
        clients.entrySet().removeIf(e -> {
            if (e.getKey().startsWith(who.credentials().accessKeyId() + " ")) {
                closeQuietly(e.getValue());
                return true;
            }
            return false;
        });
    }

    private <B extends AwsClientBuilder<B, C> & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C build(
            B builder, Operator who, String region) {
        return builder.region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(who.credentials()))
                .endpointOverride(endpoint)
                .httpClient(http())
                // a page shows the sandbox's first answer, as the learner's call would get it
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    private synchronized SdkHttpClient http() {
        if (http == null) {
            http = ApacheHttpClient.builder().maxConnections(16).build();
        }
        return http;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a client at shutdown cannot fail in a way a page could report
        }
    }

    @Override
    public void close() {
        clients.values().forEach(ConsoleClients::closeQuietly);
        clients.clear();
        synchronized (this) {
            if (http != null) {
                http.close();
            }
        }
    }
}
