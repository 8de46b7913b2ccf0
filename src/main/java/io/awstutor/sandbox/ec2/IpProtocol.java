package io.awstutor.sandbox.ec2;

import java.util.Locale;

/**
 * IP protocol names as security groups store them: "tcp", "udp", "icmp", "icmpv6", "-1"
 * (all traffic) or a protocol number. AWS accepts numbers and names and answers with names.
 */
public final class IpProtocol {
    public static final String ALL = "-1";

    private IpProtocol() {
    }

    public static String normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw Ec2Errors.missingParameter("ipProtocol");
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "-1", "all" -> ALL;
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            case "icmpv6", "58" -> "icmpv6";
            default -> {
                try {
                    int number = Integer.parseInt(value);
                    if (number < 0 || number > 255) {
                        throw new NumberFormatException();
                    }
                    yield String.valueOf(number);
                } catch (NumberFormatException e) {
                    throw Ec2Errors.invalidParameterValue("Invalid value '" + raw + "' for IP protocol. Unknown protocol.");
                }
            }
        };
    }

    public static boolean hasPorts(String protocol) {
        return protocol.equals("tcp") || protocol.equals("udp");
    }

    public static boolean isIcmp(String protocol) {
        return protocol.equals("icmp") || protocol.equals("icmpv6");
    }

    /** The protocol as AWS's rule texts spell it: TCP, UDP, ICMP, ALL. */
    public static String label(String protocol) {
        return protocol.equals(ALL) ? "ALL" : protocol.toUpperCase(Locale.ROOT);
    }
}
