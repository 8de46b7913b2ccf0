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
    /** Asked twice on every PutObject (the object's owner, the bucket's): a hash each time was a SHA-256 each. */
    private final Map<String, String> idByAccount = new ConcurrentHashMap<>();

    public String of(String accountId) {
        String known = idByAccount.get(accountId);
        if (known != null) {
            return known;
        }
        String id = hash(accountId);
        accountById.putIfAbsent(id, accountId);
        idByAccount.putIfAbsent(accountId, id);
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
