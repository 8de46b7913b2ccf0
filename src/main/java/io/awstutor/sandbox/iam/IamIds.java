package io.awstutor.sandbox.iam;

import java.security.SecureRandom;

/**
 * IAM's identifiers: a four-letter prefix naming the kind (AIDA user, AGPA group, AROA role,
 * ANPA policy, AIPA instance profile, AKIA access key) and upper-case base32 characters.
 */
final class IamIds {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String user() { return id("AIDA", 17); }
    String group() { return id("AGPA", 17); }
    String role() { return id("AROA", 17); }
    String policy() { return id("ANPA", 17); }
    String instanceProfile() { return id("AIPA", 17); }
    String accessKey() { return id("AKIA", 16); }

    String secret() {
        char[] chars = new char[40];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = SECRET[random.nextInt(SECRET.length)];
        }
        return new String(chars);
    }

    byte[] salt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    private String id(String prefix, int length) {
        // one draw for the whole id: each SecureRandom call takes a process-wide lock (and, for
        // NativePRNG, reads /dev/urandom), and ids are made under IAM's write lock
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        StringBuilder sb = new StringBuilder(prefix.length() + length).append(prefix);
        for (byte b : bytes) {
            sb.append(BASE32[b & 31]);
        }
        return sb.toString();
    }
}
