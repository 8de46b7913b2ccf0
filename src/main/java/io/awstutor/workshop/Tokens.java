package io.awstutor.workshop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The workshop's secrets: join codes (short, read aloud in a room, no look-alike letters),
 * tokens (long, random), and the hashes under which tokens are kept.
 */
public final class Tokens {
    /** No 0/O, 1/I/L, 5/S, 2/Z: a code is read off a projector. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
    private final SecureRandom random = new SecureRandom();

    /** {@code KX4-92P} */
    public String joinCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                code.append('-');
            }
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed: any case, with or without its dash or spaces. */
    public static String normalizeCode(String typed) {
        String letters = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return letters.length() == 6 ? letters.substring(0, 3) + "-" + letters.substring(3) : letters;
    }

    /** 32 random bytes as hex. */
    public String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Compares in constant time, so the answer's timing tells nothing of the secret. */
    public static boolean matches(String presented, String expectedHash) {
        if (presented == null || expectedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
