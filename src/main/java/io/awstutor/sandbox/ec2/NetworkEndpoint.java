package io.awstutor.sandbox.ec2;

import java.util.List;

/**
 * Something with an address and security groups that traffic can reach: an EC2 instance or
 * an RDS DB instance. The reachability evaluator and DeleteSecurityGroup's dependency rule
 * see both kinds through this one shape.
 */
public record NetworkEndpoint(String id, String kind, String vpcId, String privateIp, List<String> securityGroupIds) {
}
