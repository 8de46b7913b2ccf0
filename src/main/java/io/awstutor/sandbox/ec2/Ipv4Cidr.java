package io.awstutor.sandbox.ec2;

/**
 * An IPv4 network in CIDR notation, held as two ints so that "does 10.0.1.5 fall inside
 * 10.0.0.0/16" is a mask and a compare (the reachability evaluator asks it a lot).
 */
public record Ipv4Cidr(int network, int prefixLength) {

    public static Ipv4Cidr parse(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("no prefix length: " + cidr);
        }
        int length = Integer.parseInt(cidr.substring(slash + 1));
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("bad prefix length: " + cidr);
        }
        int address = parseAddress(cidr.substring(0, slash));
        return new Ipv4Cidr(address & mask(length), length);
    }

    /** Whether the text is a CIDR block AWS would accept (host bits may be set; AWS clears them). */
    public static boolean isValid(String cidr) {
        try {
            parse(cidr);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static int parseAddress(String dotted) {
        String[] parts = dotted.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + dotted);
        }
        int value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + dotted);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    public static String format(int address) {
        return ((address >>> 24) & 255) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "." + (address & 255);
    }

    private static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    public boolean contains(int address) {
        return (address & mask(prefixLength)) == network;
    }

    public boolean contains(String address) {
        return contains(parseAddress(address));
    }

    public boolean overlaps(Ipv4Cidr other) {
        int shorter = Math.min(prefixLength, other.prefixLength);
        return (network & mask(shorter)) == (other.network & mask(shorter));
    }

    public long size() {
        return 1L << (32 - prefixLength);
    }

    public int address(long offset) {
        return (int) (network + offset);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }
}
