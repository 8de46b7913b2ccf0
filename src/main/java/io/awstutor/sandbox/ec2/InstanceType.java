package io.awstutor.sandbox.ec2;

/**
 * An instance type's published figures: vCPUs (and how they split into cores and threads),
 * memory, architecture, processor, hypervisor, whether it bursts and whether the free tier covers it.
 */
public record InstanceType(String name, int vcpus, int cores, int threadsPerCore, long memoryMiB, String architecture,
                           String manufacturer, double clockGhz, String hypervisor, boolean burstable,
                           boolean freeTierEligible, String networkPerformance) {

    /** The small T2 sizes (up to medium) also run 32-bit (i386) images, as AWS lists them. */
    public java.util.List<String> supportedArchitectures() {
        return family().equals("t2") && memoryMiB <= 4096 ? java.util.List.of("i386", architecture) : java.util.List.of(architecture);
    }

    public String family() {
        return name.substring(0, name.indexOf('.'));
    }
}
