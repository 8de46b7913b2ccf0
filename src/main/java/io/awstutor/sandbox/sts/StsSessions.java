package io.awstutor.sandbox.sts;

import io.awstutor.sandbox.auth.Caller;
import io.awstutor.sandbox.auth.Credential;
import io.awstutor.sandbox.auth.CredentialStore;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary credentials STS has issued: an ASIA… key, its secret, its session token and
 * its expiry, for a caller (a role session, or the user or root that asked for a session
 * token). They are looked up by the signature check like any key; after expiry the check
 * answers ExpiredToken. Expired sessions are forgotten a day later.
 */
public final class StsSessions implements CredentialStore {
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final char[] KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Credential> sessions = new ConcurrentHashMap<>();

    @Override
    public Optional<Credential> lookup(String accessKeyId) {
        return Optional.ofNullable(sessions.get(accessKeyId));
    }

    /** Issues a new session for the caller, valid until {@code expiration}. */
    public Credential issue(Caller caller, Instant now, Instant expiration) {
        forgetExpired(now);
        Credential credential = new Credential(newKeyId(random), newSecret(random), caller, true,
                Optional.of(newToken()), Optional.of(expiration));
        sessions.put(credential.accessKeyId(), credential);
        return credential;
    }

    /** Restores sessions saved earlier (a sandbox with a data folder). */
    public void restore(Collection<Credential> saved) {
        saved.forEach(c -> sessions.put(c.accessKeyId(), c));
    }

    public List<Credential> all() {
        return List.copyOf(sessions.values());
    }

    private void forgetExpired(Instant now) {
        Instant cutoff = now.minus(FORGET_AFTER);
        sessions.values().removeIf(c -> c.expiration().map(e -> e.isBefore(cutoff)).orElse(false));
    }

    /** A temporary key's id as AWS writes them (ASIA and 16 characters); the console's sessions use it too. */
    public static String newKeyId(SecureRandom random) {
        StringBuilder id = new StringBuilder("ASIA");
        for (int i = 0; i < 16; i++) {
            id.append(KEY_CHARS[random.nextInt(KEY_CHARS.length)]);
        }
        return id.toString();
    }

    public static String newSecret(SecureRandom random) {
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Opaque and long, like AWS's (which clients must pass back verbatim). */
    private String newToken() {
        byte[] bytes = new byte[192];
        random.nextBytes(bytes);
        return "IQoJb3JpZ2luX2VjE" + Base64.getEncoder().encodeToString(bytes);
    }
}
