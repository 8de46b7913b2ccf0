package io.awstutor.sandbox.ec2;

/** A VPC: its IPv4 block and whether it is the region's default VPC. */
public record Vpc(String id, String cidrBlock, boolean isDefault, String ownerId, String cidrAssociationId,
                  String dhcpOptionsId) {

    public Ipv4Cidr block() {
        return Ipv4Cidr.parse(cidrBlock);
    }
}
