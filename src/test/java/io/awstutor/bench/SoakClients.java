package io.awstutor.bench;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.time.Duration;

/** SDK clients for a sandbox at an endpoint: root keys, us-east-1, no retries (a harness must see the first answer). */
public final class SoakClients implements AutoCloseable {
    private final SdkHttpClient http;
    public final S3Client s3;
    public final IamClient iam;
    public final Ec2Client ec2;
    public final RdsClient rds;

    public SoakClients(URI endpoint, int maxConnections) {
        this.http = ApacheHttpClient.builder().maxConnections(maxConnections).connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(20)).build();
        this.s3 = build(S3Client.builder().forcePathStyle(true), endpoint);
        this.iam = build(IamClient.builder(), endpoint);
        this.ec2 = build(Ec2Client.builder(), endpoint);
        this.rds = build(RdsClient.builder(), endpoint);
    }

    private <C, B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>> C build(B builder, URI endpoint) {
        return builder.region(Region.US_EAST_1).endpointOverride(endpoint).httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    /**
     * An IAM client of its own, with its own connection pool (closed with it): one program among
     * many, where the shared clients above make many threads of one program.
     */
    public static IamClient ownIam(URI endpoint) {
        return IamClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(2).connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(20)))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @Override
    public void close() {
        s3.close();
        iam.close();
        ec2.close();
        rds.close();
        http.close();
    }
}
