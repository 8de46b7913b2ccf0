package io.awstutor.sandbox.ec2;

import java.util.List;

/**
 * Another service's resources that live in a VPC and hold security groups (RDS's DB
 * instances). EC2 asks every source when it decides whether a group is still in use and
 * when it answers reachability questions.
 */
public interface NetworkEndpointSource {
    List<NetworkEndpoint> endpoints(String accountId, String region);
}
