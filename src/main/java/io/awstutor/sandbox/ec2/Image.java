package io.awstutor.sandbox.ec2;

/** A public machine image (AMI) of the catalog. */
public record Image(String id, String name, String description, String architecture, String ownerId, String ownerAlias,
                    String creationDate, String platformDetails, String rootDeviceName, String bootMode) {

    public String arn(String region) {
        return "arn:aws:ec2:" + region + "::image/" + id;
    }
}
