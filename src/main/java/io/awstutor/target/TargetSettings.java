package io.awstutor.target;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the learner's and the checks' clients point: an endpoint (the sandbox, an emulator)
 * with static keys, or a real account through the SDK's default credential chain. It
 * travels to the JShell process as system properties, so it never carries a secret other
 * than an emulator's well-known one.
 */
public record TargetSettings(TargetKind kind, Optional<URI> endpoint, String region,
                             Optional<String> profile, Optional<String> accessKeyId, Optional<String> secretKey) {

    public enum TargetKind {
        SANDBOX, ENDPOINT, MOTO, CONTAINER, AWS;

        /**
         * Whether RDS endpoints lead to real databases: on the sandbox and on AWS; moto keeps
         * RDS as records only, and an endpoint may be any emulator (LocalStack's community
         * edition has none), so lessons cannot count on one there.
         */
        public boolean runsDatabaseEngines() {
            return this != MOTO && this != ENDPOINT;
        }
    }

    private static final String PREFIX = "awstutor.target.";

    public static TargetSettings emulator(TargetKind kind, URI endpoint, String region, String accessKey, String secret) {
        return new TargetSettings(kind, Optional.of(endpoint), region, Optional.empty(),
                Optional.of(accessKey), Optional.of(secret));
    }

    public boolean isRealAccount() {
        return kind == TargetKind.AWS && endpoint.isEmpty();
    }

    public TargetSettings withRegion(String newRegion) {
        return new TargetSettings(kind, endpoint, newRegion, profile, accessKeyId, secretKey);
    }

    /** The settings as JVM system properties for the JShell process. */
    public Map<String, String> toSystemProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(PREFIX + "kind", kind.name());
        props.put(PREFIX + "region", region);
        endpoint.ifPresent(e -> props.put(PREFIX + "endpoint", e.toString()));
        profile.ifPresent(p -> props.put(PREFIX + "profile", p));
        accessKeyId.ifPresent(k -> props.put(PREFIX + "accessKeyId", k));
        secretKey.ifPresent(s -> props.put(PREFIX + "secretKey", s));
        return props;
    }

    public static TargetSettings fromSystemProperties() {
        TargetKind kind = TargetKind.valueOf(System.getProperty(PREFIX + "kind", "SANDBOX"));
        return new TargetSettings(kind,
                Optional.ofNullable(System.getProperty(PREFIX + "endpoint")).map(URI::create),
                System.getProperty(PREFIX + "region", "us-east-1"),
                Optional.ofNullable(System.getProperty(PREFIX + "profile")),
                Optional.ofNullable(System.getProperty(PREFIX + "accessKeyId")),
                Optional.ofNullable(System.getProperty(PREFIX + "secretKey")));
    }

    /**
     * How the ledger names this target: emulators that live only as long as a session
     * (sandbox, moto, container) by kind; an endpoint by its URL; a real account as "aws".
     */
    public String ledgerKey() {
        return switch (kind) {
            case SANDBOX, MOTO, CONTAINER -> kind.name().toLowerCase(java.util.Locale.ROOT);
            case ENDPOINT -> "endpoint " + endpoint.map(URI::toString).orElse("");
            case AWS -> endpoint.map(e -> "aws via " + e).orElse("aws");
        };
    }

    /** Whether its state dies with the session (so its ledger entries do too). */
    public boolean isEphemeral() {
        return kind == TargetKind.SANDBOX || kind == TargetKind.MOTO || kind == TargetKind.CONTAINER;
    }

    /** One line for the prompt and /target: never the secret. */
    public String describe() {
        return switch (kind) {
            case SANDBOX -> "sandbox";
            case AWS -> endpoint.map(e -> "aws via " + e).orElse("aws " + profile.map(p -> "profile " + p + ", ").orElse("") + region);
            default -> kind.name().toLowerCase(java.util.Locale.ROOT) + " " + endpoint.map(URI::toString).orElse("");
        };
    }

    @Override
    public String toString() {
        return "TargetSettings[" + describe() + ", region " + region + "]";
    }
}
