package io.awstutor.bench;

import io.awstutor.sandbox.TestSandbox;
import io.awstutor.testing.ExternalTools.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * What a section measures with: the sandbox, moto_server when it is installed, the thread and
 * request counts, and a client builder that points at either.
 */
public final class BenchContext implements AutoCloseable {
    private final TestSandbox sandbox;
    private final Optional<MotoServer> moto;
    private final int threads;
    private final int requests;
    private final SdkHttpClient http;
    private final Optional<URI> peer;

    BenchContext(TestSandbox sandbox, Optional<MotoServer> moto, Optional<URI> peer, int threads, int requests) {
        this.sandbox = sandbox;
        this.moto = moto;
        this.peer = peer;
        this.threads = threads;
        this.requests = requests;
        this.http = ApacheHttpClient.builder().maxConnections(Math.max(threads * 2, 16)).build();
    }

    public TestSandbox sandbox() { return sandbox; }
    public Optional<MotoServer> moto() { return moto; }
    /** Another emulator to compare with (Floci, LocalStack), from {@code --peer URL}, when it answers. */
    public Optional<URI> peer() { return peer; }
    public int threads() { return threads; }
    public int requests() { return requests; }

    /** A client of the given builder for this endpoint, credentials and region, without retries. */
    public <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(
            B builder, URI endpoint, AwsCredentials credentials, String region) {
        return builder.endpointOverride(endpoint).region(Region.of(region)).httpClient(http)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** Requests per second of {@code call}, run {@link #requests()} times over {@link #threads()} threads after a warm-up. */
    public double measure(Callable<?> call) throws Exception {
        return Throughput.measure(call, threads, requests);
    }

    /** As {@link #measure}, with the CPU each kind of thread used meanwhile. */
    Throughput.Measured measureWithCpu(Callable<?> call) throws Exception {
        return Throughput.measureWithCpu(call, threads, requests);
    }

    @Override
    public void close() {
        http.close();
    }
}
