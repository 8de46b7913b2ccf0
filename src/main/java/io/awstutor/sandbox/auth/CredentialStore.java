package io.awstutor.sandbox.auth;

import java.util.Optional;

/** Looks up the secret behind an access key id; IAM (users' keys) and STS (sessions) answer. */
public interface CredentialStore {
    Optional<Credential> lookup(String accessKeyId);

    /**
     * Whether the key may sign only requests from this machine: the well-known root key
     * ({@code test}) must not open a sandbox that faces a network.
     */
    default boolean loopbackOnly(String accessKeyId) {
        return false;
    }
}
