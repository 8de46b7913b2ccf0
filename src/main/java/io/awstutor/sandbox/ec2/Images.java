package io.awstutor.sandbox.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public images every region offers, in the families AWS's catalog has today: Amazon
 * Linux 2023 (standard and minimal), Amazon Linux 2, Ubuntu 24.04 and 22.04 LTS, Debian 13
 * and 12, Windows Server 2025 and 2022. Each family comes in several dated releases, so
 * "take the newest" is a real choice, and for x86_64 and arm64 (Windows for x86_64 only,
 * as on AWS). Ids differ per region (as on AWS) but are stable across restarts, so a lesson
 * can look an image up by name and launch it.
 */
public final class Images {
    static final String AMAZON = "137112412989";
    static final String CANONICAL = "099720109477";
    static final String DEBIAN = "136693071363";
    static final String MICROSOFT_ON_AMAZON = "801119661308";

    /**
     * A family: {@code name} and {@code description} take the release then the architecture
     * as it is spelled in that family's names (amd64 for Ubuntu and Debian).
     */
    private record Family(String name, String description, String ownerId, String ownerAlias, String platform,
                          String rootDevice, String bootMode, boolean armToo, boolean debianArch, List<Release> releases) {
    }

    /** One dated release of a family: the version in its name, and when it was published. */
    private record Release(String version, String created) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("al2023-ami-%s-kernel-6.12-%s", "Amazon Linux 2023 AMI %s %s HVM kernel-6.12",
                    AMAZON, "amazon", "Linux/UNIX", "/dev/xvda", "uefi-preferred", true, false, List.of(
                    new Release("2023.9.20261103.0", "2026-11-03T21:04:12.000Z"),
                    new Release("2023.9.20261020.1", "2026-10-21T00:18:37.000Z"),
                    new Release("2023.9.20261006.0", "2026-10-06T19:52:02.000Z"))),
            new Family("al2023-ami-minimal-%s-kernel-6.12-%s", "Amazon Linux 2023 AMI %s %s Minimal HVM kernel-6.12",
                    AMAZON, "amazon", "Linux/UNIX", "/dev/xvda", "uefi-preferred", true, false, List.of(
                    new Release("2023.9.20261103.0", "2026-11-03T21:04:40.000Z"),
                    new Release("2023.9.20261020.1", "2026-10-21T00:19:05.000Z"),
                    new Release("2023.9.20261006.0", "2026-10-06T19:52:30.000Z"))),
            new Family("amzn2-ami-kernel-5.10-hvm-%s-%s-gp2", "Amazon Linux 2 Kernel 5.10 AMI %s %s HVM gp2",
                    AMAZON, "amazon", "Linux/UNIX", "/dev/xvda", null, true, false, List.of(
                    new Release("2.0.20261027.0", "2026-10-28T02:11:53.000Z"),
                    new Release("2.0.20261013.1", "2026-10-14T01:40:19.000Z"))),
            new Family("ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-%2$s-server-%1$s",
                    "Canonical, Ubuntu, 24.04 LTS, %2$s noble image build on %1$s",
                    CANONICAL, null, "Linux/UNIX", "/dev/sda1", "legacy-bios", true, true, List.of(
                    new Release("20261021", "2026-10-21T07:12:05.000Z"),
                    new Release("20261002", "2026-10-02T06:55:41.000Z"),
                    new Release("20260918", "2026-09-18T08:03:17.000Z"))),
            new Family("ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-%2$s-server-%1$s",
                    "Canonical, Ubuntu, 22.04 LTS, %2$s jammy image build on %1$s",
                    CANONICAL, null, "Linux/UNIX", "/dev/sda1", null, true, true, List.of(
                    new Release("20261015", "2026-10-15T08:41:22.000Z"),
                    new Release("20260926", "2026-09-26T09:12:48.000Z"))),
            new Family("debian-13-%2$s-%1$s", "Debian 13 (%1$s)", DEBIAN, null, "Linux/UNIX", "/dev/xvda", "uefi-preferred",
                    true, true, List.of(
                    new Release("20261104-2290", "2026-11-04T13:28:09.000Z"),
                    new Release("20261014-2270", "2026-10-14T12:57:44.000Z"))),
            new Family("debian-12-%2$s-%1$s", "Debian 12 (%1$s)", DEBIAN, null, "Linux/UNIX", "/dev/xvda", "uefi-preferred",
                    true, true, List.of(
                    new Release("20261102-2283", "2026-11-02T12:44:51.000Z"),
                    new Release("20261012-2263", "2026-10-12T12:31:26.000Z"))),
            new Family("Windows_Server-2025-English-Full-Base-%s", "Microsoft Windows Server 2025 Full Locale English AMI provided by Amazon",
                    MICROSOFT_ON_AMAZON, "amazon", "Windows", "/dev/sda1", "uefi", false, false, List.of(
                    new Release("2026.11.12", "2026-11-12T20:31:47.000Z"),
                    new Release("2026.10.15", "2026-10-15T20:18:02.000Z"))),
            new Family("Windows_Server-2022-English-Full-Base-%s", "Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon",
                    MICROSOFT_ON_AMAZON, "amazon", "Windows", "/dev/sda1", null, false, false, List.of(
                    new Release("2026.11.12", "2026-11-12T19:58:33.000Z"),
                    new Release("2026.10.15", "2026-10-15T19:47:10.000Z"))));

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
        for (Family family : FAMILIES) {
            for (Release release : family.releases()) {
                for (String arch : family.armToo() ? List.of("x86_64", "arm64") : List.of("x86_64")) {
                    String nameArch = family.debianArch() && arch.equals("x86_64") ? "amd64" : arch;
                    String name = String.format(family.name(), release.version(), nameArch);
                    images.add(new Image(Ec2Ids.stable("ami", region + "/" + name), name,
                            String.format(family.description(), release.version(), nameArch), arch, family.ownerId(),
                            family.ownerAlias(), release.created(), family.platform(), family.rootDevice(), family.bootMode()));
                }
            }
        }
        return List.copyOf(images);
    }
}
