package io.awstutor.sandbox.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public images every region offers: Amazon Linux 2023, Amazon Linux 2 and Ubuntu
 * 22.04/24.04, each for x86_64 and arm64. Ids differ per region (as on AWS) but are stable
 * across restarts, so a lesson can look an image up by name and launch it.
 */
public final class Images {
    static final String AMAZON = "137112412989";
    static final String CANONICAL = "099720109477";

    private record Base(String name, String description, String ownerId, String ownerAlias, String created, String platform,
                        String rootDevice, String bootMode) {
    }

    private static final List<Base> BASES = List.of(
            new Base("al2023-ami-2023.9.20261103.0-kernel-6.12-%s", "Amazon Linux 2023 AMI 2023.9.20261103.0 %s HVM kernel-6.12",
                    AMAZON, "amazon", "2026-11-03T21:04:12.000Z", "Linux/UNIX", "/dev/xvda", "uefi-preferred"),
            new Base("al2023-ami-minimal-2023.9.20261103.0-kernel-6.12-%s", "Amazon Linux 2023 AMI 2023.9.20261103.0 %s Minimal HVM kernel-6.12",
                    AMAZON, "amazon", "2026-11-03T21:04:40.000Z", "Linux/UNIX", "/dev/xvda", "uefi-preferred"),
            new Base("amzn2-ami-kernel-5.10-hvm-2.0.20261027.0-%s-gp2", "Amazon Linux 2 Kernel 5.10 AMI 2.0.20261027.0 %s HVM gp2",
                    AMAZON, "amazon", "2026-10-28T02:11:53.000Z", "Linux/UNIX", "/dev/xvda", null),
            new Base("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-%s-server-20261015",
                    "Canonical, Ubuntu, 22.04 LTS, %s jammy image build on 2026-10-15",
                    CANONICAL, null, "2026-10-15T08:41:22.000Z", "Linux/UNIX", "/dev/sda1", null),
            new Base("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-%s-server-20261021",
                    "Canonical, Ubuntu, 24.04 LTS, %s noble image build on 2026-10-21",
                    CANONICAL, null, "2026-10-21T07:12:05.000Z", "Linux/UNIX", "/dev/sda1", "legacy-bios"));

    private Images() {
    }

    public static List<Image> forRegion(String region) {
        return build(region);
    }

    public static Optional<Image> find(String region, String imageId) {
        return forRegion(region).stream().filter(i -> i.id().equals(imageId)).findFirst();
    }

    private static List<Image> build(String region) {
        List<Image> images = new ArrayList<>();
        for (Base base : BASES) {
            for (String arch : List.of("x86_64", "arm64")) {
                boolean ubuntu = base.ownerId().equals(CANONICAL);
                String nameArch = ubuntu ? (arch.equals("x86_64") ? "amd64" : "arm64") : arch;
                String name = String.format(base.name(), nameArch);
                images.add(new Image(Ec2Ids.stable("ami", region + "/" + name), name, String.format(base.description(), nameArch),
                        arch, base.ownerId(), base.ownerAlias(), base.created(), base.platform(), base.rootDevice(), base.bootMode()));
            }
        }
        return List.copyOf(images);
    }
}
