package io.awstutor.sandbox.auth;

import java.util.Optional;

/** Looks up the secret behind an access key id; IAM (users' keys) and STS (sessions) answer. */
public interface CredentialStore {
    Optional<Credential> lookup(String accessKeyId);
}
