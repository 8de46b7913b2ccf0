package io.awstutor.sandbox.ec2;

/**
 * The other end of a security group rule: an IPv4 or IPv6 range, a managed prefix list, or
 * another security group (whose members' private addresses the rule then stands for).
 */
public sealed interface RulePeer permits RulePeer.Ipv4, RulePeer.Ipv6, RulePeer.PrefixList, RulePeer.Group {

    /** How AWS names the peer in its rule texts ("peer: 0.0.0.0/0, TCP, ..."). */
    String text();

    record Ipv4(String cidr, Ipv4Cidr block) implements RulePeer {
        /** AWS keeps a rule's range in network form: 10.0.0.1/8 is stored, shown and compared as 10.0.0.0/8. */
        public static Ipv4 of(String cidr) {
            Ipv4Cidr block = Ipv4Cidr.parse(cidr);
            return new Ipv4(block.toString(), block);
        }

        public String text() { return cidr; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ipv4 other && other.cidr.equals(cidr);
        }

        @Override
        public int hashCode() {
            return cidr.hashCode();
        }
    }

    record Ipv6(String cidr) implements RulePeer {
        public String text() { return cidr; }
    }

    record PrefixList(String prefixListId) implements RulePeer {
        public String text() { return prefixListId; }
    }

    record Group(String groupId, String userId) implements RulePeer {
        public String text() { return groupId; }
    }
}
