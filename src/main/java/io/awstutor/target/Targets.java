package io.awstutor.target;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;

/**
 * Opens the target a learner asked for. {@code aws} is only ever opened when asked for by
 * name: no other target falls back to a real account.
 */
public final class Targets {
    public static final String NAMES = "sandbox, endpoint, moto, container, aws";
    private static final String EMULATOR_KEY = "test";

    private Targets() {
    }

    public static Target open(TargetRequest request) {
        String region = request.region() != null ? request.region() : "us-east-1";
        return switch (request.name()) {
            case "sandbox" -> sandbox(region, request.env("AWSTUTOR_SANDBOX_TIME_SCALE"));
            case "endpoint" -> endpoint(request, region);
            case "moto" -> {
                MotoServer moto = MotoServer.start(request.environment());
                yield new Target(TargetSettings.emulator(TargetSettings.TargetKind.MOTO, moto.endpoint(), region,
                        EMULATOR_KEY, EMULATOR_KEY), moto);
            }
            case "container", "localstack" -> {
                ContainerTarget container = ContainerTarget.start(request.image(), request.environment());
                yield new Target(TargetSettings.emulator(TargetSettings.TargetKind.CONTAINER, container.endpoint(), region,
                        EMULATOR_KEY, EMULATOR_KEY), container);
            }
            case "aws" -> aws(request);
            default -> throw new IllegalArgumentException("unknown target '" + request.name() + "' (" + NAMES + ")");
        };
    }

    /**
     * The pace of the shell's sandbox: 1/50 of AWS's, so a database AWS takes 5 minutes to
     * create is ready in 6 s, an instance boots in under a second and a CloudFront deployment
     * takes a second; the shell says what AWS would take while it waits. A lesson keeps
     * moving, and the states in between (creating, pending, InProgress) can still be seen.
     */
    public static final double SHELL_PACE = 0.02;

    /** The sandbox's time scale: AWSTUTOR_SANDBOX_TIME_SCALE when set (1 is AWS's pace), else {@link #SHELL_PACE}. */
    public static double sandboxPace(String timeScale) {
        if (timeScale == null || timeScale.isBlank()) {
            return SHELL_PACE;
        }
        try {
            double scale = Double.parseDouble(timeScale.trim());
            if (scale >= 0 && !Double.isInfinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("AWSTUTOR_SANDBOX_TIME_SCALE must be a number: 1 is AWS's pace, 0 no delays,"
                + " e.g. 0.01; got '" + timeScale + "'");
    }

    private static Target sandbox(String region, String timeScale) {
        double scale = sandboxPace(timeScale);
        try {
            Sandbox sandbox = Sandbox.start(SandboxOptions.inMemory().withTimeScale(scale)
                    .withEngines(io.awstutor.sandbox.engines.EngineSettings.fromEnvironment()));
            // The console (/console) shows what the learner built, and the SES mailbox whose links verify
            // addresses. Mounted beside the shell's start (loading its classes takes ~0.1 s), not in its way.
            java.util.concurrent.CompletableFuture<io.awstutor.web.console.SandboxConsole> console =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> io.awstutor.web.console.SandboxConsole.mount(sandbox));
            return new Target(TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, sandbox.endpoint(), region,
                    Sandbox.ROOT_ACCESS_KEY, Sandbox.ROOT_SECRET_KEY), () -> {
                        try {
                            console.get(5, java.util.concurrent.TimeUnit.SECONDS).close();
                        } catch (Exception notMounted) {
                            // the sandbox stops either way
                        }
                        sandbox.close();
                    }).knowingAccount(Sandbox.ROOT_ACCOUNT); // its root key's
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox could not start: " + e.getMessage(), e);
        }
    }

    private static Target endpoint(TargetRequest request, String region) {
        String url = request.endpointUrl() != null ? request.endpointUrl() : request.env("AWS_ENDPOINT_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("--target endpoint needs --endpoint-url URL (or AWS_ENDPOINT_URL)");
        }
        URI uri = parseEndpoint(url);
        // Emulators take their well-known key. Keys shaped like AWS's own (AKIA/ASIA...) may be the
        // learner's real ones: they must not travel to the JShell process as system properties.
        String envKey = request.env("AWS_ACCESS_KEY_ID");
        boolean emulatorKeys = envKey != null && request.env("AWS_SECRET_ACCESS_KEY") != null && !looksLikeAwsKey(envKey);
        String key = emulatorKeys ? envKey : EMULATOR_KEY;
        String secret = emulatorKeys ? request.env("AWS_SECRET_ACCESS_KEY") : EMULATOR_KEY;
        return new Target(TargetSettings.emulator(TargetSettings.TargetKind.ENDPOINT, uri, region, key, secret), null);
    }

    static boolean looksLikeAwsKey(String accessKeyId) {
        return accessKeyId.length() >= 16 && (accessKeyId.startsWith("AKIA") || accessKeyId.startsWith("ASIA"));
    }

    static URI parseEndpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL (e.g. http://localhost:4566)");
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("'" + url + "' is not an http(s) URL (e.g. http://localhost:4566)");
        }
        return uri;
    }

    /**
     * A real account: the SDK's default credential chain (or the profile); the region from
     * --region, else the SDK's region chain (AWS_REGION, the profile's). The keys never go
     * into the settings: the JShell process resolves them itself. AWS_ENDPOINT_URL redirects
     * the clients (to an emulator, in tests) but the target stays "aws", and so does the guard.
     */
    private static Target aws(TargetRequest request) {
        String region = request.region();
        if (region == null) {
            region = request.env("AWS_REGION");
        }
        if (region == null) {
            region = request.env("AWS_DEFAULT_REGION");
        }
        if (region == null) {
            try {
                DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
                if (request.profile() != null) {
                    chain.profileName(request.profile());
                }
                region = chain.build().getRegion().id();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--target aws needs a region: --region REGION (or AWS_REGION, or a region in your profile)");
            }
        }
        Optional<URI> endpoint = Optional.ofNullable(request.endpointUrl()).or(() -> Optional.ofNullable(request.env("AWS_ENDPOINT_URL")))
                .map(Targets::parseEndpoint);
        return new Target(new TargetSettings(TargetSettings.TargetKind.AWS, endpoint, region,
                Optional.ofNullable(request.profile()), Optional.empty(), Optional.empty()), null);
    }
}
