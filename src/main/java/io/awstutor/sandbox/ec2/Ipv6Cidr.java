package io.awstutor.sandbox.ec2;

import java.util.regex.Pattern;

/**
 * The IPv6 ranges of security group rules: only the check AWS makes before it accepts one
 * (eight hex groups, or fewer with one "::", and a prefix length up to 128). Parsed by hand,
 * because {@code InetAddress} may go to DNS for text that is not an address.
 */
final class Ipv6Cidr {
    private static final Pattern GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

    private Ipv6Cidr() {
    }

    static boolean isValid(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || !cidr.substring(slash + 1).matches("\\d{1,3}") || Integer.parseInt(cidr.substring(slash + 1)) > 128) {
            return false;
        }
        String address = cidr.substring(0, slash);
        int gap = address.indexOf("::");
        if (gap >= 0 && address.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(address) == 8;
        }
        int before = address.substring(0, gap).isEmpty() ? 0 : groups(address.substring(0, gap));
        int after = address.substring(gap + 2).isEmpty() ? 0 : groups(address.substring(gap + 2));
        return before >= 0 && after >= 0 && before + after <= 7;
    }

    /** How many groups the colon-separated text holds, or -1 if one of them is not 1 to 4 hex digits. */
    private static int groups(String text) {
        String[] parts = text.split(":", -1);
        for (String part : parts) {
            if (!GROUP.matcher(part).matches()) {
                return -1;
            }
        }
        return parts.length;
    }
}
