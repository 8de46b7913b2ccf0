package io.awstutor.sandbox.ec2;

import java.util.List;
import java.util.Map;

/** What RunInstances asks for, decoded. Tags are by resource type (instance, volume, ...). */
public record LaunchRequest(String imageId, String instanceType, Integer minCount, Integer maxCount, String keyName,
                            List<String> securityGroupIds, List<String> securityGroupNames, String subnetId,
                            String privateIpAddress, Map<String, String> instanceTags, boolean dryRun) {
}
