package io.awstutor.sandbox.ec2;

/** AWS's checks on a rule's protocol and ports before it is stored or matched. */
final class RuleValidation {
    private RuleValidation() {
    }

    static void checkPorts(IpPermission permission) {
        String protocol = permission.protocol();
        Integer from = permission.fromPort();
        Integer to = permission.toPort();
        if (IpProtocol.hasPorts(protocol)) {
            if (from == null || to == null) {
                throw Ec2Errors.invalidParameterValue("Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
            }
            if (from < 0 || to > 65535 || from > to || to < 0) {
                throw Ec2Errors.invalidParameterValue("Invalid value 'Invalid port range: from port " + from
                        + ", to port " + to + "' for portRange.");
            }
        } else if (IpProtocol.isIcmp(protocol)) {
            if (from != null && (from < -1 || from > 255)) {
                throw Ec2Errors.invalidParameterValue("Invalid value '" + from + "' for ICMP type.");
            }
            if (to != null && (to < -1 || to > 255)) {
                throw Ec2Errors.invalidParameterValue("Invalid value '" + to + "' for ICMP code.");
            }
        }
        if (permission.peers().isEmpty()) {
            throw Ec2Errors.invalidParameterValue("The request must contain at least one source or destination: "
                    + "a CIDR block, a prefix list or a security group.");
        }
    }
}
