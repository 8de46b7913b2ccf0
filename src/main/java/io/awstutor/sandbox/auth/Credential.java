package io.awstutor.sandbox.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * A key pair the sandbox knows: the root pair, an IAM user's access key, or temporary
 * credentials from STS (with a session token and an expiry).
 */
public record Credential(String accessKeyId, String secretAccessKey, Caller caller, boolean active,
                         Optional<String> sessionToken, Optional<Instant> expiration) {

    public static Credential permanent(String accessKeyId, String secret, Caller caller, boolean active) {
        return new Credential(accessKeyId, secret, caller, active, Optional.empty(), Optional.empty());
    }

    /** Never the secret or the session token: records would print them in full. */
    @Override
    public String toString() {
        return "Credential[" + accessKeyId + ", " + caller.arn() + (active ? "" : ", inactive")
                + expiration.map(e -> ", expires " + e).orElse("") + "]";
    }

    public boolean expiredAt(Instant now) {
        return expiration.map(now::isAfter).orElse(false);
    }
}
