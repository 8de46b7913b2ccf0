package io.awstutor.target;

import java.util.Map;

/**
 * What the learner asked for on the command line or with {@code /target}: the target's name
 * and its options. The environment is passed in (not read here) so tests can give their own.
 */
public record TargetRequest(String name, String endpointUrl, String region, String profile, String image,
                            Map<String, String> environment) {

    public TargetRequest {
        name = name == null || name.isBlank() ? "sandbox" : name.trim().toLowerCase(java.util.Locale.ROOT);
        environment = Map.copyOf(environment);
    }

    public static TargetRequest of(String name) {
        return new TargetRequest(name, null, null, null, null, System.getenv());
    }

    String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
