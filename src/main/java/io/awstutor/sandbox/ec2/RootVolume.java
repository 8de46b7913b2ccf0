package io.awstutor.sandbox.ec2;

import java.time.Instant;

/**
 * An instance's root EBS volume, derived from the instance (the sandbox models no other
 * volumes): 8 GiB gp3 from the image's snapshot, attached at {@code /dev/xvda}, deleted with
 * the instance.
 */
record RootVolume(String id, Instance instance) {
    static final String DEVICE = "/dev/xvda";
    static final int SIZE_GIB = 8;

    static RootVolume of(Instance instance) {
        return new RootVolume(instance.rootVolumeId(), instance);
    }

    String snapshotId() {
        return Ec2Ids.stable("snap", instance.imageId());
    }

    Instant attachTime() {
        return instance.launchTime();
    }
}
