package io.awstutor.sandbox.auth;

/** Told of every request whose signature verified (IAM's GetAccessKeyLastUsed reads it). */
@FunctionalInterface
public interface KeyUseListener {
    void used(String accessKeyId, String service, String region);

    KeyUseListener NONE = (key, service, region) -> { };
}
