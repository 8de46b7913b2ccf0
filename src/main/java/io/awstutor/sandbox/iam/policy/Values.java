package io.awstutor.sandbox.iam.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parsing of the typed values conditions compare: numbers, dates, IP addresses and CIDR blocks. */
final class Values {
    private Values() {}

    static String text(int[] tokens) {
        StringBuilder b = new StringBuilder(tokens.length);
        for (int t : tokens) b.append(t == Glob.STAR ? '*' : t == Glob.ANY_ONE ? '?' : (char) t);
        return b.toString();
    }

    static BigDecimal number(String s) {
        String t = s.trim();
        if (t.isEmpty() || t.length() > 64) return null;
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * ISO 8601 (with or without time, offset or fraction) or epoch seconds, as IAM's date
     * operators accept them ("Date condition operators").
     */
    static Long epochMillis(String s) {
        String t = s.trim();
        if (t.isEmpty()) return null;
        if (isInteger(t)) {
            try {
                return Math.multiplyExact(Long.parseLong(t), 1000L);
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (DateTimeParseException ignored) { /* try the next form */ }
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) { /* try the next form */ }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) { /* try the next form */ }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static boolean isInteger(String t) {
        int start = t.charAt(0) == '-' ? 1 : 0;
        if (start == t.length()) return false;
        for (int i = start; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
        }
        return true;
    }

    /** An IPv4 or IPv6 address literal; never a host name lookup. */
    static byte[] address(String s) {
        String t = s.trim();
        if (t.isEmpty()) return null;
        if (t.indexOf(':') >= 0) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                boolean ok = c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!ok) return null;
            }
            try {
                return InetAddress.getByName(t).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) return null;
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !isInteger(p) || p.charAt(0) == '-') return null;
            int v = Integer.parseInt(p);
            if (v > 255) return null;
            out[i] = (byte) v;
        }
        return out;
    }

    static Cidr cidr(String s) {
        String t = s.trim();
        int slash = t.indexOf('/');
        byte[] addr = address(slash < 0 ? t : t.substring(0, slash));
        if (addr == null) return null;
        int bits = addr.length * 8;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !isInteger(p) || p.charAt(0) == '-') return null;
            bits = Integer.parseInt(p);
            if (bits > addr.length * 8) return null;
        }
        return new Cidr(addr, bits);
    }

    record Cidr(byte[] network, int prefixBits) {
        boolean contains(String address) {
            byte[] a = address(address);
            if (a == null) {
                // a context value may itself be written as a CIDR ("10.0.0.1/32")
                Cidr c = address.indexOf('/') >= 0 ? cidr(address) : null;
                if (c == null || c.prefixBits < prefixBits) return false;
                a = c.network;
            }
            if (a.length != network.length) return false;
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != network[i]) return false;
            }
            int rest = prefixBits % 8;
            if (rest == 0) return true;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
