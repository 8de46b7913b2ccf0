package io.awstutor.sandbox.rds;

import io.awstutor.sandbox.ec2.NetworkDirectory.SubnetInfo;

import java.util.List;
import java.util.Map;

/** A DB subnet group: the subnets (and so the zones) of one VPC where DB instances may live. */
public record DbSubnetGroup(String name, String description, String arn, String vpcId,
                            List<SubnetInfo> subnets, Map<String, String> tags) {

    public List<String> zones() {
        return subnets.stream().map(SubnetInfo::availabilityZone).distinct().sorted().toList();
    }
}
