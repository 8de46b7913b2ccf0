package io.awstutor.sandbox.ec2;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * EC2's resource ids: a type prefix and 17 lower-case hex digits (sg-0a1b…, i-0c2d…), the
 * form AWS has used since 2016. Older 8-digit ids are still accepted as well-formed.
 */
public final class Ec2Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8}|[0-9a-f]{17}");

    private Ec2Ids() {
    }

    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-').append('0');
        for (int i = 0; i < 16; i++) {
            id.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return id.toString();
    }

    /** A deterministic id (catalog AMIs): the same seed gives the same id on every start. */
    public static String stable(String prefix, String seed) {
        long h = 1125899906842597L;
        for (int i = 0; i < seed.length(); i++) {
            h = 31 * h + seed.charAt(i);
        }
        h ^= (h >>> 29);
        h *= 0xbf58476d1ce4e5b9L;
        h ^= (h >>> 32);
        return prefix + "-0" + String.format("%016x", h);
    }

    public static boolean wellFormed(String id, String prefix) {
        return id != null && id.startsWith(prefix + "-") && HEX.matcher(id.substring(prefix.length() + 1)).matches();
    }
}
