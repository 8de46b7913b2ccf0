package io.awstutor.sandbox.ec2;

/**
 * One rule of a security group (sgr-…): direction, protocol, port range (null for "all
 * traffic"; ICMP type and code for ICMP) and one peer. AWS stores and numbers each peer of
 * an IpPermission as its own rule.
 */
public record SecurityGroupRule(String id, String groupId, String ownerId, boolean egress, String protocol,
                                Integer fromPort, Integer toPort, RulePeer peer, String description) {

    /** Same rule apart from id and description: what AWS calls a duplicate. */
    public boolean sameAs(SecurityGroupRule other) {
        return egress == other.egress && protocol.equals(other.protocol)
                && java.util.Objects.equals(fromPort, other.fromPort) && java.util.Objects.equals(toPort, other.toPort)
                && peer.equals(other.peer);
    }

    /** Whether this rule lets TCP traffic to or from {@code port} through. */
    public boolean allowsTcp(int port) {
        if (protocol.equals(IpProtocol.ALL)) {
            return true;
        }
        return protocol.equals("tcp") && fromPort != null && toPort != null && fromPort <= port && port <= toPort;
    }

    /**
     * AWS's wording of the rule in InvalidPermission.Duplicate:
     * {@code peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW}.
     */
    public String text() {
        StringBuilder text = new StringBuilder("peer: ").append(peer.text()).append(", ").append(IpProtocol.label(protocol));
        if (IpProtocol.hasPorts(protocol)) {
            text.append(", from port: ").append(fromPort).append(", to port: ").append(toPort);
        } else if (IpProtocol.isIcmp(protocol)) {
            text.append(", type: ").append(fromPort).append(", code: ").append(toPort);
        }
        return text.append(", ALLOW").toString();
    }

    public SecurityGroupRule withDescription(String newDescription) {
        return new SecurityGroupRule(id, groupId, ownerId, egress, protocol, fromPort, toPort, peer, newDescription);
    }
}
