package io.awstutor.target;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.List;

/**
 * Builds every SDK client the tutor uses, for the learner (in the JShell process) and for
 * the checks (in the shell's process), from one {@link TargetSettings}: the same endpoint,
 * region and credentials, so the checks always look where the learner works.
 */
public final class ClientFactory {
    private final TargetSettings settings;
    private final List<ExecutionInterceptor> interceptors;
    private final AwsCredentialsProvider credentials;
    private final AwsJsonClient.CallReview jsonReview;

    public ClientFactory(TargetSettings settings, List<ExecutionInterceptor> interceptors) {
        this(settings, interceptors, AwsJsonClient.CallReview.NONE);
    }

    /** @param jsonReview what may hold a JSON API's call before it is sent (the learner's cost guard) */
    public ClientFactory(TargetSettings settings, List<ExecutionInterceptor> interceptors, AwsJsonClient.CallReview jsonReview) {
        this.settings = settings;
        this.interceptors = List.copyOf(interceptors);
        this.credentials = credentialsFor(settings);
        this.jsonReview = jsonReview;
    }

    public ClientFactory(TargetSettings settings) {
        this(settings, List.of());
    }

    public TargetSettings settings() {
        return settings;
    }

    private static AwsCredentialsProvider credentialsFor(TargetSettings settings) {
        if (settings.accessKeyId().isPresent() && settings.secretKey().isPresent()) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId().get(), settings.secretKey().get()));
        }
        if (settings.profile().isPresent()) {
            return ProfileCredentialsProvider.create(settings.profile().get());
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * What an emulator's clients read instead of the machine's {@code ~/.aws/config} and
     * credentials files: nothing. Building a client otherwise parses them for the retry mode,
     * the defaults mode, checksums, dual-stack and FIPS, settings meant for AWS that only cost
     * an emulator's session its start (region, keys and endpoint are given explicitly).
     */
    private static final ProfileFile NO_PROFILES = ProfileFile.builder().content(java.io.InputStream.nullInputStream())
            .type(ProfileFile.Type.CONFIGURATION).build();

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C build(B builder, String region) {
        ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder().executionInterceptors(interceptors);
        if (settings.endpoint().isPresent()) {
            override.defaultProfileFileSupplier(() -> NO_PROFILES);
            // an emulator: the light HTTP client (see the pom); AWS keeps the SDK's default, Apache's, with its pool
            builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        builder.region(Region.of(region)).credentialsProvider(credentials).overrideConfiguration(override.build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** IAM and CloudFront are global: their clients are signed for the partition's global region. */
    private String globalRegion() {
        return settings.endpoint().isPresent() ? settings.region() : "aws-global";
    }

    public StsClient sts() { return build(StsClient.builder(), settings.region()); }
    public IamClient iam() { return build(IamClient.builder(), globalRegion()); }
    public Ec2Client ec2() { return ec2(settings.region()); }
    public Ec2Client ec2(String region) { return build(Ec2Client.builder(), region); }
    public RdsClient rds() { return rds(settings.region()); }
    public RdsClient rds(String region) { return build(RdsClient.builder(), region); }
    public SesClient ses() { return ses(settings.region()); }
    public SesClient ses(String region) { return build(SesClient.builder(), region); }
    public CloudFrontClient cloudfront() { return build(CloudFrontClient.builder(), globalRegion()); }
    public SecretsManagerClient secretsmanager() { return secretsmanager(settings.region()); }
    public SecretsManagerClient secretsmanager(String region) { return build(SecretsManagerClient.builder(), region); }
    public RdsDataClient rdsdata() { return rdsdata(settings.region()); }
    public RdsDataClient rdsdata(String region) { return build(RdsDataClient.builder(), region); }

    /** The Price List API (home region us-east-1), Cost Explorer, Budgets and Free Tier, as JSON clients. */
    public AwsJsonClient pricing() { return json(JsonApi.PRICING); }
    public AwsJsonClient costexplorer() { return json(JsonApi.COST_EXPLORER); }
    public AwsJsonClient budgets() { return json(JsonApi.BUDGETS); }
    public AwsJsonClient freetier() { return json(JsonApi.FREE_TIER); }

    private AwsJsonClient json(JsonApi api) {
        return new AwsJsonClient(api, settings.endpoint().orElse(java.net.URI.create(api.awsEndpoint())), "us-east-1",
                credentials, java.time.Clock.systemUTC(), jsonReview);
    }

    public S3Client s3() { return s3(settings.region()); }

    /**
     * A factory for the same target (endpoint, region, interceptors) that signs with other
     * keys: how a learner works as a user they created ({@code clients.withCredentials(k.accessKeyId(),
     * k.secretAccessKey()).iam()}), on an emulator and on AWS alike.
     */
    public ClientFactory withCredentials(String accessKeyId, String secretAccessKey) {
        TargetSettings other = new TargetSettings(settings.kind(), settings.endpoint(), settings.region(),
                java.util.Optional.empty(), java.util.Optional.of(accessKeyId), java.util.Optional.of(secretAccessKey));
        return new ClientFactory(other, interceptors, jsonReview);
    }

    /** Presigns S3 requests for this target (path-style on an emulator, as {@link #s3(String)} is). */
    public S3Presigner s3Presigner(String region) {
        S3Presigner.Builder builder = S3Presigner.builder().region(Region.of(region)).credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.endpoint().isPresent()).build());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    public S3Presigner s3Presigner() { return s3Presigner(settings.region()); }

    /** Regions whose website endpoints are written s3-website-REGION (the newer ones use a dot). */
    private static final java.util.Set<String> DASHED_WEBSITE_REGIONS = java.util.Set.of("us-east-1", "us-west-1", "us-west-2",
            "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1", "us-gov-west-1");

    /**
     * The address of a bucket's static website on this target: AWS's website endpoint on a
     * real account; on the sandbox its path form (a URL a terminal can open without DNS);
     * on another emulator the {@code s3-website} host under localhost, as LocalStack serves it.
     */
    public String websiteUrl(String bucket, String region) {
        if (settings.endpoint().isEmpty()) {
            String separator = DASHED_WEBSITE_REGIONS.contains(region) ? "-" : ".";
            return "http://" + bucket + ".s3-website" + separator + region + ".amazonaws.com/";
        }
        java.net.URI endpoint = settings.endpoint().get();
        if (settings.kind() == TargetSettings.TargetKind.SANDBOX) {
            return endpoint.toString().replaceAll("/+$", "") + "/_website/" + bucket + "/";
        }
        return endpoint.getScheme() + "://" + bucket + ".s3-website." + region + ".localhost"
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()) + "/";
    }

    /**
     * Where viewers reach a CloudFront distribution on this target: {@code https://DOMAIN/} on
     * a real account; on the sandbox the path form of its edge (no DNS needed); on another
     * emulator the domain's host under localhost.
     */
    public String distributionUrl(String domainName) {
        if (settings.endpoint().isEmpty()) {
            return "https://" + domainName + "/";
        }
        java.net.URI endpoint = settings.endpoint().get();
        String prefix = domainName.replaceFirst("\\.cloudfront\\.net$", "");
        if (settings.kind() == TargetSettings.TargetKind.SANDBOX) {
            return endpoint.toString().replaceAll("/+$", "") + "/_cloudfront/" + prefix + "/";
        }
        return endpoint.getScheme() + "://" + prefix + ".cloudfront.localhost"
                + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort()) + "/";
    }

    /**
     * The learner's machine's public address, as a security group rule names it
     * ({@code myPublicIp() + "/32"}): AWS's checkip service on a real account; on the sandbox
     * the address its security groups see the learner come from; elsewhere the loopback.
     */
    public String myPublicIp() {
        if (settings.endpoint().isEmpty()) {
            try {
                var http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://checkip.amazonaws.com/")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()).body().trim();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("checkip.amazonaws.com did not answer: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return settings.kind() == TargetSettings.TargetKind.SANDBOX ? io.awstutor.sandbox.engines.EngineFleet.LEARNER_PUBLIC_IP
                : "127.0.0.1";
    }

    /** Emulators answer path-style requests: a bucket host under 127.0.0.1 would not resolve. */
    public S3Client s3(String region) {
        return build(S3Client.builder().forcePathStyle(settings.endpoint().isPresent()), region);
    }

    /** What {@code /vars} and a bare {@code clients} show: what it is for, never the target's keys. */
    @Override
    public String toString() {
        // short enough for /vars to keep it on one 80-column line
        return "clients.s3(), clients.iam(), … in " + settings.region();
    }
}
