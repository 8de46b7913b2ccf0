package io.awstutor.sandbox.rds;

import java.util.Optional;

/**
 * Which VPC a subnet belongs to, for a DB subnet group made of subnets the learner created.
 * EC2 answers it (wired in the service catalog); without it, RDS knows only the default
 * VPC's subnets, which {@link io.awstutor.sandbox.ec2.NetworkDirectory} lists.
 */
@FunctionalInterface
public interface SubnetLocator {
    Optional<String> vpcOf(String accountId, String region, String subnetId);
}
