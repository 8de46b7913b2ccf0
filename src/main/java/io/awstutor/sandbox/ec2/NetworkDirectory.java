package io.awstutor.sandbox.ec2;

import java.util.List;
import java.util.Optional;

/**
 * What other services (RDS) may ask EC2 about an account's network, without reaching into
 * EC2's state: the default VPC, its subnets, whether a security group exists, and a private
 * address for a new network interface.
 */
public interface NetworkDirectory {

    record SubnetInfo(String subnetId, String vpcId, String availabilityZone, String cidrBlock) {
    }

    String defaultVpcId(String accountId, String region);

    List<SubnetInfo> subnets(String accountId, String region, String vpcId);

    /** The VPC the group belongs to, or empty when no such group exists in that region. */
    Optional<String> securityGroupVpc(String accountId, String region, String groupId);

    String defaultSecurityGroupId(String accountId, String region, String vpcId);

    /** Reserves a free private IPv4 address in the subnet. */
    String allocatePrivateIp(String accountId, String region, String subnetId);
}
