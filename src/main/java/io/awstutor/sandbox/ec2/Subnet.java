package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Arns;

/**
 * A subnet in one zone. Default subnets hand out public addresses on launch
 * ({@code mapPublicIpOnLaunch}); subnets a learner creates do not.
 */
public record Subnet(String id, String vpcId, String availabilityZone, String availabilityZoneId, String cidrBlock,
                     boolean defaultForAz, boolean mapPublicIpOnLaunch, String ownerId) {

    public Ipv4Cidr block() {
        return Ipv4Cidr.parse(cidrBlock);
    }

    /** AWS keeps the first four and the last address of every subnet for itself. */
    public long usableAddresses() {
        return block().size() - 5;
    }

    public String arn(String region) {
        return Arns.regional("ec2", region, ownerId, "subnet/" + id);
    }
}
