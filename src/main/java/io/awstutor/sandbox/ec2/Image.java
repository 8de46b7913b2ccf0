package io.awstutor.sandbox.ec2;

import io.awstutor.sandbox.protocol.Arns;

/** A public machine image (AMI) of the catalog. */
public record Image(String id, String name, String description, String architecture, String ownerId, String ownerAlias,
                    String creationDate, String platformDetails, String rootDeviceName, String bootMode) {

    public String arn(String region) {
        return Arns.regional("ec2", region, "", "image/" + id);
    }
}
