package io.awstutor.sandbox.s3.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * S3's canonical user ids: 64 hex characters per account. The sandbox derives them from the
 * account id (stable across restarts) and remembers the reverse mapping for grants.
 */
public final class CanonicalIds {
    private final Map<String, String> accountById = new ConcurrentHashMap<>();

    public String of(String accountId) {
        String id = hash(accountId);
        accountById.putIfAbsent(id, accountId);
        return id;
    }

    public Optional<String> accountOf(String canonicalId) {
        return Optional.ofNullable(accountById.get(canonicalId));
    }

    private static String hash(String accountId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("awstutor-canonical:" + accountId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
