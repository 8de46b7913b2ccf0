package io.awstutor.sandbox;

import io.awstutor.testing.MutableClock;
import org.apache.http.conn.DnsResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A sandbox on an ephemeral loopback port for one test class or method, with real SDK v2
 * clients for it. Root credentials and us-east-1 unless a test asks for others. Simulated
 * delays run at {@code timeScale} (0 by default: transitions are immediate). The sandbox's
 * clock is a {@link MutableClock}: {@code clock().advance(...)} moves it (to expire sessions;
 * note that moving it more than 15 minutes makes every fresh signature "skewed").
 * Clients do not retry, so a test sees the sandbox's first answer.
 *
 * <pre>{@code
 * try (TestSandbox box = TestSandbox.start()) {
 *     box.sts().getCallerIdentity();
 *     box.iam(TestSandbox.credentials(keyId, secret)).listUsers();
 * }
 * }</pre>
 */
public final class TestSandbox implements AutoCloseable {
    private final Sandbox sandbox;
    private final MutableClock clock;
    private final SdkHttpClient http;
    private final List<AutoCloseable> clients = new ArrayList<>();

    private TestSandbox(Sandbox sandbox, MutableClock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
        this.http = ApacheHttpClient.builder().dnsResolver(new io.awstutor.check.LocalhostResolver()).build();
    }

    public static TestSandbox start() {
        return start(0.0);
    }

    public static TestSandbox start(double timeScale) {
        MutableClock clock = new MutableClock();
        return start(SandboxOptions.inMemory().withTimeScale(timeScale).withClock(clock), clock);
    }

    /** For options of the test's own (a data folder, ...); the clock is replaced by a movable one. */
    public static TestSandbox start(SandboxOptions options) {
        MutableClock clock = new MutableClock();
        return start(options.withClock(clock), clock);
    }

    private static TestSandbox start(SandboxOptions options, MutableClock clock) {
        try {
            return new TestSandbox(Sandbox.start(options.withPort(0)), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the sandbox", e);
        }
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public URI endpoint() {
        return sandbox.endpoint();
    }

    public int port() {
        return sandbox.port();
    }

    public MutableClock clock() {
        return clock;
    }

    public static AwsCredentials root() {
        return AwsBasicCredentials.create(Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY);
    }

    public static AwsCredentials credentials(String accessKeyId, String secret) {
        return AwsBasicCredentials.create(accessKeyId, secret);
    }

    public static AwsCredentials credentials(String accessKeyId, String secret, String sessionToken) {
        return AwsSessionCredentials.create(accessKeyId, secret, sessionToken);
    }

    public StsClient sts() { return sts(root()); }
    public StsClient sts(AwsCredentials credentials) { return sts(credentials, Sandbox.DEFAULT_REGION); }
    public StsClient sts(AwsCredentials credentials, String region) {
        return build(StsClient.builder(), credentials, region, endpoint());
    }

    public IamClient iam() { return iam(root()); }
    /** IAM is global: its client signs for us-east-1 whatever the learner's region. */
    public IamClient iam(AwsCredentials credentials) {
        return build(IamClient.builder(), credentials, Region.AWS_GLOBAL.id(), endpoint());
    }

    /** Presigns for this sandbox as root, path-style (close it after use). */
    public S3Presigner presigner() {
        return S3Presigner.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(root())).build();
    }

    public S3Client s3() { return s3(root()); }
    public S3Client s3(AwsCredentials credentials) { return s3(credentials, Sandbox.DEFAULT_REGION); }
    /** Path-style addressing: {@code http://127.0.0.1:PORT/bucket/key}. */
    public S3Client s3(AwsCredentials credentials, String region) {
        return build(S3Client.builder().forcePathStyle(true), credentials, region, endpoint());
    }

    public S3Client s3VirtualHost() { return s3VirtualHost(root(), Sandbox.DEFAULT_REGION); }
    /** Virtual-host addressing: {@code http://bucket.s3.localhost:PORT/key} (resolved to 127.0.0.1 by the test client). */
    public S3Client s3VirtualHost(AwsCredentials credentials, String region) {
        return build(S3Client.builder().forcePathStyle(false), credentials, region,
                URI.create("http://s3.localhost:" + port()));
    }

    public Ec2Client ec2() { return ec2(root(), Sandbox.DEFAULT_REGION); }
    public Ec2Client ec2(AwsCredentials credentials, String region) {
        return build(Ec2Client.builder(), credentials, region, endpoint());
    }

    public RdsClient rds() { return rds(root(), Sandbox.DEFAULT_REGION); }
    public RdsClient rds(AwsCredentials credentials, String region) {
        return build(RdsClient.builder(), credentials, region, endpoint());
    }

    public SesClient ses() { return ses(root(), Sandbox.DEFAULT_REGION); }
    public SesClient ses(AwsCredentials credentials, String region) {
        return build(SesClient.builder(), credentials, region, endpoint());
    }

    public SecretsManagerClient secretsmanager() { return secretsmanager(root(), Sandbox.DEFAULT_REGION); }
    public SecretsManagerClient secretsmanager(AwsCredentials credentials, String region) {
        return build(SecretsManagerClient.builder(), credentials, region, endpoint());
    }

    public RdsDataClient rdsdata() { return rdsdata(root(), Sandbox.DEFAULT_REGION); }
    public RdsDataClient rdsdata(AwsCredentials credentials, String region) {
        return build(RdsDataClient.builder(), credentials, region, endpoint());
    }

    public CloudFrontClient cloudfront() { return cloudfront(root()); }
    /** CloudFront is global, like IAM. */
    public CloudFrontClient cloudfront(AwsCredentials credentials) {
        return build(CloudFrontClient.builder(), credentials, Region.AWS_GLOBAL.id(), endpoint());
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C extends AutoCloseable> C build(
            B builder, AwsCredentials credentials, String region, URI endpoint) {
        C client = builder.credentialsProvider(StaticCredentialsProvider.create(credentials))
                .region(Region.of(region))
                .endpointOverride(endpoint)
                .httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    @Override
    public void close() {
        synchronized (clients) {
            for (AutoCloseable client : clients) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // closing a client cannot fail a test
                }
            }
            clients.clear();
        }
        http.close();
        sandbox.close();
    }
}
